import { formatDate, formatTime, weekdayName } from '../../../web/format.ts';
import { translate, type Lang } from '../../../web/i18n.ts';
import type { LocationView, ServiceView } from '../../office/index.ts';
import { ConsentField, ErrorSummary, LanguageField, PersonFields, PortalLayout, ProblemActions, ServiceAndPlaceFacts } from '../../portal/index.ts';
import type { EntryView } from '../entry-by-link.ts';

const tr =
  (lang: Lang) =>
  (key: string, values?: Record<string, string | number | Date>): string =>
    translate(lang, key, values);

export type JoinValues = { name: string; dateOfBirth: string; email: string; language: string; weekdays: number[]; from: number; until: number };
export type JoinErrors = Partial<Record<'name' | 'dateOfBirth' | 'email' | 'language' | 'weekdays' | 'from' | 'consent', string>>;

/** Hours the form offers as earliest and latest time (the office's day, clerks work 07:00–18:00). */
export const formHours = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
const hhmm = (hour: number) => clock(hour * 60);
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function Facts(props: { lang: Lang; service: ServiceView; location: LocationView }) {
  const _t = tr(props.lang);
  return (
    <dl class="facts">
      <ServiceAndPlaceFacts lang={props.lang} service={props.service} location={props.location} />
    </dl>
  );
}

