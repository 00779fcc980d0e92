import { translate, type Lang } from '../../../web/i18n.ts';
import { formatDate, formatDay, formatTime } from '../../../web/format.ts';
import type { LocationView, ServiceView } from '../../office/index.ts';
import {
  ConsentAndProofOfWork,
  ErrorSummary,
  errorSummary,
  Ltr,
  PersonFields,
  PortalLayout,
  type PersonErrors,
  type PersonValues,
  ServiceAndPlaceFacts,
} from '../../portal/index.ts';
import type { LotteryWindow, WindowState } from '../lottery-window.ts';

const tr = (lang: Lang) => (key: string, values?: Record<string, string>) => translate(lang, key, values);

function Facts(props: { lang: Lang; service: ServiceView; location: LocationView; day: string; start?: Date | null }) {
  const t = tr(props.lang);
  const zone = props.location.timeZone;
  return (
    <dl class="facts">
      <ServiceAndPlaceFacts lang={props.lang} service={props.service} location={props.location} />
      <dt>{t('portal.appointment.when')}</dt>
      <dd>
        {props.start ? (
          <>
            {formatDate(props.lang, props.start, zone)} · <Ltr>{formatTime(props.lang, props.start, zone)}</Ltr>
          </>
        ) : (
          formatDay(props.lang, props.day)
        )}
      </dd>
    </dl>
  );
}

export type LotteryPageProps = {
  lang: Lang;
  service: ServiceView;
  location: LocationView;
  window: LotteryWindow;
  state: WindowState;
  /** The time the engine releases what the draw left over. */
  release: Date;
  values: PersonValues;
  errors: PersonErrors;
  csrf: string;
  challenge: string;
};

/** Today's lottery of a service at a location: what it is, when, and (while it is open) the form to enter. */
export function LotteryPage(props: LotteryPageProps) {
  const { lang, window } = props;
  const t = tr(lang);
  const zone = props.location.timeZone;
  const time = (at: Date) => formatTime(lang, at, zone);
  const path = `/lottery/${props.service.slug}/${props.location.slug}`;
  const summary = errorSummary(props.errors);
  return (
    <PortalLayout lang={lang} title={t('lottery.title')} path={path} script={props.state === 'open'}>
      <ErrorSummary lang={lang} errors={summary} />
      <h1>{t('lottery.title')}</h1>
      <Facts lang={lang} service={props.service} location={props.location} day={window.day} />
      <p>{t('lottery.intro', { opens: time(window.opens), closes: time(window.closes) })}</p>
      {props.state === 'before' ? (
        <p class="notice" role="status">
          {t('lottery.before', { opens: time(window.opens) })}
        </p>
      ) : null}
      {props.state === 'closed' ? (
        <p class="notice" role="status">
          {t('lottery.closed', { release: time(props.release), opens: time(window.opens) })}
        </p>
      ) : null}
      {props.state === 'open' ? <EntryForm {...props} action={`/${lang}${path}`} /> : null}
      <p class="actions">
        <a href={`/${lang}/book/${props.service.slug}/${props.location.slug}`}>{t('lottery.later')}</a>
      </p>
    </PortalLayout>
  );
}

function EntryForm(props: LotteryPageProps & { action: string }) {
  const { lang } = props;
  const t = tr(lang);
  return (
    <form method="post" action={props.action} novalidate data-pow-form data-challenge={props.challenge}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <p>{t('lottery.how', { closes: formatTime(lang, props.window.closes, props.location.timeZone) })}</p>
      <p>{t('lottery.once')}</p>
      <PersonFields lang={lang} values={props.values} errors={props.errors} />
      <ConsentAndProofOfWork lang={lang} values={props.values} errors={props.errors} />
      <p class="actions">
        <button class="button" type="submit">
          {t('lottery.submit')}
        </button>
      </p>
    </form>
  );
}

export type EntryView = {
  outcome: string;
  day: string;
  drawAt: Date;
  start: Date | null;
  holdUntil: Date | null;
};

/** The page behind a person's link: registered, won (with the booking button), lost, booked or expired. */
export function EntryPage(props: {
  lang: Lang;
  service: ServiceView;
  location: LocationView;
  entry: EntryView;
  token: string;
  csrf: string;
  /** A refused booking attempt, in the reader's language. */
  problem?: string | undefined;
}) {
  const { lang, entry } = props;
  const t = tr(lang);
  const zone = props.location.timeZone;
  const time = (at: Date) => formatTime(lang, at, zone);
  const outcome = entry.outcome === 'won' || entry.outcome === 'lost' || entry.outcome === 'booked' || entry.outcome === 'expired' ? entry.outcome : 'entered';
  const title = t(`lottery.${outcome}.title`);
  const path = `/lottery/entry/${props.token}`;
  return (
    <PortalLayout lang={lang} title={title} path={path}>
      {props.problem ? (
        <div class="error-summary" role="alert">
          <p>{props.problem}</p>
        </div>
      ) : null}
      <h1>{title}</h1>
      <Facts
        lang={lang}
        service={props.service}
        location={props.location}
        day={entry.day}
        start={outcome === 'lost' || outcome === 'entered' ? null : entry.start}
      />
      {outcome === 'entered' ? <p>{t('lottery.entered.text', { time: time(entry.drawAt) })}</p> : null}
      {outcome === 'won' && entry.holdUntil ? (
        <form method="post" action={`/${lang}${path}/book`}>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <p>{t('lottery.won.text', { until: time(entry.holdUntil) })}</p>
          <p class="actions">
            <button class="button" type="submit">
              {t('lottery.won.submit')}
            </button>
          </p>
        </form>
      ) : null}
      {outcome === 'lost' ? <p>{t('lottery.lost.text')}</p> : null}
      {outcome === 'booked' ? <p>{t('lottery.booked.text')}</p> : null}
      {outcome === 'expired' && entry.holdUntil ? <p>{t('lottery.expired.text', { until: time(entry.holdUntil) })}</p> : null}
      <p class="actions">
        {outcome === 'lost' || outcome === 'expired' ? (
          <a class="button secondary" href={`/${lang}/book/${props.service.slug}/${props.location.slug}`}>
            {t('lottery.later')}
          </a>
        ) : null}
        <a href={`/${lang}/`}>{t('portal.home')}</a>
      </p>
    </PortalLayout>
  );
}
