import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { qualifiedColleagues, type AppointmentNotifier } from '../../appointments/index.ts';
import { AppError } from '../../../shared/app-error.ts';
import { auditPersonForAppointment, recordAudit } from '../audit.ts';
import { affectedAppointments, cancelAppointmentForAbsence, moveAppointmentToColleague } from '../hours/absence-impact.ts';
import { authorizeRequest, clientIp, CsrfField, StaffForm, currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffLang, staffT } from '../http/staff-layout.tsx';
import { can } from '../policy.ts';
import { auditChange, parseForm, type AdminDeps } from './admin-forms.tsx';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 07:30');
const day = z.iso.date();
const optionalDay = z.preprocess((v) => (v === '' ? undefined : v), day.optional());
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a date and time');

const idParam = (value: string | undefined) => {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'Not found.');
  return parsed.data;
};

/** Admin and team leads: clerks' weekly hours, exceptions, absences, and what an absence hits. */
export function hoursAdminRoutes(deps: AdminDeps & { notices: AppointmentNotifier }) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/hours', requireStaff(deps, 'hours.manage'));
  routes.use('/staff/admin/hours/*', requireStaff(deps, 'hours.manage'));
  routes.use('/staff/admin/absences/*', requireStaff(deps, 'hours.manage'));

  /** Team leads manage only staff who share one of their locations. */
  async function authorizeFor(c: Context<AppEnv>, staffId: string) {
    const staff = await deps.db.selectFrom('staff').select(['id', 'display_name']).where('id', '=', staffId).executeTakeFirst();
    if (!staff) throw new AppError('not_found', 'There is no such staff member.');
    const locations = await deps.db.selectFrom('staff_location').select('location_id').where('staff_id', '=', staffId).execute();
    const actor = currentStaff(c);
    const allowedAt = locations.find((l) => can(actor, 'hours.manage', { locationId: l.location_id }));
    await authorizeRequest(deps, c, 'hours.manage', { locationId: allowedAt?.location_id ?? locations[0]?.location_id ?? null });
    return { staff, locationIds: locations.map((l) => l.location_id) };
  }

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

  routes.get('/staff/admin/hours', async (c) => {
    const t = staffT(c);
    const actor = currentStaff(c);
    let query = deps.db
      .selectFrom('staff')
      .select(['id', 'display_name', 'role', 'active'])
      .where('role', 'in', ['clerk', 'team_lead', 'reception'])
      .orderBy('display_name');
    if (actor.role !== 'admin')
      query = query.where(
        'id',
        'in',
        deps.db
          .selectFrom('staff_location')
          .select('staff_id')
          .where('location_id', 'in', actor.locationIds.length ? [...actor.locationIds] : ['00000000-0000-0000-0000-000000000000']),
      );
    const staff = await query.execute();
    return c.html(
      <StaffLayout c={c} title={t('staff.nav.hours')}>
        <h1>{t('staff.nav.hours')}</h1>
        <ul>
          {staff.map((s) => (
            <li>
              <a href={`/staff/admin/hours/${s.id}`}>{s.display_name}</a> · {t(`staff.role.${s.role}`)}
            </li>
          ))}
        </ul>
      </StaffLayout>,
    );
  });

  routes.get('/staff/admin/hours/:staffId', async (c) => {
    const t = staffT(c);
    const staffId = idParam(c.req.param('staffId'));
    const { staff, locationIds } = await authorizeFor(c, staffId);
    const zone = await zoneOf(staffId);
    const [template, overrides, absences, locations] = await Promise.all([
      deps.db.selectFrom('working_hours').selectAll().where('staff_id', '=', staffId).orderBy('weekday').orderBy('starts').execute(),
      deps.db.selectFrom('working_day_override').selectAll().where('staff_id', '=', staffId).orderBy('day').execute(),
      deps.db
        .selectFrom('absence')
        .select(['id', 'reason', 'note', sql<Date>`lower(during)`.as('starts'), sql<Date>`upper(during)`.as('ends')])
        .where('staff_id', '=', staffId)
        .where(sql<boolean>`upper(during) > ${deps.clock.now()}`)
        .orderBy(sql`lower(during)`)
        .execute(),
      deps.db
        .selectFrom('location')
        .select(['id', 'name'])
        .where('id', 'in', locationIds.length ? locationIds : ['00000000-0000-0000-0000-000000000000'])
        .execute(),
    ]);
    const lang = staffLang(c);
    const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
      d,
      name: new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d))),
    }));
    const fmt = (date: Date) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
    const locationName = (id: string) => locations.find((l) => l.id === id)?.name ?? '';
    const LocationSelect = (props: { id: string }) => (
      <div>
        <label for={props.id}>{t('staff.location')}</label>
        <select id={props.id} name="locationId" required>
          {locations
            .filter((l) => can(currentStaff(c), 'hours.manage', { locationId: l.id }))
            .map((l) => (
              <option value={l.id}>{l.name}</option>
            ))}
        </select>
      </div>
    );
    const Delete = (props: { action: string; what: string }) => (
      <form method="post" action={props.action} class="inline-form">
        <CsrfField c={c} />{' '}
        <button type="submit" class="link-button">
          {t('staff.delete')}
          <span class="visually-hidden"> {props.what}</span>
        </button>
      </form>
    );
    return c.html(
      <StaffLayout c={c} title={`${t('staff.nav.hours')} · ${staff.display_name}`} wide>
        <h1>{staff.display_name}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        {locations.length === 0 ? <p class="error-summary">{t('staff.hours.no_location')}</p> : null}
        <section aria-labelledby="template-h">
          <h2 id="template-h">{t('staff.hours.template')}</h2>
          <ul>
            {template.map((w) => (
              <li>
                {weekdays.find((x) => x.d === w.weekday)?.name} {w.starts.slice(0, 5)}–{w.ends.slice(0, 5)} · {locationName(w.location_id)}
                {w.valid_from || w.valid_until ? ` (${w.valid_from ?? '…'} – ${w.valid_until ?? '…'})` : ''}
                <Delete
                  action={`/staff/admin/hours/${staffId}/template/${w.id}/delete`}
                  what={`${weekdays.find((x) => x.d === w.weekday)?.name ?? ''} ${w.starts.slice(0, 5)}–${w.ends.slice(0, 5)}`}
                />
              </li>
            ))}
          </ul>
          <StaffForm c={c} action={`/staff/admin/hours/${staffId}/template`} submitLabel={t('staff.add')}>
            <LocationSelect id="template-location" />
            <div>
              <label for="weekday">{t('staff.hours.weekday')}</label>
              <select id="weekday" name="weekday">
                {weekdays.map((w) => (
                  <option value={String(w.d)}>{w.name}</option>
                ))}
              </select>
            </div>
            <div>
              <label for="template-starts">{t('staff.hours.starts')}</label>
              <input type="time" id="template-starts" name="starts" required value="07:00" />
            </div>
            <div>
              <label for="template-ends">{t('staff.hours.ends')}</label>
              <input type="time" id="template-ends" name="ends" required value="16:00" />
            </div>
            <div>
              <label for="valid-from">{t('staff.hours.valid_from')}</label>
              <input type="date" id="valid-from" name="validFrom" />
            </div>
            <div>
              <label for="valid-until">{t('staff.hours.valid_until')}</label>
              <input type="date" id="valid-until" name="validUntil" />
            </div>
          </StaffForm>
        </section>
        <section aria-labelledby="overrides-h">
          <h2 id="overrides-h">{t('staff.hours.overrides')}</h2>
          <ul>
            {overrides.map((o) => (
              <li>
                {o.day} {o.starts.slice(0, 5)}–{o.ends.slice(0, 5)} · {locationName(o.location_id)}
                <Delete action={`/staff/admin/hours/${staffId}/overrides/${o.id}/delete`} what={`${o.day} ${o.starts.slice(0, 5)}–${o.ends.slice(0, 5)}`} />
              </li>
            ))}
          </ul>
          <StaffForm c={c} action={`/staff/admin/hours/${staffId}/overrides`} submitLabel={t('staff.add')}>
            <LocationSelect id="override-location" />
            <div>
              <label for="override-day">{t('staff.hours.day')}</label>
              <input type="date" id="override-day" name="day" required />
            </div>
            <div>
              <label for="override-starts">{t('staff.hours.starts')}</label>
              <input type="time" id="override-starts" name="starts" required />
            </div>
            <div>
              <label for="override-ends">{t('staff.hours.ends')}</label>
              <input type="time" id="override-ends" name="ends" required />
            </div>
          </StaffForm>
        </section>
        <section aria-labelledby="absences-h">
          <h2 id="absences-h">{t('staff.hours.absences')}</h2>
          <ul>
            {absences.map((a) => (
              <li>
                <a href={`/staff/admin/absences/${a.id}`}>
                  {fmt(a.starts)} – {fmt(a.ends)}
                </a>{' '}
                · {t(`staff.hours.reason_${a.reason}`)} {a.note ? `· ${a.note}` : ''}
              </li>
            ))}
          </ul>
          <StaffForm c={c} action={`/staff/admin/hours/${staffId}/absences`} submitLabel={t('staff.hours.add_absence')}>
            <div>
              <label for="absence-from">{t('staff.hours.from')}</label>
              <input type="datetime-local" id="absence-from" name="from" required />
            </div>
            <div>
              <label for="absence-until">{t('staff.hours.until')}</label>
              <input type="datetime-local" id="absence-until" name="until" required />
            </div>
            <div>
              <label for="absence-note">{t('staff.hours.note')}</label>
              <input type="text" id="absence-note" name="note" maxlength={500} />
            </div>
          </StaffForm>
        </section>
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/hours/:staffId/template', async (c) => {
    const staffId = idParam(c.req.param('staffId'));
    const { locationIds } = await authorizeFor(c, staffId);
    const form = await parseForm(
      c,
      z.object({
        locationId: z.uuid(),
        weekday: z.coerce.number().int().min(1).max(7),
        starts: time,
        ends: time,
        validFrom: optionalDay,
        validUntil: optionalDay,
      }),
    );
    checkRange(form.starts, form.ends);
    if (!locationIds.includes(form.locationId)) throw new AppError('validation_failed', 'The staff member does not work at this location.');
    // Authorized by the location the hours are at, not by any location the clerk shares with the actor.
    await authorizeRequest(deps, c, 'hours.manage', { locationId: form.locationId });
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .insertInto('working_hours')
          .values({
            staff_id: staffId,
            location_id: form.locationId,
            weekday: form.weekday,
            starts: form.starts,
            ends: form.ends,
            valid_from: form.validFrom ?? null,
            valid_until: form.validUntil ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditChange(trx, deps, c, currentStaff(c), { action: 'admin.working_hours.add', target: { type: 'working_hours', id: row.id }, after: row });
      })
      .catch(rethrowCheck);
    return c.redirect(`/staff/admin/hours/${staffId}?saved=1`, 303);
  });

  routes.post('/staff/admin/hours/:staffId/overrides', async (c) => {
    const staffId = idParam(c.req.param('staffId'));
    const { locationIds } = await authorizeFor(c, staffId);
    const form = await parseForm(c, z.object({ locationId: z.uuid(), day, starts: time, ends: time }));
    checkRange(form.starts, form.ends);
    if (!locationIds.includes(form.locationId)) throw new AppError('validation_failed', 'The staff member does not work at this location.');
    // Authorized by the location the hours are at, not by any location the clerk shares with the actor.
    await authorizeRequest(deps, c, 'hours.manage', { locationId: form.locationId });
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .insertInto('working_day_override')
          .values({ staff_id: staffId, location_id: form.locationId, day: form.day, starts: form.starts, ends: form.ends })
          .returningAll()
          .executeTakeFirstOrThrow();
        await auditChange(trx, deps, c, currentStaff(c), {
          action: 'admin.working_day_override.add',
          target: { type: 'working_day_override', id: row.id },
          after: row,
        });
      })
      .catch(rethrowCheck);
    return c.redirect(`/staff/admin/hours/${staffId}?saved=1`, 303);
  });

  for (const [kind, table] of [
    ['template', 'working_hours'],
    ['overrides', 'working_day_override'],
  ] as const) {
    routes.post(`/staff/admin/hours/:staffId/${kind}/:id/delete`, async (c) => {
      const staffId = idParam(c.req.param('staffId'));
      const id = idParam(c.req.param('id'));
      await authorizeFor(c, staffId);
      const entry = await deps.db.selectFrom(table).select('location_id').where('id', '=', id).where('staff_id', '=', staffId).executeTakeFirst();
      if (entry) await authorizeRequest(deps, c, 'hours.manage', { locationId: entry.location_id });
      await deps.db.transaction().execute(async (trx) => {
        const before = await trx.deleteFrom(table).where('id', '=', id).where('staff_id', '=', staffId).returningAll().executeTakeFirst();
        if (!before) throw new AppError('not_found', 'This entry does not exist (any more).');
        await auditChange(trx, deps, c, currentStaff(c), { action: `admin.${table}.delete`, target: { type: table, id }, before });
      });
      return c.redirect(`/staff/admin/hours/${staffId}?saved=1`, 303);
    });
  }

  routes.post('/staff/admin/hours/:staffId/absences', async (c) => {
    const staffId = idParam(c.req.param('staffId'));
    await authorizeFor(c, staffId);
    const form = await parseForm(c, z.object({ from: localDateTime, until: localDateTime, note: z.string().trim().max(500).default('') }));
    const zone = await zoneOf(staffId);
    const toInstant = (value: string) => new Date(Temporal.PlainDateTime.from(value).toZonedDateTime(zone).epochMilliseconds);
    const from = toInstant(form.from);
    const until = toInstant(form.until);
    if (from >= until)
      throw new AppError('validation_failed', 'The absence must end after it starts.', { fieldErrors: [{ path: 'until', message: 'before start' }] });
    const id = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('absence')
        .values({ staff_id: staffId, during: sql<string>`tstzrange(${from}::timestamptz, ${until}::timestamptz, '[)')`, reason: 'absence', note: form.note })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await auditChange(trx, deps, c, currentStaff(c), {
        action: 'admin.absence.add',
        target: { type: 'absence', id: row.id },
        after: { staff_id: staffId, from, until, note: form.note },
      });
      return row.id;
    });
    return c.redirect(`/staff/admin/absences/${id}`, 303);
  });

  routes.get('/staff/admin/absences/:absenceId', async (c) => {
    const t = staffT(c);
    const absenceId = idParam(c.req.param('absenceId'));
    const absence = await deps.db
      .selectFrom('absence')
      .select(['id', 'staff_id', sql<Date>`lower(during)`.as('starts'), sql<Date>`upper(during)`.as('ends')])
      .where('id', '=', absenceId)
      .executeTakeFirst();
    if (!absence) throw new AppError('not_found', 'There is no such absence.');
    const { staff } = await authorizeFor(c, absence.staff_id);
    const actor = currentStaff(c);
    // A clerk working at two locations: a team lead sees only the appointments of the locations they manage.
    const affected = (await affectedAppointments(deps.db, absenceId)).filter((a) => can(actor, 'hours.manage', { locationId: a.location_id }));
    const alternatives = await Promise.all(affected.map((a) => qualifiedColleagues(deps.db, a.id)));
    // Showing names is opening personal data: one audit entry per person shown.
    for (const a of affected) {
      const personId = await auditPersonForAppointment(
        deps.db,
        await deps.db.selectFrom('appointment').select(['id', 'person_name', 'date_of_birth']).where('id', '=', a.id).executeTakeFirstOrThrow(),
      );
      await recordAudit(deps.db, deps.clock, {
        actor,
        action: 'person.view',
        target: { type: 'appointment', id: a.id },
        personId,
        screen: 'absence impact',
        ip: clientIp(c),
      });
    }
    const lang = staffLang(c);
    const fmt = (date: Date, zone: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
    return c.html(
      <StaffLayout c={c} title={t('staff.absence.title')} wide>
        <h1>
          {t('staff.absence.title')}: {staff.display_name}
        </h1>
        <Notice text={c.req.query('done') ? t('staff.saved') : undefined} />
        {affected.length === 0 ? (
          <p>{t('staff.absence.none_affected')}</p>
        ) : (
          <>
            <p>{t('staff.absence.affected', { n: affected.length })}</p>
            <ul class="affected">
              {affected.map((a, index) => (
                <li>
                  <h2>
                    {fmt(a.starts_at, a.time_zone)} · {a.service_name} · {a.person_name} <span class="ltr">({a.code})</span>
                  </h2>
                  {alternatives[index]?.length ? (
                    <StaffForm c={c} action={`/staff/admin/absences/${absenceId}/move`} submitLabel={t('staff.absence.move')}>
                      <input type="hidden" name="appointmentId" value={a.id} />
                      <div>
                        <label for={`to-${a.id}`}>{t('staff.absence.move_to')}</label>
                        <select id={`to-${a.id}`} name="toStaffId">
                          {alternatives[index]?.map((clerk) => (
                            <option value={clerk.id}>{clerk.display_name}</option>
                          ))}
                        </select>
                      </div>
                    </StaffForm>
                  ) : (
                    <p>{t('staff.absence.no_alternative')}</p>
                  )}
                  <StaffForm c={c} action={`/staff/admin/absences/${absenceId}/cancel`} submitLabel={t('staff.absence.cancel')}>
                    <input type="hidden" name="appointmentId" value={a.id} />
                    <div>
                      <label for={`note-${a.id}`}>{t('staff.absence.message')}</label>
                      <input type="text" id={`note-${a.id}`} name="note" maxlength={500} />
                    </div>
                  </StaffForm>
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <a href={`/staff/admin/hours/${absence.staff_id}`}>{t('staff.back')}</a>
        </p>
      </StaffLayout>,
    );
  });

  async function appointmentOfAbsence(c: Context<AppEnv>, absenceId: string, appointmentId: string) {
    const absence = await deps.db.selectFrom('absence').select('staff_id').where('id', '=', absenceId).executeTakeFirst();
    if (!absence) throw new AppError('not_found', 'There is no such absence.');
    await authorizeFor(c, absence.staff_id);
    const hit = (await affectedAppointments(deps.db, absenceId)).find((a) => a.id === appointmentId);
    if (!hit) throw new AppError('conflict', 'This appointment is not (any more) affected by the absence.');
    await authorizeRequest(deps, c, 'hours.manage', { locationId: hit.location_id });
    return hit;
  }

  routes.post('/staff/admin/absences/:absenceId/move', async (c) => {
    const absenceId = idParam(c.req.param('absenceId'));
    const form = await parseForm(c, z.object({ appointmentId: z.uuid(), toStaffId: z.uuid() }));
    await appointmentOfAbsence(c, absenceId, form.appointmentId);
    await moveAppointmentToColleague(deps, currentStaff(c), { appointmentId: form.appointmentId, toStaffId: form.toStaffId, screen: 'absence impact' });
    return c.redirect(`/staff/admin/absences/${absenceId}?done=1`, 303);
  });

  routes.post('/staff/admin/absences/:absenceId/cancel', async (c) => {
    const absenceId = idParam(c.req.param('absenceId'));
    const form = await parseForm(c, z.object({ appointmentId: z.uuid(), note: z.string().trim().max(500).default('') }));
    await appointmentOfAbsence(c, absenceId, form.appointmentId);
    await cancelAppointmentForAbsence(deps, currentStaff(c), { appointmentId: form.appointmentId, note: form.note, screen: 'absence impact' });
    return c.redirect(`/staff/admin/absences/${absenceId}?done=1`, 303);
  });

  return routes;
}

function checkRange(starts: string, ends: string) {
  if (starts >= ends)
    throw new AppError('validation_failed', 'The end must be after the start.', { fieldErrors: [{ path: 'ends', message: 'not after start' }] });
}

function rethrowCheck(error: unknown): never {
  if ((error as { code?: string }).code === '23514') throw new AppError('validation_failed', 'These dates or times do not fit together.');
  throw error;
}