export function JoinPage(props: {
  lang: Lang;
  service: ServiceView;
  location: LocationView;
  values: JoinValues;
  errors: JoinErrors;
  csrf: string;
  action: string;
  path: string;
  offerMinutes: number;
  backHref: string;
}) {
  const { lang, values, errors } = props;
  const t = tr(lang);
  const summary = Object.entries(errors).map(([field, message]) => ({ field, message: message ?? '' }));
  const fieldError = (field: keyof JoinErrors) =>
    errors[field] ? (
      <span class="field-error" id={`${field}-error`}>
        {errors[field]}
      </span>
    ) : null;
  const described = (field: keyof JoinErrors, hint?: string) => [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <PortalLayout lang={lang} title={t('waitingList.join.title')} path={props.path}>
      <ErrorSummary lang={lang} errors={summary} />
      <h1>{t('waitingList.join.title')}</h1>
      <Facts lang={lang} service={props.service} location={props.location} />
      <p>{t('waitingList.join.intro', { minutes: props.offerMinutes })}</p>
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <fieldset class={errors.weekdays ? 'field invalid' : 'field'} id="weekdays" aria-describedby={described('weekdays')}>
          <legend>{t('waitingList.join.weekdays')}</legend>
          {fieldError('weekdays')}
          {[1, 2, 3, 4, 5].map((day) => (
            <span class="check">
              <input type="checkbox" id={`weekday-${day}`} name="weekday" value={String(day)} checked={values.weekdays.includes(day)} />
              <label for={`weekday-${day}`}>{weekdayName(lang, day)}</label>
            </span>
          ))}
        </fieldset>
        <div class={errors.from ? 'field invalid' : 'field'}>
          <label for="from">{t('waitingList.join.from')}</label>
          {fieldError('from')}
          <select id="from" name="from" aria-describedby={described('from')} dir="ltr">
            {formHours.slice(0, -1).map((hour) => (
              <option value={String(hour)} selected={values.from === hour}>
                {hhmm(hour)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="until">{t('waitingList.join.until')}</label>
          <select id="until" name="until" dir="ltr">
            {formHours.slice(1).map((hour) => (
              <option value={String(hour)} selected={values.until === hour}>
                {hhmm(hour)}
              </option>
            ))}
          </select>
        </div>
        <PersonFields lang={lang} values={{ ...values, phone: '', consent: false }} errors={errors} />
        <LanguageField lang={lang} value={values.language} errors={errors} />
        <ConsentField lang={lang} text={t('waitingList.join.privacy')} checked={false} errors={errors} />
        <p class="actions">
          <button class="button" type="submit">
            {t('waitingList.join.submit')}
          </button>
          <a href={props.backHref}>{t('portal.back')}</a>
        </p>
      </form>
    </PortalLayout>
  );
}

/** Buttons that change something (each a POST with the CSRF token): what a link in a mail opens to. */
function ButtonForms(props: { csrf: string; buttons: { action: string; label: string; secondary?: boolean }[] }) {
  return props.buttons.map((button) => (
    <form method="post" action={button.action}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <p class="actions">
        <button class={button.secondary ? 'button secondary' : 'button'} type="submit">
          {button.label}
        </button>
      </p>
    </form>
  ));
}

/** A short page: a heading, a text, links on (after joining, declining, or when something is wrong). */
export function MessagePage(props: { lang: Lang; path: string; title: string; text: string; alert?: boolean; actions: { href: string; label: string }[] }) {
  const body = (
    <>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
    </>
  );
  return (
    <PortalLayout lang={props.lang} title={props.title} path={props.path}>
      {props.alert ? <div role="alert">{body}</div> : body}
      <ProblemActions actions={props.actions} />
    </PortalLayout>
  );
}

/** The person's place: confirm (double opt-in), position, a held offer's end, leave with one click. */
export function EntryPage(props: { lang: Lang; entry: EntryView; service: ServiceView; location: LocationView; action: string; path: string; csrf: string }) {
  const { lang, entry } = props;
  const t = tr(lang);
  const zone = props.location.timeZone;
  const open = entry.status === 'pending' || entry.status === 'waiting' || entry.status === 'offered';
  const days = entry.weekdays.map((d) => weekdayName(lang, d)).join(', ');
  const hours = `${clock(entry.fromMinute)}–${clock(entry.untilMinute)}`;
  return (
    <PortalLayout lang={lang} title={t('waitingList.entry.title')} path={props.path}>
      <h1>{t('waitingList.entry.title')}</h1>
      <Facts lang={lang} service={props.service} location={props.location} />
      {entry.status === 'pending' ? (
        <>
          <p>{t('waitingList.entry.pending')}</p>
          <ButtonForms csrf={props.csrf} buttons={[{ action: `${props.action}/confirm`, label: t('waitingList.entry.confirm') }]} />
        </>
      ) : null}
      {entry.position !== null ? (
        <p class="notice" role="status">
          {t('waitingList.entry.position', { position: entry.position })}
        </p>
      ) : null}
      {entry.offer ? (
        <p class="notice">
          {t('waitingList.entry.offered', {
            when: `${formatDate(lang, entry.offer.startsAt, zone)} ${formatTime(lang, entry.offer.startsAt, zone)}`,
            until: formatTime(lang, entry.offer.expiresAt, zone),
          })}
        </p>
      ) : null}
      {open ? (
        <>
          <h2>{t('waitingList.entry.days')}</h2>
          <p>
            {days} · <bdi dir="ltr">{hours}</bdi>
          </p>
          <ButtonForms csrf={props.csrf} buttons={[{ action: `${props.action}/leave`, label: t('waitingList.entry.leave'), secondary: true }]} />
        </>
      ) : (
        <p class="notice">{t(`waitingList.entry.${entry.status}`)}</p>
      )}
      <ProblemActions actions={[{ href: `/${lang}/`, label: t('portal.home') }]} />
    </PortalLayout>
  );
}

/** The offer behind the mail's link: looking books nothing, the button does (links get prefetched). */
export function OfferPage(props: {
  lang: Lang;
  service: ServiceView;
  location: LocationView;
  startsAt: Date;
  expiresAt: Date;
  action: string;
  path: string;
  csrf: string;
}) {
  const { lang } = props;
  const t = tr(lang);
  const zone = props.location.timeZone;
  return (
    <PortalLayout lang={lang} title={t('waitingList.offer.title')} path={props.path}>
      <h1>{t('waitingList.offer.title')}</h1>
      <p>{t('waitingList.offer.intro', { until: formatTime(lang, props.expiresAt, zone) })}</p>
      <Facts lang={lang} service={props.service} location={props.location} />
      <dl class="facts">
        <dt>{t('portal.appointment.when')}</dt>
        <dd>
          {formatDate(lang, props.startsAt, zone)} · <bdi dir="ltr">{formatTime(lang, props.startsAt, zone)}</bdi>
        </dd>
      </dl>
      <ButtonForms
        csrf={props.csrf}
        buttons={[
          { action: `${props.action}/accept`, label: t('waitingList.offer.accept') },
          { action: `${props.action}/decline`, label: t('waitingList.offer.decline'), secondary: true },
        ]}
      />
    </PortalLayout>
  );
}
