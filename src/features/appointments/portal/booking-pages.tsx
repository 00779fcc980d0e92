import { languageName, languages, translate, type Lang } from '../../../web/i18n.ts';
import type { LocationView, ServiceView } from '../../office/index.ts';
import {
  ConsentAndProofOfWork,
  describedBy,
  ErrorSummary,
  errorSummary,
  FieldError,
  PersonFields,
  PortalLayout,
  Term,
  type PersonErrors,
  type PersonValues,
} from '../../portal/index.ts';
import { formatDate, formatDay, formatMinutes, formatShortDay, formatTime } from '../../../web/format.ts';
import type { FreeDay } from './portal-engine.ts';

type T = (key: string, values?: Record<string, string | number>) => string;
const tr =
  (lang: Lang): T =>
  (key, values) =>
    translate(lang, key, values);

export function ChooseLocationPage(props: { lang: Lang; service: ServiceView; locations: LocationView[] }) {
  const { lang, service } = props;
  const t = tr(lang);
  return (
    <PortalLayout lang={lang} title={t('portal.book.location.title')} path={`/book/${service.slug}`}>
      <p class="muted">
        <Term lang={lang} name={service.name} german={service.germanName} />
      </p>
      <h1>{t('portal.book.location.title')}</h1>
      <ul class="cards">
        {props.locations.map((location) => (
          <li class="card">
            <h2>{location.name}</h2>
            <p>{location.address}</p>
            <a class="button" href={`/${lang}/book/${service.slug}/${location.slug}`}>
              {t('portal.book.location.choose', { location: location.name })}
            </a>
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}

/** Days with free times as links; the same view serves booking and rescheduling. */
export function CalendarPage(props: {
  lang: Lang;
  heading: string;
  context: string;
  path: string;
  days: FreeDay[];
  from: string;
  dayHref: (day: string) => string;
  earlierHref: string | undefined;
  laterHref: string | undefined;
  backHref: string;
  /** The service releases today's times by lottery (docs/lottery.md): where to enter it. */
  lotteryHref?: string | undefined;
  /** Set when the whole booking window is full: the way onto the waiting list. */
  waitingListHref?: string | undefined;
}) {
  const t = tr(props.lang);
  return (
    <PortalLayout lang={props.lang} title={t('portal.book.calendar.title')} path={props.path} query={`from=${props.from}`}>
      <p class="muted">{props.context}</p>
      <h1>{t('portal.book.calendar.title')}</h1>
      <p>{props.heading}</p>
      {props.lotteryHref ? (
        <p class="notice">
          {t('lottery.calendar')} <a href={props.lotteryHref}>{t('lottery.title')}</a>
        </p>
      ) : null}
      {props.days.length === 0 ? (
        <>
          <p class="notice">{t('portal.book.calendar.none')}</p>
          {props.waitingListHref ? (
            <p>
              {t('waitingList.offerToJoin')}{' '}
              <a class="button" href={props.waitingListHref}>
                {t('waitingList.join.title')}
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <ul class="days">
          {props.days.map((day) => (
            <li>
              <a href={props.dayHref(day.date)}>
                <time datetime={day.date}>{formatShortDay(props.lang, day.date)}</time>
                <br />
                <span class="muted">{t('portal.book.calendar.free', { count: day.starts.length })}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="actions">
        {props.earlierHref ? (
          <a class="button secondary" href={props.earlierHref}>
            {t('portal.book.calendar.earlier')}
          </a>
        ) : null}
        {props.laterHref ? (
          <a class="button secondary" href={props.laterHref}>
            {t('portal.book.calendar.later')}
          </a>
        ) : null}
        <a href={props.backHref}>{t('portal.back')}</a>
      </p>
    </PortalLayout>
  );
}

/** Radio buttons of free start times; submitting goes on to the next step. */
export function TimeChoice(props: { lang: Lang; starts: Date[]; zone: string; legend: string; selected?: string; error?: string }) {
  return (
    <fieldset class={props.error ? 'times field invalid' : 'times field'} id="start" aria-describedby={props.error ? 'start-error' : undefined}>
      <legend>{props.legend}</legend>
      {props.error ? (
        <span class="field-error" id="start-error">
          {props.error}
        </span>
      ) : null}
      <ul>
        {props.starts.map((start, index) => (
          <li>
            <label>
              <input
                type="radio"
                name="start"
                value={start.toISOString()}
                required
                checked={props.selected ? props.selected === start.toISOString() : index === 0}
              />
              <bdi dir="ltr">{formatTime(props.lang, start, props.zone)}</bdi>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function TimesPage(props: {
  lang: Lang;
  day: string;
  starts: Date[];
  zone: string;
  action: string;
  method: 'get' | 'post';
  path: string;
  backHref: string;
  context: string;
  csrf?: string;
  error?: string;
}) {
  const t = tr(props.lang);
  return (
    <PortalLayout lang={props.lang} title={t('portal.book.times.title')} path={props.path}>
      <p class="muted">{props.context}</p>
      <h1>{t('portal.book.times.title')}</h1>
      {props.error ? (
        <p class="error-summary" role="alert">
          {props.error}
        </p>
      ) : null}
      <p>{formatDay(props.lang, props.day)}</p>
      {props.starts.length === 0 ? (
        <p class="notice">{t('portal.book.times.none')}</p>
      ) : (
        <form method={props.method} action={props.action}>
          {props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : null}
          <TimeChoice lang={props.lang} starts={props.starts} zone={props.zone} legend={t('portal.book.times.legend')} />
          <p class="actions">
            <button class="button" type="submit">
              {t('portal.next')}
            </button>
            <a href={props.backHref}>{t('portal.back')}</a>
          </p>
        </form>
      )}
    </PortalLayout>
  );
}

export type DetailsValues = PersonValues;
export type FieldErrors = PersonErrors;

export function DetailsPage(props: {
  lang: Lang;
  service: ServiceView;
  location: LocationView;
  start: Date;
  alternatives?: Date[];
  values: DetailsValues;
  errors: FieldErrors;
  csrf: string;
  challenge: string;
  action: string;
  path: string;
  query: string;
  backHref: string;
}) {
  const { lang, values, errors } = props;
  const t = tr(lang);
  const zone = props.location.timeZone;
  const summary = errorSummary(errors);
  const described = (field: keyof FieldErrors) => describedBy(errors, field);
  const fieldError = (field: keyof FieldErrors) => <FieldError errors={errors} field={field} />;
  return (
    <PortalLayout lang={lang} title={t('portal.details.title')} path={props.path} query={props.query} script>
      <ErrorSummary lang={lang} errors={summary} />
      <h1>{t('portal.details.title')}</h1>
      <dl class="facts">
        <dt>{t('portal.appointment.service')}</dt>
        <dd>
          <Term lang={lang} name={props.service.name} german={props.service.germanName} />
        </dd>
        <dt>{t('portal.appointment.location')}</dt>
        <dd>
          {props.location.name}, {props.location.address}
        </dd>
        {props.alternatives ? null : (
          <>
            <dt>{t('portal.appointment.when')}</dt>
            <dd>
              {formatDate(lang, props.start, zone)} · <bdi dir="ltr">{formatTime(lang, props.start, zone)}</bdi> ·{' '}
              {formatMinutes(lang, props.service.durationMinutes)}
            </dd>
          </>
        )}
      </dl>
      <form method="post" action={props.action} novalidate data-pow-form data-challenge={props.challenge}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {props.alternatives ? (
          <TimeChoice lang={lang} starts={props.alternatives} zone={zone} legend={t('portal.details.alternatives')} error={errors.start} />
        ) : (
          <input type="hidden" name="start" value={props.start.toISOString()} />
        )}
        <p>{t('portal.details.intro')}</p>
        <PersonFields lang={lang} values={values} errors={errors} />
        <div class={errors.phone ? 'field invalid' : 'field'}>
          <label for="phone">{t('portal.details.phone')}</label>
          <span class="hint" id="phone-hint">
            {t('portal.details.phone.hint')}
          </span>
          {fieldError('phone')}
          <input
            type="tel"
            id="phone"
            name="phone"
            value={values.phone}
            maxlength={40}
            autocomplete="tel"
            dir="ltr"
            aria-invalid={errors.phone ? 'true' : undefined}
            aria-describedby={describedBy(errors, 'phone', 'phone-hint')}
          />
        </div>
        <div class={errors.language ? 'field invalid' : 'field'}>
          <label for="language">{t('portal.details.language')}</label>
          {fieldError('language')}
          <select id="language" name="language" autocomplete="language" aria-describedby={described('language')}>
            {languages.map((code) => (
              <option value={code} lang={code} selected={values.language === code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </div>
        <ConsentAndProofOfWork lang={lang} values={values} errors={errors} />
        <p class="actions">
          <button class="button" type="submit">
            {t('portal.details.submit')}
          </button>
          <a href={props.backHref}>{t('portal.back')}</a>
        </p>
      </form>
    </PortalLayout>
  );
}
