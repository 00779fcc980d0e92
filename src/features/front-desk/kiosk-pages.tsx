import { isId } from '../../shared/id.ts';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { raw } from 'hono/html';
import { renderSVG } from 'uqr';
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { isLanguage, languageName, languages, sourceLang, textDirection, translate, type Lang } from '../../web/i18n.ts';
import { checkInWithCode, createWalkInTicket } from './check-in.ts';
import type { FrontDeskDeps } from './front-desk-routes.tsx';
import { findLocationById, findLocationBySlug, type LocationRow } from './front-desk-store.ts';
import { requireDevice } from './front-desk-gate.ts';
import { codeAlphabet } from '../appointments/index.ts';
import { permitFrontDeskAction } from './actors.ts';
import { ScreenLayout } from './kiosk-layout.tsx';
import { officeDay } from './office-day.ts';

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
    return c.html(<KioskStart location={location} lang={kioskLang(c.req.query('lang'))} />);
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

  app.get('/kiosk/:location/walk-in', async (c) => {
    const { location } = await kioskContext(deps, c);
    const lang = kioskLang(c.req.query('lang'));
    const concerns = await walkInConcerns(deps, location, lang);
    return c.html(<KioskWalkIn location={location} lang={lang} concerns={concerns} bookingUrl={`${deps.publicUrl}/${lang}/`} />);
  });

  app.post('/kiosk/:location/walk-in', async (c) => {
    const { location, device } = await kioskContext(deps, c);
    const form = walkInForm.safeParse(await c.req.parseBody());
    const lang = kioskLang(form.success ? form.data.lang : undefined);
    const page = async (error: ErrorFacts) => (
      <KioskWalkIn
        location={location}
        lang={lang}
        concerns={await walkInConcerns(deps, location, lang)}
        bookingUrl={`${deps.publicUrl}/${lang}/`}
        error={error}
      />
    );
    if (!form.success || !isId(form.data.service)) return c.html(await page({ reason: 'other' }), 422);
    try {
      const ticket = await createWalkInTicket(deps, device, {
        locationId: location.id,
        serviceId: form.data.service,
        idempotencyKey: form.data.key,
        language: lang,
      });
      return c.redirect(`/kiosk/${location.slug}/tickets/${ticket.id}?lang=${lang}`, 303);
    } catch (error) {
      return kioskError(c, error, async () => await page(errorFacts(error)));
    }
  });

  app.get('/kiosk/:location/tickets/:id', async (c) => {
    const { location } = await kioskContext(deps, c);
    const id = c.req.param('id');
    const ticket = isId(id)
      ? await deps.db
          .selectFrom('ticket')
          .select(['display_number', 'language', 'service_id', 'checked_in_at'])
          .where('id', '=', id)
          .where('location_id', '=', location.id)
          .executeTakeFirst()
      : undefined;
    if (!ticket) throw new AppError('not_found', 'There is no such ticket at this location.');
    const lang = kioskLang(c.req.query('lang') ?? ticket.language);
    const serviceName = await serviceNameIn(deps, ticket.service_id, lang);
    return c.html(
      <KioskTicket
        location={location}
        lang={lang}
        number={ticket.display_number ?? ''}
        serviceName={serviceName}
        issuedAt={ticket.checked_in_at}
        timeZone={location.time_zone}
      />,
    );
  });

  return app;
}

type ErrorFacts = { reason: string; values?: Record<string, string> };

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

async function serviceNameIn(deps: FrontDeskDeps, serviceId: string, lang: Lang): Promise<string> {
  const texts = await deps.db
    .selectFrom('service_text')
    .select(['lang', 'name'])
    .where('service_id', '=', serviceId)
    .where('lang', 'in', [lang, sourceLang])
    .execute();
  return (texts.find((t) => t.lang === lang) ?? texts.find((t) => t.lang === sourceLang))?.name ?? '';
}

type Concern = { id: string; name: string };

