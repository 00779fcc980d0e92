import { Hono } from 'hono';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { languageName, languages } from '../../../web/i18n.ts';
import { bookAndNotify, type AppointmentNotifier } from '../../appointments/index.ts';
import { auditChange, parseForm, type AdminDeps } from '../admin/admin-forms.tsx';
import { auditPersonForAppointment, recordAudit } from '../audit.ts';
import { affectedAppointments } from '../hours/absence-impact.ts';
import { authorizeRequest, clientIp, StaffForm, currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffLang, staffT } from '../http/staff-layout.tsx';

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a date and time');

/**
 * A clerk's own calendar: day and week view (time, service and code only; a person's data is
 * shown, and audited, only when one appointment is opened), booking a person into own hours
 * (e.g. someone on the phone; they get the confirmation e-mail), and blocking time.
 */
export function calendarRoutes(deps: AdminDeps & { notices: AppointmentNotifier }) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/calendar', requireStaff(deps, 'calendar.read_own'));
  routes.use('/staff/calendar/*', requireStaff(deps, 'calendar.read_own'));

  async function zoneOf(staffId: string): Promise<string> {
    const row = await deps.db
      .selectFrom('staff_location')
      .innerJoin('location', 'location.id', 'staff_location.location_id')
      .select('location.time_zone')
      .where('staff_id', '=', staffId)
      .orderBy('location.name')
      .executeTakeFirst();
    return row?.time_zone ?? 'Europe/Berlin';
  }

  routes.get('/staff/calendar', async (c) => {
    const t = staffT(c);
    const actor = currentStaff(c);
    const zone = await zoneOf(actor.staffId);
    const now = Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime()).toZonedDateTimeISO(zone).toPlainDate();
    const parsedDate = z.iso.date().safeParse(c.req.query('date'));
    const date = parsedDate.success ? Temporal.PlainDate.from(parsedDate.data) : now;
    const view = c.req.query('view') === 'week' ? 'week' : 'day';
    const first = view === 'week' ? date.subtract({ days: date.dayOfWeek - 1 }) : date;
    const days = Array.from({ length: view === 'week' ? 7 : 1 }, (_, i) => first.add({ days: i }));
    const from = new Date(first.toZonedDateTime({ timeZone: zone }).epochMilliseconds);
    const to = new Date(first.add({ days: days.length }).toZonedDateTime({ timeZone: zone }).epochMilliseconds);
    const [appointments, blocks] = await Promise.all([
      deps.db
        .selectFrom('appointment')
        .leftJoin('service_text', (j) => j.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
        .select([
          'appointment.id',
          'appointment.code',
          'appointment.starts_at',
          'appointment.ends_at',
          'appointment.status',
          'service_text.name as service_name',
        ])
        .where('appointment.staff_id', '=', actor.staffId)
        .where('appointment.status', '<>', 'cancelled')
        .where('appointment.starts_at', '<', to)
        .where('appointment.ends_at', '>', from)
        .orderBy('appointment.starts_at')
        .execute(),
      deps.db
        .selectFrom('absence')
        .select(['id', 'reason', 'note', sql<Date>`lower(during)`.as('starts'), sql<Date>`upper(during)`.as('ends')])
        .where('staff_id', '=', actor.staffId)
        .where(sql<boolean>`during && tstzrange(${from}::timestamptz, ${to}::timestamptz)`)
        .orderBy(sql`lower(during)`)
        .execute(),
    ]);
    const lang = staffLang(c);
    const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone: zone });
    const dayTitle = (d: Temporal.PlainDate) =>
      new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(d.year, d.month - 1, d.day)));
    const localDay = (instant: Date) => Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone).toPlainDate();
    const step = view === 'week' ? 7 : 1;
    return c.html(
      <StaffLayout c={c} title={t('staff.nav.calendar')} wide>
        <h1>{t('staff.nav.calendar')}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        {/^\d{1,3}$/.test(c.req.query('overlaps') ?? '') ? (
          <p class="error-summary" role="alert">
            {t('staff.calendar.block_overlaps', { n: Number(c.req.query('overlaps')) })}
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
            return (
              <section aria-labelledby={`day-${d}`}>
                <h2 id={`day-${d}`}>{dayTitle(d)}</h2>
                {own.length === 0 && blocked.length === 0 ? <p class="muted">{t('staff.calendar.empty')}</p> : null}
                <ul>
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
      </StaffLayout>,
    );
  });

  routes.post('/staff/calendar/block', async (c) => {
    const actor = await authorizeRequest(deps, c, 'calendar.block_own', { staffId: currentStaff(c).staffId });
    const form = await parseForm(c, z.object({ from: localDateTime, until: localDateTime, note: z.string().trim().max(500).default('') }));
    const zone = await zoneOf(actor.staffId);
    const toDate = (value: string) => new Date(Temporal.PlainDateTime.from(value).toZonedDateTime(zone).epochMilliseconds);
    const from = toDate(form.from);
    const until = toDate(form.until);
    if (from >= until)
      throw new AppError('validation_failed', 'The end must be after the start.', { fieldErrors: [{ path: 'until', message: 'before start' }] });
    const absenceId = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('absence')
        .values({
          staff_id: actor.staffId,
          during: sql<string>`tstzrange(${from}::timestamptz, ${until}::timestamptz, '[)')`,
          reason: 'blocked',
          note: form.note,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await auditChange(trx, deps, c, actor, { action: 'calendar.block', target: { type: 'absence', id: row.id }, after: { from, until, note: form.note } });
      return row.id;
    });
    // Booked appointments stay booked: the clerk is told, and a team lead can move them (absence page).
    const hit = (await affectedAppointments(deps.db, absenceId)).length;
    const day = Temporal.PlainDateTime.from(form.from).toPlainDate().toString();
    return c.redirect(`/staff/calendar?date=${day}&saved=1${hit ? `&overlaps=${hit}` : ''}`, 303);
  });

  routes.get('/staff/calendar/appointments/:id', async (c) => {
    const t = staffT(c);
    const parsed = z.uuid().safeParse(c.req.param('id'));
    const row = parsed.success
      ? await deps.db
          .selectFrom('appointment')
          .innerJoin('location', 'location.id', 'appointment.location_id')
          .leftJoin('service_text', (j) => j.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
          .selectAll('appointment')
          .select(['location.name as location_name', 'location.time_zone', 'service_text.name as service_name'])
          .where('appointment.id', '=', parsed.data)
          .executeTakeFirst()
      : undefined;
    if (!row) {
      await recordAudit(deps.db, deps.clock, {
        actor: currentStaff(c),
        action: 'person.open',
        outcome: 'failed',
        screen: 'calendar appointment',
        ip: clientIp(c),
        note: `unknown id ${c.req.param('id').slice(0, 60)}`,
      });
      throw new AppError('not_found', 'There is no such appointment.');
    }
    // Own appointments only from the own calendar; another clerk's record is refused and audited.
    const actor = await authorizeRequest(deps, c, 'calendar.read_own', { staffId: row.staff_id });
    await authorizeRequest(deps, c, 'person.read', { locationId: row.location_id });
    const personId = await auditPersonForAppointment(deps.db, row);
    await recordAudit(deps.db, deps.clock, {
      actor,
      action: 'person.open',
      target: { type: 'appointment', id: row.id },
      personId,
      screen: 'calendar appointment',
      ip: clientIp(c),
    });
    const lang = staffLang(c);
    const when = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone: row.time_zone }).format(row.starts_at);
    return c.html(
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
        <p>
          <a href={`/staff/calendar?date=${Temporal.Instant.fromEpochMilliseconds(row.starts_at.getTime()).toZonedDateTimeISO(row.time_zone).toPlainDate()}`}>
            {t('staff.back')}
          </a>
        </p>
      </StaffLayout>,
    );
  });

  routes.get('/staff/calendar/book', async (c) => {
    const t = staffT(c);
    const actor = currentStaff(c);
    const [services, locations] = await Promise.all([
      bookableServices(actor.staffId),
      deps.db
        .selectFrom('location')
        .select(['id', 'name'])
        .where('id', 'in', actor.locationIds.length ? [...actor.locationIds] : ['00000000-0000-0000-0000-000000000000'])
        .execute(),
    ]);
    return c.html(
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
      </StaffLayout>,
    );
  });

  routes.post('/staff/calendar/book', async (c) => {
    const actor = currentStaff(c);
    const form = await parseForm(
      c,
      z.object({
        serviceId: z.uuid(),
        locationId: z.uuid(),
        start: localDateTime,
        name: z.string().trim().min(1).max(200),
        dateOfBirth: z.iso.date(),
        // Optional: a phone customer may have no address; then nobody is written to.
        email: z
          .string()
          .trim()
          .max(254)
          .pipe(z.union([z.literal(''), z.email('is not an e-mail address')]))
          .default(''),
        phone: z.string().trim().max(40).optional(),
        language: z.string().refine((l) => languages.includes(l), 'a supported language'),
      }),
    );
    await authorizeRequest(deps, c, 'calendar.book_own', { locationId: form.locationId, staffId: actor.staffId });
    const location = await deps.db.selectFrom('location').select('time_zone').where('id', '=', form.locationId).executeTakeFirst();
    if (!location) throw new AppError('not_found', 'There is no such location.');
    const start = Temporal.PlainDateTime.from(form.start).toZonedDateTime(location.time_zone).toString({ timeZoneName: 'never' });
    // The person gets the same confirmation (with the change/cancel link) as after booking online.
    const result = await bookAndNotify(deps, {
      serviceId: form.serviceId,
      locationId: form.locationId,
      start,
      person: { name: form.name, dateOfBirth: form.dateOfBirth, email: form.email, phone: form.phone || null, language: form.language },
      actor: { channel: 'staff', staffId: actor.staffId },
      staffId: actor.staffId,
    });
    const personId = await auditPersonForAppointment(deps.db, { id: result.appointment.id, person_name: form.name, date_of_birth: form.dateOfBirth });
    await recordAudit(deps.db, deps.clock, {
      actor,
      action: 'appointment.book_own_hours',
      target: { type: 'appointment', id: result.appointment.id },
      personId,
      screen: 'calendar book',
      ip: clientIp(c),
    });
    return c.redirect(`/staff/calendar/appointments/${result.appointment.id}`, 303);
  });

  /** Services the clerk is qualified for (a shared specialty, or services naming none). */
  function bookableServices(staffId: string) {
    return deps.db
      .selectFrom('service')
      .innerJoin('service_text', (j) => j.onRef('service_text.service_id', '=', 'service.id').on('service_text.lang', '=', 'de'))
      .select(['service.id', 'service_text.name'])
      .where('service.active', '=', true)
      .where((eb) =>
        eb.or([
          eb.not(
            eb.exists(eb.selectFrom('service_specialty').select('service_specialty.service_id').whereRef('service_specialty.service_id', '=', 'service.id')),
          ),
          eb.exists(
            eb
              .selectFrom('service_specialty')
              .innerJoin('staff_specialty', 'staff_specialty.specialty_id', 'service_specialty.specialty_id')
              .select('service_specialty.service_id')
              .whereRef('service_specialty.service_id', '=', 'service.id')
              .where('staff_specialty.staff_id', '=', staffId),
          ),
        ]),
      )
      .orderBy('service.sort_order')
      .execute();
  }

  return routes;
}
