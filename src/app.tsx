import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from './db/database.ts';
import { appointmentsTodayCard, frontDeskRoutes, staffAudit, staffGate } from './features/front-desk/index.ts';
import { noLiveEvents, type LiveEvents } from './platform/events/live-events.ts';
import {
  allowEveryBooking,
  appointmentRoutes,
  BookingsCache,
  ScheduleCache,
  type AppointmentNotices,
  type AppointmentNotifier,
  type BookingGuard,
} from './features/appointments/index.ts';
import {
  appointmentPortalRoutes,
  createEngineAdapter,
  createPortalNotices,
  portalBookingGuard,
  type PortalEngine,
} from './features/appointments/portal/index.ts';
import { officePortalRoutes, officeRoutes } from './features/office/index.ts';
import { officeStaffRoutes } from './features/office/staff/office-staff-routes.ts';
import { appointmentStaffRoutes } from './features/appointments/staff/staff-routes.ts';
import { paymentRoutes } from './features/fees/staff/payment-routes.tsx';
import { invitationStaffRoutes, shortLinkRoutes, titleFileMaxBytes, titleImportPath } from './features/invitations/index.ts';
import { figuresRoutes } from './features/figures/staff/figures-routes.tsx';
import { lotteryPortalRoutes, lotteryStaffRoutes } from './features/lottery/index.ts';
import { searchApiRoutes } from './features/case-files/search/search-api-routes.ts';
import { searchRoutes } from './features/case-files/search/search-routes.tsx';
import { caseFileStaffRoutes } from './features/case-files/staff/case-file-routes.tsx';
import { procedureTypeRoutes } from './features/case-files/procedure-types/procedure-type-routes.tsx';
import { caseFileApiRoutes } from './features/case-files/http/case-file-api.ts';
import { caseFileRecordApiRoutes } from './features/case-files/http/case-file-record-api.ts';
import type { AppEnv } from './platform/http/app-env.ts';
import { problemResponse, toAppError, wantsProblemJson, statusOfCode } from './platform/http/error-edge.ts';
import type { Drain } from './platform/http/drain.ts';
import { healthRoutes } from './platform/http/health-routes.ts';
import { limitBody } from './platform/http/body-limit.ts';
import { refuseUnstorableInput } from './platform/http/input-guard.ts';
import { requestFrame } from './platform/http/request-frame.ts';
import { countRequest, metricsRoutes } from './platform/metrics/metrics-routes.ts';
import { validationHook } from './platform/http/validation.ts';
import type { Jobs } from './platform/jobs/jobs.ts';
import type { Logger } from './platform/log.ts';
import type { BlobStore } from './platform/storage/blob-store.ts';
import { documentRoutes, framableDocumentContent } from './features/case-files/documents/document-routes.tsx';
import { documentApiRoutes } from './features/case-files/documents/document-api-routes.ts';
import { isStreamedUpload } from './features/case-files/documents/streamed-upload.ts';
import { AppError } from './shared/app-error.ts';
import type { Clock } from './shared/clock.ts';
import { defaultStaffAuthSettings, staffApiRoutes, staffAuth, staffRoutes, type SsoClient, type StaffAuthSettings } from './features/staff/index.ts';
import { assetRoutes } from './web/assets.ts';
import { ErrorPage } from './web/error-page.tsx';
import { waitingListPortalRoutes, waitingListWatcher } from './features/waiting-list/index.ts';
import { defaultPortalSettings, portalKeyLoader, portalLangSegment, portalRoutes, proofOfWorkRoutes, type PortalSettings } from './features/portal/index.ts';
import { statusApiRoutes } from './features/status-lookup/http/status-api-routes.ts';
import { procedureEventRoutes } from './features/status-lookup/staff/procedure-events-routes.tsx';
import { statusAdminRoutes } from './features/status-lookup/staff/status-admin-routes.tsx';
import { statusPortalRoutes } from './features/status-lookup/portal/status-routes.tsx';
import { pageLanguage } from './web/page-language.ts';
import { xdomeaApiRoutes } from './features/case-files/xdomea/xdomea-api-routes.ts';
import { xdomeaStaffRoutes } from './features/case-files/xdomea/import-routes.tsx';
import type { VirusScanner } from './platform/virus-scan/clamd.ts';
import type { Locker } from '@tus/server';
import { applyPortalRoutes } from './features/applications/portal/apply-routes.tsx';
import { applicationApiRoutes } from './features/applications/http/application-api.ts';
import { contactBodyLimit, isContactUpload, messagePortalRoutes } from './features/messages/portal/message-portal-routes.tsx';
import { messageStaffRoutes } from './features/messages/staff/message-staff-routes.tsx';
import { messageApiRoutes } from './features/messages/http/message-api.ts';
import { formAdminRoutes } from './features/applications/staff/form-admin-routes.tsx';
import { inboxRoutes } from './features/applications/staff/inbox-routes.tsx';
import { newApplicationsCard } from './features/applications/index.ts';
import { unansweredMessagesCard } from './features/messages/index.ts';

