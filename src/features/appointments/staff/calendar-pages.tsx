import type { Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName, languages } from '../../../web/i18n.ts';
import { Notice, StaffForm, StaffLayout, staffLang, staffT } from '../../staff/index.ts';
import type { CalendarView, clerkCalendar, LocationClosure, openOwnAppointment, ownBookingChoices } from './clerk-calendar.ts';

/** The clerk's day or week; `overlaps`: booked appointments in time just blocked. */
export function CalendarPage(props: {
  c: Context<AppEnv>;
  view: CalendarView;
  calendar: Awaited<ReturnType<typeof clerkCalendar>>;
  saved: boolean;
  overlaps: number | undefined;
}) {
  const { c, view } = props;
  const { zone, date, days, appointments, blocks, closures } = props.calendar;
  const t = staffT(c);
  const lang = staffLang(c);
  const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone: zone });
  const dayTitle = (d: Temporal.PlainDate) =>
    new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(d.year, d.month - 1, d.day)));
  const localDay = (instant: Date) => Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const step = view === 'week' ? 7 : 1;
  return (
    <StaffLayout c={c} title={t('staff.nav.calendar')} wide>
      <h1>{t('staff.nav.calendar')}</h1>
      <Notice text={props.saved ? t('staff.saved') : undefined} />
      {props.overlaps !== undefined ? (
        <p class="error-summary" role="alert">
          {t('staff.calendar.block_overlaps', { n: props.overlaps })}
        </p>
      ) : null}
      <nav aria-label={t('staff.calendar.navigation')}>
        <ul class="inline-list">
          <li>
            <a href={`/staff/calendar?view=${view}&date=${date.subtract({ days: step })}`}>{t('staff.calendar.previous')}</a>
          </li>
          <li>
            <a href={`/staff/calendar?view=${view}`}>{t('staff.calendar.today')}</a>
          </li>
          <li>
            <a href={`/staff/calendar?view=${view}&date=${date.add({ days: step })}`}>{t('staff.calendar.next')}</a>
          </li>
          <li>
            <a href={`/staff/calendar?view=${view === 'week' ? 'day' : 'week'}&date=${date}`}>
              {view === 'week' ? t('staff.calendar.day_view') : t('staff.calendar.week_view')}
            </a>
          </li>
          <li>
            <a href="/staff/calendar/book">{t('staff.calendar.book')}</a>
          </li>
        </ul>
      </nav>
      <div class={view === 'week' ? 'week' : ''}>
        {days.map((d) => {
          const own = appointments.filter((a) => localDay(a.starts_at).equals(d));
          const blocked = blocks.filter(
            (b) => Temporal.PlainDate.compare(localDay(b.starts), d) <= 0 && Temporal.PlainDate.compare(localDay(new Date(b.ends.getTime() - 1)), d) >= 0,
          );
          const closed = closures.filter((x) => x.period.date === d.toString());
          return (
            <section aria-labelledby={`day-${d}`}>
              <h2 id={`day-${d}`}>{dayTitle(d)}</h2>
              {own.length === 0 && blocked.length === 0 ? <p class="muted">{t('staff.calendar.empty')}</p> : null}
              <ul>
                {closed.map((x) => (
                  <li>
                    <ClosureLine c={c} closure={x} />
                  </li>
                ))}
                {blocked.map((b) => (
                  <li>
                    {time.format(b.starts)}–{time.format(b.ends)} · <strong>{t(`staff.hours.reason_${b.reason}`)}</strong> {b.note}
                  </li>
                ))}
                {own.map((a) => (
                  <li>
                    <a href={`/staff/calendar/appointments/${a.id}`}>
                      {time.format(a.starts_at)}–{time.format(a.ends_at)} · {a.service_name ?? ''} · <span class="ltr">{a.code}</span>
                    </a>{' '}
                    {a.status === 'booked' ? '' : `(${t(`staff.calendar.status_${a.status}`)})`}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <section aria-labelledby="block-h">
        <h2 id="block-h">{t('staff.calendar.block')}</h2>
        <StaffForm c={c} action="/staff/calendar/block" submitLabel={t('staff.calendar.block_submit')}>
          <div>
            <label for="block-from">{t('staff.hours.from')}</label>
            <input type="datetime-local" id="block-from" name="from" required />
          </div>
          <div>
            <label for="block-until">{t('staff.hours.until')}</label>
            <input type="datetime-local" id="block-until" name="until" required />
          </div>
          <div>
            <label for="block-note">{t('staff.hours.note')}</label>
            <input type="text" id="block-note" name="note" maxlength={500} />
          </div>
        </StaffForm>
      </section>
    </StaffLayout>
  );
}

/** "12:00–Dienstschluss · Wetzlar geschlossen · Personalversammlung"; a holiday or a whole day without times. */
function ClosureLine(props: { c: Context<AppEnv>; closure: LocationClosure }) {
  const t = staffT(props.c);
  const p = props.closure.period;
  const times = p.starts === null ? '' : `${p.starts}–${p.ends === null || p.ends === '24:00' ? t('staff.closures.end_of_day') : p.ends} · `;
  return (
    <>
      {times}
      <strong>{t('staff.calendar.closed', { location: props.closure.locationName })}</strong> ·{' '}
      {p.kind === 'holiday' ? `${t('staff.closures.holiday')}: ${p.holiday.germanName}` : p.reason}
    </>
  );
}

/** One own appointment with the person's data (or the note that it was erased). */
export function OwnAppointmentPage(props: { c: Context<AppEnv>; row: Awaited<ReturnType<typeof openOwnAppointment>> }) {
  const { c, row } = props;
  const t = staffT(c);
  const lang = staffLang(c);
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: row.time_zone }).format(row.starts_at);
  return (
    <StaffLayout c={c} title={`${row.service_name ?? ''} · ${row.code}`}>
      <h1>
        {row.service_name} · <span class="ltr">{row.code}</span>
      </h1>
      <dl>
        <dt>{t('staff.calendar.when')}</dt>
        <dd>{when}</dd>
        <dt>{t('staff.location')}</dt>
        <dd>{row.location_name}</dd>
        {row.personal_data_erased_at ? (
          <>
            <dt>{t('staff.calendar.person_name')}</dt>
            <dd>
              {t('staff.calendar.person_erased', {
                date: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: row.time_zone }).format(row.personal_data_erased_at),
              })}
            </dd>
          </>
        ) : (
          <>
            <dt>{t('staff.calendar.person_name')}</dt>
            <dd>{row.person_name}</dd>
            <dt>{t('staff.calendar.date_of_birth')}</dt>
            <dd>{row.date_of_birth}</dd>
            <dt>{t('staff.calendar.email')}</dt>
            <dd class="ltr">{row.email || '—'}</dd>
            <dt>{t('staff.calendar.phone')}</dt>
            <dd class="ltr">{row.phone ?? '—'}</dd>
          </>
        )}
        <dt>{t('staff.calendar.language')}</dt>
        <dd>{languageName(row.language)}</dd>
        <dt>{t('staff.status')}</dt>
        <dd>{t(`staff.calendar.status_${row.status}`)}</dd>
      </dl>
      {row.personal_data_erased_at ? null : (
        <p>
          <a href={`/staff/calendar/appointments/${row.id}/letter.pdf`}>{t('staff.calendar.letter')}</a> ·{' '}
          <a href={`/staff/payments/new?appointment=${row.id}`}>{t('staff.fees.take')}</a>
        </p>
      )}
      <p>
        <a href={`/staff/calendar?date=${Temporal.Instant.fromEpochMilliseconds(row.starts_at.getTime()).toZonedDateTimeISO(row.time_zone).toPlainDate()}`}>
          {t('staff.back')}
        </a>
      </p>
    </StaffLayout>
  );
}

/** Booking a person (e.g. on the phone) into the clerk's own hours. */
export function BookOwnPage(props: { c: Context<AppEnv>; choices: Awaited<ReturnType<typeof ownBookingChoices>> }) {
  const { c } = props;
  const { services, locations } = props.choices;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.calendar.book')}>
      <h1>{t('staff.calendar.book')}</h1>
      <p>{t('staff.calendar.book_explain')}</p>
      <StaffForm c={c} action="/staff/calendar/book" submitLabel={t('staff.calendar.book_submit')}>
        <div>
          <label for="service">{t('staff.services.service')}</label>
          <select id="service" name="serviceId" required>
            {services.map((s) => (
              <option value={s.id}>{s.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="location">{t('staff.location')}</label>
          <select id="location" name="locationId" required>
            {locations.map((l) => (
              <option value={l.id}>{l.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="start">{t('staff.calendar.when')}</label>
          <input type="datetime-local" id="start" name="start" required step={300} />
        </div>
        <div>
          <label for="person-name">{t('staff.calendar.person_name')}</label>
          <input type="text" id="person-name" name="name" required maxlength={200} autocomplete="off" />
        </div>
        <div>
          <label for="dob">{t('staff.calendar.date_of_birth')}</label>
          <input type="date" id="dob" name="dateOfBirth" required />
        </div>
        <div>
          <label for="email">{t('staff.calendar.email')}</label>
          <p class="hint" id="email-hint">
            {t('staff.calendar.email_hint')}
          </p>
          <input type="email" id="email" name="email" inputmode="email" maxlength={254} autocomplete="off" aria-describedby="email-hint" />
        </div>
        <div>
          <label for="phone">{t('staff.calendar.phone')}</label>
          <input type="text" id="phone" name="phone" inputmode="tel" maxlength={40} autocomplete="off" />
        </div>
        <div>
          <label for="lang">{t('staff.calendar.language')}</label>
          <select id="lang" name="language">
            {languages.map((l) => (
              <option value={l}>{languageName(l)}</option>
            ))}
          </select>
        </div>
      </StaffForm>
    </StaffLayout>
  );
}
