import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError, type AppError } from '../../../shared/app-error.ts';
import { localDay } from '../../../web/format.ts';
import { isLanguage, translate, type Lang } from '../../../web/i18n.ts';
import { isPortalPersonName, normalizePersonName, type AppointmentNotifier, type BookingsCache, type ScheduleCache } from '../../appointments/index.ts';
import { findLocation, findLocationById, findService, findServiceById } from '../../office/index.ts';
import { checkCsrf, clientIp, csrfToken, enforce, grantAccess, portalLang, portalLangSegment, problemPage, type PortalDeps } from '../../portal/index.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { acceptOffer } from '../answer-offer.ts';
import { confirmEntry } from '../confirm-entry.ts';
import { declineOffer } from '../answer-offer.ts';
import { entryByLink } from '../entry-by-link.ts';
import { joinWaitingList } from '../join-waiting-list.ts';
import { leaveWaitingList } from '../leave-waiting-list.ts';
import { checkOfferOpen, offerByLink } from '../offer-by-link.ts';
import type { WaitingListDeps } from '../waiting-list-deps.ts';
import { EntryPage, formHours, JoinPage, MessagePage, OfferPage, type JoinErrors, type JoinValues } from './waiting-list-pages.tsx';

export type WaitingListPortalDeps = PortalDeps & {
  jobs: Jobs;
  notices: AppointmentNotifier;
  schedules?: ScheduleCache | undefined;
  bookings?: BookingsCache | undefined;
};

/**
 * The waiting list's citizen pages: join (when a service has no free time), the entry's page
 * behind the mail's link (confirm, place in line, leave), and the offer's page (accept, decline).
 * Every link in a mail opens a page; only its buttons (POST with CSRF) change anything.
 */