export type AppDeps = {
  db: Database;
  jobs: Jobs;
  logger: Logger;
  clock: Clock;
  bodyLimitBytes: number;
  publicUrl: string;
  /** Figures of the citizen portal; defaults when left out (see src/features/portal/portal-settings.ts). */
  portal?: Partial<PortalSettings>;
  /** The appointment operations the portal calls; the engine's use cases when left out. */
  engine?: PortalEngine;
  /** One LISTEN connection per instance feeding every live screen (displays, desks, reception). */
  liveEvents?: LiveEvents;
  /**
   * Tells people about changes of their appointments (mails, reminder), for the portal, the API and
   * staff alike; the portal's e-mails when left out.
   */
  notifier?: AppointmentNotifier;
  /** The outbox of notices that `notifier` delivers; main.ts passes its own to sweep it too. */
  notices?: AppointmentNotices;
  /** Anti-bot check before public bookings (proof of work comes with the portal); allows all by default. */
  bookingGuard?: BookingGuard;
  /** Sign-in and session settings; defaults derived from publicUrl when omitted (tests). */
  staffAuth?: Partial<StaffAuthSettings>;
  /** Single sign-on for staff through the office's identity provider; password sign-in only when left out. */
  sso?: SsoClient | undefined;
  /** proxy-addr trust entries: X-Forwarded-For is read only through these proxies (none by default). */
  trustedProxies?: readonly string[];
  /** Set by main.ts when the instance shuts down: /readyz answers 503 and connections are not kept alive. */
  drain?: Drain;
  /** Bearer token for GET /metrics; without it there is no /metrics. */
  metricsToken?: string | undefined;
  /** Where document bytes are kept (platform/storage); document uploads and downloads answer 503 without it. */
  blobs?: BlobStore;
  /** The office's time zone (status look-ups are counted on its days, invitation runs started from the staff pages planned in it); Europe/Berlin when left out. */
  timeZone?: string;
  /** Largest document upload in bytes (100 MB when left out). */
  uploadMaxBytes?: number;
  /** clamd for every upload (applicants', staff documents, message attachments, imports; LOTSE_CLAMD_ADDRESS); nothing is scanned when left out. */
  virusScanner?: VirusScanner | undefined;
  /** tus's locks of resumable uploads shared by the instances (main.ts: PostgreSQL); in memory when left out (one instance). */
  uploadLocker?: Locker | undefined;
};