/** Services offered here that take walk-ins and still have places today. */
async function walkInConcerns(deps: FrontDeskDeps, location: LocationRow, lang: Lang): Promise<Concern[]> {
  const day = officeDay(deps.clock.now(), location.time_zone);
  const rows = await deps.db
    .selectFrom('service')
    .innerJoin('service_location', 'service_location.service_id', 'service.id')
    .leftJoin('walk_in_count', (join) =>
      join.onRef('walk_in_count.service_id', '=', 'service.id').on('walk_in_count.location_id', '=', location.id).on('walk_in_count.day', '=', day),
    )
    .leftJoin('service_text as own', (join) => join.onRef('own.service_id', '=', 'service.id').on('own.lang', '=', lang))
    .leftJoin('service_text as de', (join) => join.onRef('de.service_id', '=', 'service.id').on('de.lang', '=', sourceLang))
    .select(['service.id', 'own.name as own_name', 'de.name as de_name', 'service.walk_in_daily_quota', 'walk_in_count.used'])
    .where('service_location.location_id', '=', location.id)
    .where('service.active', '=', true)
    .where('service.walk_in_allowed', '=', true)
    .orderBy('service.sort_order')
    .execute();
  return rows
    .filter((row) => row.walk_in_daily_quota === null || (row.used ?? 0) < row.walk_in_daily_quota)
    .map((row) => ({ id: row.id, name: row.own_name ?? row.de_name ?? '' }));
}

function LanguageBar(props: { slug: string; lang: Lang; path: string }) {
  return (
    <nav class="kiosk-languages" aria-label={translate(props.lang, 'kiosk.language')}>
      {languages.map((lang) => (
        <a
          class={lang === props.lang ? 'kiosk-lang current' : 'kiosk-lang'}
          href={`/kiosk/${props.slug}${props.path}?lang=${lang}`}
          lang={lang}
          hreflang={lang}
          dir={textDirection(lang)}
          aria-current={lang === props.lang ? 'true' : undefined}
        >
          {languageName(lang)}
        </a>
      ))}
    </nav>
  );
}

function ErrorBox(props: { lang: Lang; error: ErrorFacts | undefined }) {
  if (!props.error) return null;
  const t = (key: string) => translate(props.lang, key, props.error?.values ?? {});
  const toReception = !['unknown_code', 'quota_used_up', 'appointment_needed'].includes(props.error.reason);
  return (
    <div class="kiosk-error" role="alert">
      <p>{t(`kiosk.error.${props.error.reason}`)}</p>
      {props.error.reason === 'already_checked_in' && props.error.values?.ticket ? <p class="kiosk-number-small ltr">{props.error.values.ticket}</p> : null}
      {toReception ? <p>{t('kiosk.reception')}</p> : null}
    </div>
  );
}

// The keys of the appointment code alphabet (no 0/O, 1/I/L to confuse).
const keypadKeys = [...codeAlphabet];

function KioskStart(props: { location: LocationRow; lang: Lang; error?: ErrorFacts }) {
  const t = (key: string) => translate(props.lang, key);
  const start = `/kiosk/${props.location.slug}`;
  return (
    <ScreenLayout lang={props.lang} title={t('kiosk.title')} bodyClass="kiosk" script="kiosk.js" data={{ reset: start }}>
      <main class="kiosk-main kiosk-start">
        <LanguageBar slug={props.location.slug} lang={props.lang} path="" />
        <h1>{t('kiosk.welcome')}</h1>
        <div class="kiosk-columns">
          <div class="kiosk-column">
            <ErrorBox lang={props.lang} error={props.error} />
            <form method="post" action={`${start}/check-in`} class="kiosk-code" data-retry="true">
              <input type="hidden" name="key" value={randomUUID()} />
              <input type="hidden" name="lang" value={props.lang} />
              <label for="code">{t('kiosk.code.label')}</label>
              <input
                id="code"
                name="code"
                class="kiosk-code-input ltr"
                dir="ltr"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck={false}
                maxlength={400}
                required
                autofocus
              />
              <button type="submit" class="kiosk-primary">
                {t('kiosk.code.submit')}
              </button>
            </form>
            <a class="kiosk-secondary" href={`${start}/walk-in?lang=${props.lang}`}>
              {t('kiosk.walkin.button')}
            </a>
          </div>
          {/* Codes read left to right in every language, so the keypad keeps that order in Arabic and Persian too. */}
          {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would add a legend box and border to the touch keypad; the group role names it the same way */}
          <div class="kiosk-keypad js-only" dir="ltr" role="group" aria-label={t('kiosk.keypad')}>
            {keypadKeys.map((key) => (
              <button type="button" class="kiosk-key" data-key={key}>
                {key}
              </button>
            ))}
            <button type="button" class="kiosk-key kiosk-key-wide" data-key="backspace" aria-label={t('kiosk.code.backspace')}>
              ⌫
            </button>
          </div>
        </div>
      </main>
    </ScreenLayout>
  );
}

