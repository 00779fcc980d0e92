import { randomUUID } from 'node:crypto';
import { raw } from 'hono/html';
import { renderSVG } from 'uqr';
import { intlLocale, languageName, languages, sourceLang, textDirection, translate, type Lang } from '../../web/i18n.ts';
import { codeAlphabet } from '../appointments/index.ts';
import type { InfoPageQr } from '../office/index.ts';
import type { LocationRow } from './front-desk-store.ts';
import { ScreenLayout } from './front-desk-ui.tsx';
import type { Concern, TicketSlip } from './kiosk-screen.ts';
import type { OfficeClosed } from './office-closed.ts';

/** The kiosk's pages, in the visitor's language (the ticket slip in German too). */
export type ErrorFacts = { reason: string; values?: Record<string, string> };

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

export function KioskStart(props: { location: LocationRow; lang: Lang; error?: ErrorFacts; infoPages?: InfoPageQr[] }) {
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
        <InfoQrCodes lang={props.lang} pages={props.infoPages ?? []} />
      </main>
    </ScreenLayout>
  );
}

/** The office's published information pages as small QR codes: the visitor reads them on the own phone. */
function InfoQrCodes(props: { lang: Lang; pages: InfoPageQr[] }) {
  if (props.pages.length === 0) return null;
  return (
    <section class="kiosk-info" aria-labelledby="info-title">
      <h2 id="info-title">{translate(props.lang, 'kiosk.info.title')}</h2>
      <p>{translate(props.lang, 'kiosk.info.text')}</p>
      <ul class="kiosk-info-list">
        {props.pages.map((page) => (
          <li lang={page.lang} dir={textDirection(page.lang)}>
            <div class="kiosk-info-qr" role="img" aria-label={translate(props.lang, 'kiosk.info.qr', { title: page.title })}>
              {raw(page.svg)}
            </div>
            <p>{page.title}</p>
          </li>
        ))}
      </ul>
    </section>
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

/** The office is closed now (a public holiday or a closure): said in the visitor's language, no ticket. */
function ClosedNotice(props: { lang: Lang; closed: OfficeClosed }) {
  const { lang, closed } = props;
  const holiday = closed.holiday ? (closed.holiday.key ? translate(lang, `portal.holiday.${closed.holiday.key}`) : closed.holiday.germanName) : null;
  const text = holiday
    ? translate(lang, 'kiosk.closed.holiday', { holiday })
    : closed.until
      ? translate(lang, 'kiosk.closed.until', { until: closed.until })
      : translate(lang, 'kiosk.closed.today');
  return (
    <p class="kiosk-note" role="status" data-testid="office-closed">
      {text}
    </p>
  );
}

export function KioskWalkIn(props: {
  location: LocationRow;
  lang: Lang;
  choice: { closed: OfficeClosed | null; concerns: Concern[] };
  bookingUrl: string;
  error?: ErrorFacts | undefined;
}) {
  const t = (key: string) => translate(props.lang, key);
  const start = `/kiosk/${props.location.slug}`;
  const { closed, concerns } = props.choice;
  return (
    <ScreenLayout lang={props.lang} title={t('kiosk.walkin.title')} bodyClass="kiosk" script="kiosk.js" data={{ reset: start }}>
      <main class="kiosk-main">
        <h1>{t('kiosk.walkin.title')}</h1>
        <ErrorBox lang={props.lang} error={props.error} />
        {closed ? <ClosedNotice lang={props.lang} closed={closed} /> : null}
        {!closed && concerns.length === 0 ? <p class="kiosk-note">{t('kiosk.walkin.none')}</p> : null}
        <div class="kiosk-concerns">
          {concerns.map((concern) => (
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

export function KioskTicket(props: { location: LocationRow; lang: Lang; slip: TicketSlip }) {
  const langs = props.lang === sourceLang ? [sourceLang] : [props.lang, sourceLang];
  const start = `/kiosk/${props.location.slug}`;
  // In the visitor's language, with Latin digits and the Gregorian calendar like every date Lotse shows.
  const issued = new Intl.DateTimeFormat(intlLocale(props.lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: props.location.time_zone,
  }).format(props.slip.issuedAt);
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
            {props.slip.number}
          </p>
          {props.slip.serviceName ? <p class="ticket-service">{props.slip.serviceName}</p> : null}
          {langs.map((lang) => (
            <p lang={lang} dir={textDirection(lang)}>
              {translate(lang, 'kiosk.ticket.text')}
            </p>
          ))}
          <p class="ticket-time">{issued}</p>
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