/** Builds the whole HTTP application; main.ts serves it, tests call app.request(). */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(
    '*',
    requestFrame({
      logger: deps.logger,
      trustedProxies: deps.trustedProxies ?? [],
      secureCookies: deps.publicUrl.startsWith('https://'),
      drain: deps.drain,
      countRequest,
    }),
  );
  app.use('/staff/files/*', framableDocumentContent);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Sign-out of a single sign-on session ends at the identity provider (a redirect after the form).
        formAction: deps.sso ? ["'self'", new URL(deps.sso.settings.issuer).origin] : ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      strictTransportSecurity: deps.publicUrl.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : false,
    }),
  );
  const bodyLimit = limitBody(deps.bodyLimitBytes, () => {
    throw new AppError('payload_too_large', `The request body is larger than ${deps.bodyLimitBytes} bytes.`);
  });
  const inputGuard = refuseUnstorableInput();
  // Document uploads stream to the blob store under their own limit (case-files/documents/streamed-upload.ts).
  const streamed = (c: Context<AppEnv>) =>
    isStreamedUpload({ method: c.req.method, path: c.req.path, contentType: c.req.header('content-type'), csrfInQuery: c.req.query('_csrf') !== undefined });
  // The contact forms carry attachments: held to their own, larger limit (messages/portal).
  const contactLimit = limitBody(contactBodyLimit, () => {
    throw new AppError('payload_too_large', `The message with its files is larger than ${contactBodyLimit} bytes.`);
  });
  // The CSV export of titles is uploaded whole (invitations): its limit is the file's plus the form around it.
  const titleFileLimitBytes = Math.max(deps.bodyLimitBytes, titleFileMaxBytes + 64 * 1024);
  const titleFileLimit = limitBody(titleFileLimitBytes, () => {
    throw new AppError('payload_too_large', `Die Datei ist größer als ${titleFileLimitBytes} Bytes. / The file is larger than ${titleFileLimitBytes} bytes.`);
  });
  // One middleware for the body's limit and the input guard: whether the body streams is asked once.
  app.use('*', (c, next) => {
    if (streamed(c)) return next();
    const limit =
      c.req.method === 'POST' && c.req.path === titleImportPath
        ? titleFileLimit
        : isContactUpload({ method: c.req.method, path: c.req.path })
          ? contactLimit
          : bodyLimit;
    return limit(c, async () => {
      await inputGuard(c, next);
    });
  });

  const staffDeps = {
    db: deps.db,
    clock: deps.clock,
    settings: {
      ...defaultStaffAuthSettings,
      secureCookies: deps.publicUrl.startsWith('https://'),
      publicOrigin: new URL(deps.publicUrl).origin,
      ...deps.staffAuth,
    },
    sso: deps.sso,
  };
  app.use('/staff/*', staffAuth(staffDeps));
  app.use('/staff', staffAuth(staffDeps));
  app.use('/api/v1/*', staffAuth(staffDeps));
  // The front desk's staff screens and device screens: sessions, API tokens and device tokens.
  for (const path of ['/desk', '/desk/*', '/reception', '/reception/*', '/figures', '/front-desk/*', '/kiosk', '/kiosk/*', '/display', '/display/*'])
    app.use(path, staffAuth(staffDeps));

  const portalSettings = { ...defaultPortalSettings, ...deps.portal };
  // One copy of each location's schedule for all of this app's bookings and availability.
  const schedules = new ScheduleCache(deps.clock);
  const bookings = new BookingsCache(portalSettings.releaseDelayMinutes);
  const portalKey = portalKeyLoader(deps.db, portalSettings.hmacKey);
  const notices =
    deps.notices ??
    createPortalNotices({
      db: deps.db,
      jobs: deps.jobs,
      clock: deps.clock,
      publicUrl: deps.publicUrl,
      hmacKey: portalSettings.hmacKey,
      logger: deps.logger,
      deliverer: deps.notifier,
      watchers: [waitingListWatcher({ jobs: deps.jobs, settings: portalSettings })],
    });

  app.route('/', healthRoutes(deps));
  if (deps.metricsToken) app.route('/', metricsRoutes(deps.metricsToken));
  // What waits for staff on the start page; each domain decides who sees its cards.
  const homeCards = [appointmentsTodayCard(staffDeps), newApplicationsCard(staffDeps), unansweredMessagesCard(staffDeps)];
  app.route('/', staffRoutes({ ...staffDeps, homeCards }));
  app.route('/', officeStaffRoutes({ ...staffDeps, notices }));
  app.route('/', appointmentStaffRoutes({ ...staffDeps, notices, publicUrl: deps.publicUrl }));
  // The case-file search before the file: /staff/files/search is not a file id.
  const staffAreas = [
    paymentRoutes,
    figuresRoutes,
    lotteryStaffRoutes,
    searchRoutes,
    searchApiRoutes,
    caseFileStaffRoutes,
    procedureTypeRoutes,
    formAdminRoutes,
    caseFileApiRoutes,
    caseFileRecordApiRoutes,
    staffApiRoutes,
  ];
  for (const routes of staffAreas) app.route('/', routes(staffDeps));
  app.route('/', inboxRoutes({ ...staffDeps, jobs: deps.jobs, notices, schedules, bookings }));
  // One set of upload dependencies for every way bytes come in: the same limit and virus scan on every upload.
  const uploads = deps.blobs
    ? { blobs: deps.blobs, uploadMaxBytes: deps.uploadMaxBytes ?? 100 * 1024 * 1024, jobs: deps.jobs, virusScanner: deps.virusScanner }
    : undefined;
  if (uploads) {
    const documentDeps = { db: deps.db, clock: deps.clock, ...uploads };
    app.route('/', documentRoutes(documentDeps));
    app.route('/', documentApiRoutes(documentDeps));
  }
  app.route('/', xdomeaStaffRoutes({ ...staffDeps, blobs: deps.blobs, virusScanner: deps.virusScanner }));
  app.route('/', xdomeaApiRoutes({ ...staffDeps, blobs: deps.blobs, virusScanner: deps.virusScanner }));
  app.route('/', assetRoutes());
  // The portal shell first: its language cookie and cache rule apply to the domains' portal pages after it.
  const portalDeps = { db: deps.db, clock: deps.clock, publicUrl: deps.publicUrl, settings: portalSettings, key: portalKey };
  app.route('/', portalRoutes(portalDeps));
  app.route('/', officePortalRoutes({ ...portalDeps, applications: deps.blobs !== undefined }));
  if (uploads) {
    // One set of dependencies for the portal's forms and the API: the same checks on every upload.
    const applicationDeps = { ...portalDeps, ...uploads };
    app.route('/', applyPortalRoutes({ ...applicationDeps, uploadLocker: deps.uploadLocker }));
    app.route('/', applicationApiRoutes(applicationDeps));
  }
  app.route(
    '/',
    appointmentPortalRoutes({
      ...portalDeps,
      engine: deps.engine ?? createEngineAdapter({ db: deps.db, clock: deps.clock, schedules, bookings, notices }),
    }),
  );
  app.route('/', waitingListPortalRoutes({ ...portalDeps, jobs: deps.jobs, notices, schedules, bookings }));
  app.route('/', lotteryPortalRoutes({ ...portalDeps, jobs: deps.jobs, onBooked: () => notices.committed?.() }, portalLangSegment));
  const messageDeps = { db: deps.db, clock: deps.clock, blobs: deps.blobs, jobs: deps.jobs, publicUrl: deps.publicUrl, virusScanner: deps.virusScanner };
  app.route('/', messagePortalRoutes({ ...portalDeps, ...messageDeps }));
  app.route('/', messageStaffRoutes(messageDeps));
  app.route('/', messageApiRoutes({ ...portalDeps, ...messageDeps }));
  const statusDeps = { ...portalDeps, timeZone: deps.timeZone ?? 'Europe/Berlin' };
  app.route('/', statusPortalRoutes(statusDeps, portalLangSegment));
  app.route('/', statusApiRoutes(statusDeps));
  app.route('/', procedureEventRoutes({ ...staffDeps, jobs: deps.jobs }));
  app.route('/', statusAdminRoutes({ ...staffDeps, timeZone: statusDeps.timeZone }));
  app.route('/', proofOfWorkRoutes({ settings: portalSettings, clock: deps.clock, key: portalKey }));
  // Invitations: the letter's short link, and the staff pages of the runs.
  app.route('/', shortLinkRoutes({ db: deps.db, clock: deps.clock, key: portalKey }));
  app.route(
    '/',
    invitationStaffRoutes({ ...staffDeps, jobs: deps.jobs, publicUrl: deps.publicUrl, timeZone: deps.timeZone ?? 'Europe/Berlin', key: portalKey, schedules }),
  );
  const apiGuard = portalSettings.guardApi
    ? portalBookingGuard({ db: deps.db, clock: deps.clock, settings: portalSettings, key: portalKey })
    : allowEveryBooking;
  app.route(
    '/',
    frontDeskRoutes({
      db: deps.db,
      clock: deps.clock,
      liveEvents: deps.liveEvents ?? noLiveEvents,
      gate: staffGate(deps),
      audit: staffAudit(deps),
      publicUrl: deps.publicUrl,
    }),
  );
  app.route('/', officeRoutes(deps));
  app.route(
    '/',
    appointmentRoutes({
      db: deps.db,
      clock: deps.clock,
      schedules,
      bookings,
      releaseDelayMinutes: portalSettings.releaseDelayMinutes,
      bookingGuard: deps.bookingGuard ?? apiGuard,
      notices,
    }),
  );

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Lotse API', version: '1', description: 'Appointments and front desk of an immigration office.' },
  });

  app.notFound((c) => respondWithError(c, new AppError('not_found', `Nothing at ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => respondWithError(c, toAppError(error, deps.logger, c.get('requestId'))));
  return app;
}

function respondWithError(c: Context<AppEnv>, error: AppError): Response | Promise<Response> {
  if (wantsProblemJson(c)) return problemResponse(c, error);
  c.status(statusOfCode[error.code]);
  return c.html(<ErrorPage lang={pageLanguage(c)} code={error.code} requestId={c.get('requestId')} fieldErrors={error.fieldErrors} />);
}