export function waitingListPortalRoutes(deps: WaitingListPortalDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const lang = portalLangSegment;
  const list: WaitingListDeps = {
    ...deps,
    settings: { offerMinutes: deps.settings.waitingListOfferMinutes, releaseDelayMinutes: deps.settings.releaseDelayMinutes },
  };

  async function serviceAndLocation(c: Context<AppEnv>) {
    const service = await findService(deps, portalLang(c), c.req.param('service') ?? '');
    const location = await findLocation(deps, c.req.param('location') ?? '');
    if (!service?.onlineBookable || !location || !service.locationIds.includes(location.id)) return undefined;
    return { service, location };
  }

  const joinPath = (service: { slug: string }, location: { slug: string }) => `/waiting-list/join/${service.slug}/${location.slug}`;

  function renderJoin(c: Context<AppEnv>, found: NonNullable<Awaited<ReturnType<typeof serviceAndLocation>>>, values: JoinValues, errors: JoinErrors) {
    const l = portalLang(c);
    const path = joinPath(found.service, found.location);
    return c.html(
      <JoinPage
        lang={l}
        {...found}
        values={values}
        errors={errors}
        csrf={csrfToken(c)}
        action={`/${l}${path}`}
        path={path}
        offerMinutes={deps.settings.waitingListOfferMinutes}
        backHref={`/${l}/book/${found.service.slug}/${found.location.slug}`}
      />,
    );
  }

  routes.get(`/${lang}/waiting-list/join/:service/:location`, async (c) => {
    const found = await serviceAndLocation(c);
    if (!found) return problem(c, 404, 'unknown_service');
    const values: JoinValues = { name: '', dateOfBirth: '', email: '', language: portalLang(c), weekdays: [1, 2, 3, 4, 5], from: 8, until: 16 };
    return renderJoin(c, found, values, {});
  });

  routes.post(`/${lang}/waiting-list/join/:service/:location`, async (c) => {
    const found = await serviceAndLocation(c);
    if (!found) return problem(c, 404, 'unknown_service');
    const l = portalLang(c);
    const form = await c.req.parseBody({ all: true });
    checkCsrf(c, form, deps.publicUrl);
    const now = deps.clock.now();
    const { values, errors } = readJoinForm(l, form, localDay(now, found.location.timeZone));
    if (Object.keys(errors).length > 0) {
      c.status(422);
      return renderJoin(c, found, values, errors);
    }
    const key = await deps.key();
    try {
      await enforce(deps.db, key, { bucket: 'waiting-list-ip', subject: clientIp(c), limit: deps.settings.bookingsPerIpPerHour, windowSeconds: 3600, now });
      await enforce(deps.db, key, {
        bucket: 'waiting-list-email',
        subject: values.email.toLowerCase(),
        limit: deps.settings.bookingsPerEmailPerDay,
        windowSeconds: 86_400,
        now,
      });
    } catch (error) {
      if (!isAppError(error) || error.code !== 'rate_limited') throw error;
      c.header('Retry-After', '3600');
      return problemPage(c, 429, { lang: l, path: '/', problem: 'limit', actions: [{ href: `/${l}/`, label: translate(l, 'portal.home') }] });
    }
    const own = (await findServiceById(deps, values.language, found.service.id)) ?? found.service;
    try {
      await joinWaitingList(list, {
        serviceId: found.service.id,
        locationId: found.location.id,
        person: { name: normalizePersonName(values.name), dateOfBirth: values.dateOfBirth, email: values.email.trim() },
        language: values.language,
        acceptable: { weekdays: values.weekdays, fromMinute: values.from * 60, untilMinute: values.until * 60 },
        names: { service: own.name, location: `${found.location.name}, ${found.location.address}` },
      });
    } catch (error) {
      return failure(c, error);
    }
    return c.redirect(`/${l}/waiting-list/joined`, 303);
  });

  routes.get(`/${lang}/waiting-list/joined`, (c) => note(c, 'joined'));

  routes.get(`/${lang}/waiting-list/entry/:token`, async (c) => {
    const l = portalLang(c);
    try {
      const entry = await entryByLink(deps.db, c.req.param('token'));
      const [service, location] = await Promise.all([findServiceById(deps, l, entry.serviceId), findLocationById(deps, entry.locationId)]);
      if (!service || !location) return problem(c, 404, 'unknown_service');
      const path = `/waiting-list/entry/${c.req.param('token')}`;
      return c.html(<EntryPage lang={l} entry={entry} service={service} location={location} action={`/${l}${path}`} path={path} csrf={csrfToken(c)} />);
    } catch (error) {
      return failure(c, error);
    }
  });

  for (const [step, act] of [
    ['confirm', confirmEntry],
    ['leave', leaveWaitingList],
  ] as const) {
    routes.post(`/${lang}/waiting-list/entry/:token/${step}`, (c) =>
      byButton(c, async () => {
        await act(list, c.req.param('token'));
        return c.redirect(`/${portalLang(c)}/waiting-list/entry/${c.req.param('token')}`, 303);
      }),
    );
  }

  routes.get(`/${lang}/waiting-list/offer/:token`, async (c) => {
    const l = portalLang(c);
    try {
      const offer = await offerByLink(deps.db, c.req.param('token'));
      checkOfferOpen(offer, deps.clock.now());
      const [service, location] = await Promise.all([findServiceById(deps, l, offer.service_id), findLocationById(deps, offer.location_id)]);
      if (!service || !location) return problem(c, 404, 'unknown_service');
      const path = `/waiting-list/offer/${c.req.param('token')}`;
      return c.html(
        <OfferPage
          lang={l}
          service={service}
          location={location}
          startsAt={offer.starts_at}
          expiresAt={offer.expires_at}
          action={`/${l}${path}`}
          path={path}
          csrf={csrfToken(c)}
        />,
      );
    } catch (error) {
      return failure(c, error);
    }
  });

  routes.post(`/${lang}/waiting-list/offer/:token/accept`, (c) =>
    byButton(c, async () => {
      const outcome = await acceptOffer(list, c.req.param('token'));
      if (outcome.kind === 'already_booked') return problem(c, 409, 'already_booked');
      grantAccess(c, await deps.key(), outcome.appointmentCode, deps.clock.now());
      return c.redirect(`/${portalLang(c)}/appointment/${outcome.appointmentCode}?notice=booked`, 303);
    }),
  );

  routes.post(`/${lang}/waiting-list/offer/:token/decline`, (c) =>
    byButton(c, async () => {
      await declineOffer(list, c.req.param('token'));
      return note(c, 'declined');
    }),
  );

  /** A short page after a step: `waitingList.<what>.title` and `.text`, and the way home. */
  function note(c: Context<AppEnv>, what: 'joined' | 'declined') {
    const l = portalLang(c);
    return c.html(
      <MessagePage
        lang={l}
        path={what === 'joined' ? '/waiting-list/joined' : '/'}
        title={translate(l, `waitingList.${what}.title`)}
        text={translate(l, `waitingList.${what}.text`)}
        actions={[{ href: `/${l}/`, label: translate(l, 'portal.home') }]}
      />,
    );
  }

  /** A page's button (POST with the form's CSRF token): the change, or the page that says why not. */
  async function byButton(c: Context<AppEnv>, change: () => Promise<Response>): Promise<Response> {
    checkCsrf(c, await c.req.parseBody(), deps.publicUrl);
    try {
      return await change();
    } catch (error) {
      return failure(c, error);
    }
  }

  /** What went wrong, in the reader's language: a tampered link, a used or expired offer, a second entry. */
  function failure(c: Context<AppEnv>, error: unknown) {
    if (!isAppError(error)) throw error;
    const reason = (error as AppError).details?.reason;
    if (typeof reason !== 'string' || !problems.has(reason)) throw error;
    const status = error.code === 'not_found' ? 404 : error.code === 'gone' ? 410 : error.code === 'validation_failed' ? 422 : 409;
    return problem(c, status, reason);
  }

  function problem(c: Context<AppEnv>, status: 404 | 409 | 410 | 422, reason: string) {
    const l = portalLang(c);
    c.status(status);
    return c.html(
      <MessagePage
        lang={l}
        path="/"
        alert
        title={translate(l, `waitingList.problem.${reason}.title`)}
        text={translate(l, `waitingList.problem.${reason}.text`)}
        actions={[
          { href: `/${l}/services`, label: translate(l, 'portal.services.title') },
          { href: `/${l}/`, label: translate(l, 'portal.home') },
        ]}
      />,
    );
  }

  return routes;
}

