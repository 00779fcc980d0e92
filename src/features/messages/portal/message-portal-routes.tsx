import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { isScanUnavailable } from '../../case-files/index.ts';
import { isIsoDay } from '../../../web/format.ts';
import { translate } from '../../../web/i18n.ts';
import { listLocations } from '../../office/index.ts';
import {
  checkCsrf,
  clientIp,
  countLookup,
  csrfToken,
  enforce,
  grantAccess,
  hasAccess,
  newChallenge,
  portalLang,
  portalLangSegment,
  rateLimitedPage,
  spendSolution,
  type PortalDeps,
} from '../../portal/index.ts';
import type { MessageDeps } from '../message-deps.ts';
import { checkedDraft, messageLimits, normalizedReference } from '../message-input.ts';
import { attachmentsOf, messageById, messageIdByReference } from '../message-store.ts';
import { markAnswerRead } from '../read-answer.ts';
import { sendMessage } from '../send-message.ts';
import { ContactPage, emptyContact, MessagePage, OpenMessagePage, SentPage, type ContactValues } from './message-pages.tsx';
import type { FieldErrors } from './message-fields.tsx';

export type MessagePortalDeps = PortalDeps & MessageDeps;

/** The largest contact form: the attachments and the text with room for the multipart framing. */
export const contactBodyLimit = messageLimits.attachments * messageLimits.attachmentBytes + 64 * 1024;

/** The contact forms post multipart bodies larger than the app's body limit: app.tsx holds them to `contactBodyLimit` instead. */
export function isContactUpload(request: { method: string; path: string }): boolean {
  return request.method === 'POST' && (/^\/[a-z]{2,3}(-[a-z0-9]{1,8})*\/contact(\/procedure)?$/.test(request.path) || request.path === '/api/v1/messages');
}

/**
 * The citizen's side of messages: `/<lang>/contact` (general), `/<lang>/contact/procedure` (about
 * one procedure), and `/<lang>/messages/<reference>` to read the answer after the date of birth.
 * Look-ups count against the manage look-up's limit; sending like a booking (proof of work, or
 * the stricter limit without JavaScript).
 */
