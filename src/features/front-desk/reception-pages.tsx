import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { languageName, languages, translate } from '../../web/i18n.ts';
import { StaffLayout } from '../staff/index.ts';
import type { DayFigures } from './figures.ts';
import type { LocationRow } from './front-desk-store.ts';
import {
  Csrf,
  FrontDeskHead,
  LocationSwitch,
  Notice,
  priorityReasonLabel,
  priorityReasons,
  QueueTable,
  type ScreenNotice,
  dayLabel,
  durationLabel,
  statusLabel,
  type StaffScreenLang,
} from './front-desk-ui.tsx';
import type { QueueSummary, TodaysAppointment } from './queue-overview.ts';

/** Reception and the day's figures (staff screens, German or English). */
const textsIn =
  (lang: StaffScreenLang) =>
  (key: string, values?: Record<string, string | number>): string =>
    translate(lang, `staff.frontdesk.${key}`, values);

type Choice = { id: string; name: string };

function ReasonOptions(props: { lang: StaffScreenLang }) {
  return (
    <>
      {priorityReasons.map((reason) => (
        <option value={reason}>{priorityReasonLabel(props.lang, reason)}</option>
      ))}
    </>
  );
}

export function ReceptionPage(props: {
  c: Context<AppEnv>;
  lang: StaffScreenLang;
  location: LocationRow;
  choices: Choice[];
  notice: ScreenNotice | undefined;
  services: Choice[];
  search: string | undefined;
  live: { queues: QueueSummary[]; appointments: TodaysAppointment[] };
  csrf: string;
}) {
  const { location, lang, csrf, search } = props;
  const t = textsIn(lang);
  const query = `location=${location.id}`;
  return (
    <StaffLayout c={props.c} title={t('reception.title')} head={<FrontDeskHead />}>
      <h1>
        {t('reception.title')} · {location.name}
      </h1>
      <LocationSwitch lang={lang} action="/reception" choices={props.choices} current={location.id} />
      <Notice notice={props.notice} />
      <section class="stack">
        <h2>{t('reception.check_in.title')}</h2>
        <form method="post" action={`/reception/check-in?${query}`} class="inline">
          <Csrf token={csrf} />
          <label for="code">{t('reception.code')}</label>
          <input id="code" name="code" maxlength={400} required autocomplete="off" class="ltr" />
          <label for="nat">{t('reception.check_in.nationality')}</label>
          <input id="nat" name="nationality" maxlength={2} pattern="[A-Za-z]{2}" class="ltr short" />
          <button class="button" type="submit">
            {t('reception.check_in')}
          </button>
        </form>
      </section>
      <section class="stack">
        <h2>{t('reception.walk_in.title')}</h2>
        <form method="post" action={`/reception/walk-in?${query}`} class="stack">
          <Csrf token={csrf} />
          <label for="service">{t('concern')}</label>
          <select id="service" name="service" required>
            {props.services.map((s) => (
              <option value={s.id}>{s.name}</option>
            ))}
          </select>
          <label for="lang">{t('reception.walk_in.language')}</label>
          <select id="lang" name="lang">
            {languages.map((code) => (
              <option value={code}>{languageName(code)}</option>
            ))}
          </select>
          <label for="surname">{t('reception.walk_in.surname')}</label>
          <input id="surname" name="surname" maxlength={200} />
          <label for="nationality">{t('reception.walk_in.nationality')}</label>
          <input id="nationality" name="nationality" maxlength={2} pattern="[A-Za-z]{2}" class="ltr short" />
          <label>
            <input type="checkbox" name="priority" /> {t('reception.priority')}
          </label>
          <label for="reason">{t('reception.priority.reason')}</label>
          <select id="reason" name="reason">
            <ReasonOptions lang={lang} />
          </select>
          <button class="button" type="submit">
            {t('reception.walk_in.submit')}
          </button>
        </form>
      </section>
      <div id="live" data-live={`/reception/live?${query}${search ? `&q=${encodeURIComponent(search)}` : ''}`} data-events={`/front-desk/events?${query}`}>
        <ReceptionLive lang={lang} {...props.live} query={query} csrf={csrf} timeZone={location.time_zone} />
      </div>
      <form method="get" action="/reception" class="inline">
        <input type="hidden" name="location" value={location.id} />
        <label for="q">{t('reception.search')}</label>
        <input id="q" name="q" maxlength={100} value={search ?? ''} />
        <button class="button secondary" type="submit">
          {t('reception.search.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}

/** The part of reception that is fetched anew whenever the queues change. */
export function ReceptionLive(props: {
  lang: StaffScreenLang;
  queues: QueueSummary[];
  appointments: TodaysAppointment[];
  query: string;
  csrf: string;
  timeZone: string;
}) {
  const { csrf, lang } = props;
  const t = textsIn(lang);
  const time = (at: Date) => new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { timeStyle: 'short', timeZone: props.timeZone }).format(at);
  const waiting = props.queues.flatMap((q) => q.waiting);
  return (
    <div>
      <section>
        <h2>{t('reception.who_waits')}</h2>
        <QueueTable lang={lang} queues={props.queues} />
        {waiting.length ? (
          <details>
            <summary>{t('reception.priority.mark')}</summary>
            {waiting.map((w) => (
              <form method="post" action={`/reception/tickets/${w.id}/priority?${props.query}`} class="inline">
                <Csrf token={csrf} />
                <span class="ltr">{w.number}</span>
                <input type="hidden" name="priority" value={w.priority ? 'off' : 'on'} />
                {w.priority ? null : (
                  <select name="reason" aria-label={t('reception.priority.reason_for', { number: w.number })}>
                    <ReasonOptions lang={lang} />
                  </select>
                )}
                <button class="button secondary" type="submit">
                  {w.priority ? t('reception.priority.remove') : t('reception.priority')}
                </button>
              </form>
            ))}
          </details>
        ) : null}
      </section>
      <section>
        <h2>{t('reception.today')}</h2>
        <table class="queue">
          <thead>
            <tr>
              <th scope="col">{t('reception.time')}</th>
              <th scope="col">{t('booking.name')}</th>
              <th scope="col">{t('concern')}</th>
              <th scope="col">{t('reception.status')}</th>
              <th scope="col">{t('queue.number')}</th>
            </tr>
          </thead>
          <tbody>
            {props.appointments.map((a) => (
              <tr>
                <td>{time(a.startsAt)}</td>
                <td>
                  <a href={`/staff/link?appointment=${a.id}`}>{a.personName}</a>
                </td>
                <td>{a.serviceName}</td>
                <td>{statusLabel(lang, a.ticketStatus ?? a.status)}</td>
                <td class="ltr">
                  {a.ticketNumber ??
                    (a.status === 'booked' || a.status === 'reserved' ? (
                      <form method="post" action={`/reception/check-in?${props.query}`}>
                        <Csrf token={csrf} />
                        <input type="hidden" name="code" value={a.code} />
                        <button class="button secondary" type="submit">
                          {t('reception.check_in')}
                        </button>
                      </form>
                    ) : (
                      '—'
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

export function FiguresPage(props: { c: Context<AppEnv>; lang: StaffScreenLang; location: LocationRow; choices: Choice[]; figures: DayFigures; goal: number }) {
  const { figures, lang } = props;
  const t = textsIn(lang);
  const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
  const minutes = (value: number | null) => (value === null ? '—' : durationLabel(lang, value));
  return (
    <StaffLayout c={props.c} title={t('figures.title')} head={<FrontDeskHead />}>
      <h1>
        {translate(lang, 'staff.frontdesk.figures')} · {props.location.name}
      </h1>
      <LocationSwitch lang={lang} action="/figures" choices={props.choices} current={props.location.id} />
      <p>
        <a href={`/staff/figures?location=${props.location.id}`}>{t('figures.period')}</a>
      </p>
      <dl class="facts">
        <dt>{t('figures.day')}</dt>
        <dd data-testid="day">{dayLabel(lang, figures.day)}</dd>
        <dt>{t('figures.waiting_now')}</dt>
        <dd>
          {figures.waitingNow.length ? (
            <ul>
              {figures.waitingNow.map((q) => (
                <li>{`${q.queue} (${q.prefix}): ${q.count}`}</li>
              ))}
            </ul>
          ) : (
            '0'
          )}
        </dd>
        <dt>{t('figures.wait_median')}</dt>
        <dd data-testid="wait-median">{minutes(figures.waitMedianMinutes)}</dd>
        <dt>{t('figures.wait_p90')}</dt>
        <dd>{minutes(figures.waitP90Minutes)}</dd>
        <dt>{t('figures.with_appointment')}</dt>
        <dd>{figures.visitsWithAppointment}</dd>
        <dt>{t('figures.without_appointment')}</dt>
        <dd>{figures.visitsWithoutAppointment}</dd>
        <dt>{t('figures.share', { goal: percent(props.goal) })}</dt>
        <dd data-testid="share">{percent(figures.appointmentShare)}</dd>
        <dt>{t('figures.no_shows')}</dt>
        <dd>{figures.noShows}</dd>
        <dt>{t('figures.finished')}</dt>
        <dd>{figures.finished}</dd>
      </dl>
    </StaffLayout>
  );
}