function BookingQr(props: { lang: Lang; url: string }) {
  return (
    <section class="kiosk-book" aria-labelledby="book-title">
      <h2 id="book-title">{translate(props.lang, 'kiosk.book.title')}</h2>
      <p>{translate(props.lang, 'kiosk.book.text')}</p>
      <div class="kiosk-qr" role="img" aria-label={translate(props.lang, 'kiosk.book.qr')}>
        {raw(renderSVG(props.url, { border: 2, ecc: 'M' }))}
      </div>
      <p class="ltr kiosk-url">{props.url}</p>
    </section>
  );
}

function KioskWalkIn(props: { location: LocationRow; lang: Lang; concerns: Concern[]; bookingUrl: string; error?: ErrorFacts }) {
  const t = (key: string) => translate(props.lang, key);
  const start = `/kiosk/${props.location.slug}`;
  return (
    <ScreenLayout lang={props.lang} title={t('kiosk.walkin.title')} bodyClass="kiosk" script="kiosk.js" data={{ reset: start }}>
      <main class="kiosk-main">
        <h1>{t('kiosk.walkin.title')}</h1>
        <ErrorBox lang={props.lang} error={props.error} />
        {props.concerns.length === 0 ? <p class="kiosk-note">{t('kiosk.walkin.none')}</p> : null}
        <div class="kiosk-concerns">
          {props.concerns.map((concern) => (
            <form method="post" action={`${start}/walk-in`} data-retry="true">
              <input type="hidden" name="key" value={randomUUID()} />
              <input type="hidden" name="lang" value={props.lang} />
              <input type="hidden" name="service" value={concern.id} />
              <button type="submit" class="kiosk-concern">
                {concern.name}
              </button>
            </form>
          ))}
        </div>
        <BookingQr lang={props.lang} url={props.bookingUrl} />
        <a class="kiosk-secondary" href={`${start}?lang=${props.lang}`}>
          {t('kiosk.back')}
        </a>
      </main>
    </ScreenLayout>
  );
}

function KioskTicket(props: { location: LocationRow; lang: Lang; number: string; serviceName: string; issuedAt: Date; timeZone: string }) {
  const langs = props.lang === sourceLang ? [sourceLang] : [props.lang, sourceLang];
  const start = `/kiosk/${props.location.slug}`;
  const issued = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: props.timeZone }).format(props.issuedAt);
  return (
    <ScreenLayout
      lang={props.lang}
      title={translate(props.lang, 'kiosk.ticket.title')}
      bodyClass="kiosk"
      script="kiosk.js"
      data={{ reset: start, 'reset-after': '45' }}
    >
      <main class="kiosk-main kiosk-ticket">
        <div class="ticket-slip">
          <p class="ticket-office">{props.location.name}</p>
          {langs.map((lang) => (
            <p class="ticket-heading" lang={lang} dir={textDirection(lang)}>
              {translate(lang, 'kiosk.ticket.title')}
            </p>
          ))}
          <p class="ticket-number ltr" data-testid="ticket-number">
            {props.number}
          </p>
          {props.serviceName ? <p class="ticket-service">{props.serviceName}</p> : null}
          {langs.map((lang) => (
            <p lang={lang} dir={textDirection(lang)}>
              {translate(lang, 'kiosk.ticket.text')}
            </p>
          ))}
          <p class="ticket-time ltr">{issued}</p>
        </div>
        <div class="kiosk-actions no-print">
          <button type="button" class="kiosk-primary js-only" data-print="true">
            {translate(props.lang, 'kiosk.ticket.print')}
          </button>
          <a class="kiosk-secondary" href={start}>
            {translate(props.lang, 'kiosk.ticket.done')}
          </a>
        </div>
      </main>
    </ScreenLayout>
  );
}