export function messagePortalRoutes(deps: MessagePortalDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const lang = portalLangSegment;

  async function contactForm(
    c: Context<AppEnv>,
    kind: 'general' | 'procedure',
    values: ContactValues,
    errors: FieldErrors,
    submissionKey: string,
    status: 200 | 409 | 422 | 503,
  ) {
    const l = portalLang(c);
    const challenge = await newChallenge(await deps.key(), {
      maxNumber: deps.settings.powMaxNumber,
      expiresMinutes: deps.settings.powExpiresMinutes,
      now: deps.clock.now(),
    });
    const locations = (await listLocations(deps)).map((l) => ({ id: l.id, name: l.name }));
    c.status(status);
    return c.html(
      <ContactPage
        lang={l}
        kind={kind}
        csrf={csrfToken(c)}
        submissionKey={submissionKey}
        challenge={JSON.stringify(challenge)}
        locations={locations}
        values={values}
        errors={errors}
      />,
    );
  }

  for (const [path, kind] of [
    ['contact', 'general'],
    ['contact/procedure', 'procedure'],
  ] as const) {
    routes.get(`/${lang}/${path}`, (c) => {
      // From the status look-up ("send the missing documents"): the procedure number filled in.
      const number = kind === 'procedure' ? (c.req.query('number') ?? '').replace(/[^0-9A-Za-z -]/g, '').slice(0, 20) : '';
      return contactForm(c, kind, { ...emptyContact, procedureNumber: number }, [], randomUUID(), 200);
    });

    routes.post(`/${lang}/${path}`, async (c) => {
      const l = portalLang(c);
      const form = await c.req.parseBody({ all: true });
      checkCsrf(c, form, deps.publicUrl);
      const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
      const values: ContactValues = {
        name: text('name').slice(0, 1000),
        dateOfBirth: text('dateOfBirth').slice(0, 10),
        email: text('email').slice(0, 1000),
        body: text('body').slice(0, 20_000),
        location: text('location').slice(0, 36),
        procedureNumber: text('procedureNumber').slice(0, 20),
      };
      const submission = /^[0-9a-f-]{36}$/.test(text('submission')) ? text('submission') : randomUUID();
      const files = [form.attachments].flat().filter((f): f is File => f instanceof File && !(f.size === 0 && f.name === ''));
      const key = await deps.key();
      const now = deps.clock.now();
      const ip = clientIp(c);
      const refused = (error: unknown) => {
        // The virus scanner gave no verdict: nothing was sent, the form comes back to try again in a few minutes.
        if (isScanUnavailable(error)) {
          c.header('Retry-After', '60');
          const unscanned = [{ field: 'attachments', message: translate(l, 'portal.messages.error.attachment_scan_unavailable') }];
          return contactForm(c, kind, values, unscanned, submission, 503);
        }
        if (!isAppError(error) || error.code !== 'validation_failed' || !error.fieldErrors) throw error;
        const errors = error.fieldErrors.map((e) => ({ field: e.path, message: translate(l, `portal.messages.error.${e.message}`) }));
        return contactForm(c, kind, values, errors, submission, 422);
      };
      try {
        // A message about a procedure checks number and date of birth: as many tries as the look-up allows.
        if (kind === 'procedure')
          await enforce(deps.db, key, { bucket: 'lookup-ip', subject: ip, limit: deps.settings.lookupsPerIpPerHour, windowSeconds: 3600, now });
      } catch (error) {
        return rateLimitedPage(c, error, '/contact');
      }
      // Only complete forms count against the address (as for bookings): typos must not lock out a shelter's residents.
      try {
        checkedDraft({ ...values, locationId: values.location }, kind);
      } catch (error) {
        return refused(error);
      }
      try {
        await enforce(deps.db, key, { bucket: 'message-ip', subject: ip, limit: deps.settings.bookingsPerIpPerHour, windowSeconds: 3600, now });
        const payload = text('altcha').trim();
        const proven = payload !== '' && (await spendSolution(deps.db, key, payload, now)) === 'ok';
        // Without a proof of work (JavaScript off, or the second click's spent one) the stricter limit applies.
        if (!proven)
          await enforce(deps.db, key, { bucket: 'message-nojs-ip', subject: ip, limit: deps.settings.noScriptBookingsPerIpPerHour, windowSeconds: 3600, now });
      } catch (error) {
        return rateLimitedPage(c, error, '/contact');
      }
      try {
        const sent = await sendMessage(deps, {
          kind,
          submissionKey: submission,
          language: l,
          name: values.name,
          dateOfBirth: values.dateOfBirth,
          email: values.email,
          body: values.body,
          locationId: kind === 'general' ? values.location : undefined,
          procedureNumber: kind === 'procedure' ? values.procedureNumber : undefined,
          attachments: files.map((file) => ({ body: file.stream(), fileName: file.name, declaredType: file.type || undefined, size: file.size })),
        });
        grantAccess(c, key, sent.reference, now);
        return c.redirect(`/${l}/messages/${sent.reference}/sent`, 303);
      } catch (error) {
        return refused(error);
      }
    });
  }

  routes.get(`/${lang}/messages`, (c) => c.html(<OpenMessagePage lang={portalLang(c)} csrf={csrfToken(c)} reference="" dateOfBirth="" errors={[]} />));

  routes.post(`/${lang}/messages`, async (c) => {
    const l = portalLang(c);
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const limited = await countLookup(c, deps, '/messages');
    if (limited) return limited;
    const key = await deps.key();
    const now = deps.clock.now();
    const typed = typeof form.reference === 'string' ? form.reference.slice(0, 20) : '';
    const dob = typeof form.dateOfBirth === 'string' ? form.dateOfBirth.slice(0, 10) : '';
    const reference = normalizedReference(typed);
    const errors: FieldErrors = [];
    if (!reference) errors.push({ field: 'reference', message: translate(l, 'portal.messages.error.reference') });
    if (!isIsoDay(dob)) errors.push({ field: 'dateOfBirth', message: translate(l, 'portal.error.dob.invalid') });
    const id = reference && errors.length === 0 ? await messageIdByReference(deps.db, reference) : undefined;
    const message = id ? await messageById(deps.db, id) : undefined;
    // An unknown reference and a wrong date of birth answer alike.
    if (errors.length === 0 && (!message || message.date_of_birth !== dob))
      errors.push({ field: 'reference', message: translate(l, 'portal.messages.error.open') });
    if (errors.length > 0 || !message) {
      c.status(422);
      return c.html(<OpenMessagePage lang={l} csrf={csrfToken(c)} reference={reference ?? typed} dateOfBirth={dob} errors={errors} />);
    }
    grantAccess(c, key, message.reference, now);
    return c.redirect(`/${l}/messages/${message.reference}`, 303);
  });

  /** The message this browser was granted, or undefined (then the date-of-birth form). */
  async function granted(c: Context<AppEnv>) {
    const reference = normalizedReference(c.req.param('reference') ?? '');
    if (!reference || !hasAccess(c, await deps.key(), reference, deps.clock.now())) return { reference };
    const id = await messageIdByReference(deps.db, reference);
    return { reference, message: id ? await messageById(deps.db, id) : undefined };
  }

  routes.get(`/${lang}/messages/:reference/sent`, async (c) => {
    const l = portalLang(c);
    const { message } = await granted(c);
    if (!message) return c.redirect(`/${l}/messages/${c.req.param('reference')}`, 303);
    return c.html(<SentPage lang={l} reference={message.reference} link={`${deps.publicUrl.replace(/\/$/, '')}/${l}/messages/${message.reference}`} />);
  });

  routes.get(`/${lang}/messages/:reference`, async (c) => {
    const l = portalLang(c);
    const { reference, message } = await granted(c);
    if (!message) return c.html(<OpenMessagePage lang={l} csrf={csrfToken(c)} reference={reference ?? ''} dateOfBirth="" errors={[]} />);
    await markAnswerRead(deps, message.id);
    const location = (await listLocations(deps)).find((one) => one.id === message.location_id);
    const attachments = (await attachmentsOf(deps.db, message.id)).map((a) => a.file_name);
    return c.html(<MessagePage lang={l} timeZone={location?.timeZone ?? 'Europe/Berlin'} message={{ ...message, attachments }} />);
  });

  return routes;
}