const problems = new Set([
  'unknown_link',
  'unknown_service',
  'duplicate_entry',
  'offer_used',
  'offer_expired',
  'offer_declined',
  'entry_ended',
  'already_booked',
  'language',
]);

/** The join form, bounded and checked; errors in the reader's language (the same texts as the booking form's). */
function readJoinForm(l: Lang, form: Record<string, string | File | (string | File)[]>, today: string): { values: JoinValues; errors: JoinErrors } {
  const text = (name: string, max: number) => {
    const value = form[name];
    return typeof value === 'string' ? value.slice(0, max) : '';
  };
  const raw = form.weekday;
  const weekdays = [...new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(Number))].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  const hour = (name: string) => {
    const value = Number(text(name, 2));
    return formHours.includes(value) ? value : Number.NaN;
  };
  const values: JoinValues = {
    name: text('name', 200),
    dateOfBirth: text('dateOfBirth', 10),
    email: text('email', 254),
    language: text('language', 35),
    weekdays,
    from: hour('from'),
    until: hour('until'),
  };
  const t = (key: string) => translate(l, key);
  const errors: JoinErrors = {};
  const name = normalizePersonName(values.name);
  if (!name) errors.name = t('portal.error.name.missing');
  else if (!isPortalPersonName(name)) errors.name = t('portal.error.name.chars');
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(values.dateOfBirth) ||
    values.dateOfBirth < '1900-01-01' ||
    values.dateOfBirth >= today ||
    Number.isNaN(Date.parse(values.dateOfBirth))
  )
    errors.dateOfBirth = t(values.dateOfBirth ? 'portal.error.dob.invalid' : 'portal.error.dob.missing');
  if (!/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/u.test(values.email.trim()))
    errors.email = t(values.email.trim() ? 'portal.error.email.invalid' : 'portal.error.email.missing');
  if (!isLanguage(values.language)) errors.language = t('waitingList.problem.language.text');
  if (weekdays.length === 0) errors.weekdays = t('waitingList.error.weekdays');
  if (!(values.from < values.until)) errors.from = t('waitingList.error.hours');
  if (form.consent !== 'yes') errors.consent = t('portal.error.consent');
  if (!isLanguage(values.language)) values.language = l;
  if (Number.isNaN(values.from)) values.from = 8;
  if (Number.isNaN(values.until)) values.until = 16;
  return { values, errors };
}
