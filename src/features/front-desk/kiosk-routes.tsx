import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { isId } from '../../shared/id.ts';
import { isLanguage, sourceLang, type Lang } from '../../web/i18n.ts';
import { infoPageQrCodes } from '../office/index.ts';
import { permitFrontDeskAction } from './actors.ts';
import { checkInWithCode, createWalkInTicket } from './check-in.ts';
import type { FrontDeskDeps } from './front-desk-deps.ts';
import { requireDevice } from './http/front-desk-gate.ts';
import { findLocationById, findLocationBySlug } from './front-desk-store.ts';
import { type ErrorFacts, KioskStart, KioskTicket, KioskWalkIn } from './kiosk-pages.tsx';
import { ticketSlip, walkInChoice } from './kiosk-screen.ts';

/**
 * The check-in kiosk at the entrance: plain forms that work without JavaScript; kiosk.js adds
 * the on-screen keypad, retries with the same idempotency key, and the inactivity reset.
 */
const kioskReasons = [
  'unknown_code',
  'other_location',
  'other_day',
  'cancelled',
  'already_checked_in',
  'too_early',
  'too_late',
  'quota_used_up',
  'appointment_needed',
  'no_queue',
  'not_bookable',
  'office_closed',
];

const checkInForm = z.object({
  code: z.string().max(400),
  key: z.string().regex(/^[A-Za-z0-9-]{8,100}$/),
  lang: z.string().max(10).optional(),
});
const walkInForm = z.object({ service: z.string().max(64), key: z.string().regex(/^[A-Za-z0-9-]{8,100}$/), lang: z.string().max(10).optional() });

function kioskLang(value: string | undefined): Lang {
  return isLanguage(value) ? value : sourceLang;
}

async function kioskContext(deps: FrontDeskDeps, c: Context) {
  const location = await findLocationBySlug(deps.db, c.req.param('location') ?? '');
  const device = await requireDevice(deps.gate, c, 'kiosk');
  permitFrontDeskAction(device, 'check_in', location.id);
  return { location, device };
}

export function kioskRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // A paired device lands here (staff area → device pairing) and goes on to its location's screen.
  app.get('/kiosk', async (c) => {
    const device = await requireDevice(deps.gate, c, 'kiosk');
    return c.redirect(`/kiosk/${(await findLocationById(deps.db, device.locationId)).slug}`, 303);
  });

  app.get('/kiosk/:location', async (c) => {
    const { location } = await kioskContext(deps, c);
    const lang = kioskLang(c.req.query('lang'));
    const infoPages = await infoPageQrCodes(deps, { lang, publicUrl: deps.publicUrl });
    return c.html(<KioskStart location={location} lang={lang} infoPages={infoPages} />);
  });

  app.post('/kiosk/:location/check-in', async (c) => {
    const { location, device } = await kioskContext(deps, c);
    const form = checkInForm.safeParse(await c.req.parseBody());
    const lang = kioskLang(form.success ? form.data.lang : undefined);
    if (!form.success) return c.html(<KioskStart location={location} lang={lang} error={{ reason: 'other' }} />, 422);
    try {
      const chosen = lang === sourceLang ? undefined : lang;
      const ticket = await checkInWithCode(deps, device, { locationId: location.id, code: form.data.code, idempotencyKey: form.data.key, language: chosen });
      return c.redirect(`/kiosk/${location.slug}/tickets/${ticket.id}?lang=${isLanguage(ticket.language) ? ticket.language : lang}`, 303);
    } catch (error) {
      return kioskError(c, error, () => <KioskStart location={location} lang={lang} error={errorFacts(error)} />);
    }
  });

  const walkInPage = async (location: Awaited<ReturnType<typeof kioskContext>>['location'], lang: Lang, error?: ErrorFacts) => {
    const choice = await walkInChoice(deps, location, lang);
    // A closed office is said by the page itself, not as an error of the visitor's choice.
    const shown = error?.reason === 'office_closed' ? undefined : error;
    return <KioskWalkIn location={location} lang={lang} choice={choice} bookingUrl={`${deps.publicUrl}/${lang}/`} error={shown} />;
  };

  app.get('/kiosk/:location/walk-in', async (c) => {
    const { location } = await kioskContext(deps, c);
    return c.html(await walkInPage(location, kioskLang(c.req.query('lang'))));
  });

  app.post('/kiosk/:location/walk-in', async (c) => {
    const { location, device } = await kioskContext(deps, c);
    const form = walkInForm.safeParse(await c.req.parseBody());
    const lang = kioskLang(form.success ? form.data.lang : undefined);
    if (!form.success || !isId(form.data.service)) return c.html(await walkInPage(location, lang, { reason: 'other' }), 422);
    try {
      const ticket = await createWalkInTicket(deps, device, {
        locationId: location.id,
        serviceId: form.data.service,
        idempotencyKey: form.data.key,
        language: lang,
      });
      return c.redirect(`/kiosk/${location.slug}/tickets/${ticket.id}?lang=${lang}`, 303);
    } catch (error) {
      return kioskError(c, error, () => walkInPage(location, lang, errorFacts(error)));
    }
  });

  app.get('/kiosk/:location/tickets/:id', async (c) => {
    const { location } = await kioskContext(deps, c);
    const langOf = (ticketLanguage: string) => kioskLang(c.req.query('lang') ?? ticketLanguage);
    const slip = await ticketSlip(deps, location, c.req.param('id'), langOf);
    if (!slip) throw new AppError('not_found', 'There is no such ticket at this location.');
    return c.html(<KioskTicket location={location} lang={langOf(slip.language)} slip={slip} />);
  });

  return app;
}

function errorFacts(error: unknown): ErrorFacts {
  if (!isAppError(error)) return { reason: 'other' };
  const reason = String(error.details?.reason ?? '');
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(error.details ?? {})) if (typeof value === 'string') values[key] = value;
  return { reason: kioskReasons.includes(reason) ? reason : 'other', values };
}

async function kioskError(c: Context<AppEnv>, error: unknown, page: () => unknown): Promise<Response> {
  // Device problems and server faults go to the error edge; a visitor's problem is shown on the kiosk.
  if (!isAppError(error) || error.code === 'forbidden' || error.code === 'unauthenticated' || error.code === 'internal' || error.code === 'unavailable')
    throw error;
  const status = error.code === 'not_found' ? 404 : error.code === 'validation_failed' ? 422 : 409;
  return c.html((await page()) as string, status);
}
