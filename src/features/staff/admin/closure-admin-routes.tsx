import { Hono, type Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import {
  closureImpact,
  isHitByClosure,
  rescheduleAndNotify,
  upcomingClosedPeriods,
  type AppointmentNotifier,
  type ClosedPeriod,
} from '../../appointments/index.ts';
import { auditPersonForAppointment, recordAudit } from '../audit.ts';
import { cancelAppointmentForAbsence } from '../hours/absence-impact.ts';
import { addClosure, closureLocation, deleteClosure } from '../hours/closures.ts';
import { clientIp, CsrfField, StaffForm, currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffLang, staffT } from '../http/staff-layout.tsx';
import { parseForm, type AdminDeps } from './admin-forms.tsx';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 12:00');
const optionalTime = z.preprocess((v) => (v === '' ? undefined : v), time.optional());
const day = z.iso.date().refine((value) => {
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}, 'a date that exists');
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a date and time');

const idParam = (value: string | undefined) => {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'Not found.');
  return parsed.data;
};

/**
 * Administrators and team leads (for their locations): the public holidays of a location's
 * federal state, the closures they enter, and the booked appointments these hit, each to be moved
 * to another time or cancelled with a message to the person — as for a clerk's absence.
 */
export function closureAdminRoutes(deps: AdminDeps & { notices: AppointmentNotifier }) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/closures', requireStaff(deps, 'hours.manage'));
  routes.use('/staff/admin/closures/*', requireStaff(deps, 'hours.manage'));
  const screen = (c: Context<AppEnv>) => ({ screen: `${c.req.method} ${c.req.path}`, ip: clientIp(c) });

  routes.get('/staff/admin/closures', async (c) => {
    const t = staffT(c);
    const actor = currentStaff(c);
    let query = deps.db.selectFrom('location').select(['id', 'name', 'federal_state']).orderBy('name');
    if (actor.role !== 'admin') query = query.where('id', 'in', actor.locationIds.length ? [...actor.locationIds] : ['00000000-0000-0000-0000-000000000000']);
    const locations = await query.execute();
    return c.html(
      <StaffLayout c={c} title={t('staff.nav.closures')}>
        <h1>{t('staff.nav.closures')}</h1>
        <ul>
          {locations.map((l) => (
            <li>
              <a href={`/staff/admin/closures/${l.id}`}>{l.name}</a> · {l.federal_state ? t(`staff.state.${l.federal_state}`) : t('staff.closures.no_state')}
            </li>
          ))}
        </ul>
      </StaffLayout>,
    );
  });

  routes.get('/staff/admin/closures/:locationId', async (c) => {
    const t = staffT(c);
    const actor = currentStaff(c);
    const location = await closureLocation(deps.db, actor, idParam(c.req.param('locationId')));
    const [periods, impact] = await Promise.all([upcomingClosedPeriods(deps.db, deps.clock, location), closureImpact(deps.db, deps.clock, location)]);
    // Showing names is opening personal data: one audit entry per person shown.
    for (const a of impact.flatMap((i) => i.appointments)) {
      const personId = await auditPersonForAppointment(
        deps.db,
        await deps.db.selectFrom('appointment').select(['id', 'person_name', 'date_of_birth']).where('id', '=', a.id).executeTakeFirstOrThrow(),
      );
      await recordAudit(deps.db, deps.clock, {
        actor,
        action: 'person.view',
        target: { type: 'appointment', id: a.id },
        personId,
        screen: 'closure impact',
        ip: clientIp(c),
      });
    }
    const lang = staffLang(c);
    const dateOf = (date: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
    const when = (date: Date) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: location.time_zone }).format(date);
    const what = (p: ClosedPeriod) =>
      `${dateOf(p.date)}${p.starts === null ? '' : ` ${p.starts}–${p.ends === '24:00' ? t('staff.closures.end_of_day') : p.ends}`} · ${p.kind === 'holiday' ? `${t('staff.closures.holiday')}: ${p.holiday.germanName}` : p.reason}`;
    const total = impact.reduce((n, i) => n + i.appointments.length, 0);
    const base = `/staff/admin/closures/${location.id}`;
    return c.html(
      <StaffLayout c={c} title={`${t('staff.nav.closures')} · ${location.name}`} wide>
        <h1>
          {t('staff.nav.closures')}: {location.name}
        </h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <p>
          {location.federal_state ? t('staff.closures.state_is', { state: t(`staff.state.${location.federal_state}`) }) : t('staff.closures.state_missing')}
        </p>
        <section aria-labelledby="impact-h">
          <h2 id="impact-h">{t('staff.closures.affected_title')}</h2>
          {total === 0 ? <p>{t('staff.closures.none_affected')}</p> : <p>{t('staff.closures.affected', { n: total })}</p>}
          {impact.map((i) => (
            <>
              <h3>{what(i.period)}</h3>
              <ul class="affected">
                {i.appointments.map((a) => (
                  <li>
                    <h4>
                      {when(a.starts_at)} · {a.service_name} · {a.person_name} <span class="ltr">({a.code})</span>
                    </h4>
                    <StaffForm c={c} action={`${base}/move`} submitLabel={t('staff.closures.move')}>
                      <input type="hidden" name="appointmentId" value={a.id} />
                      <div>
                        <label for={`start-${a.id}`}>{t('staff.closures.move_to')}</label>
                        <input type="datetime-local" id={`start-${a.id}`} name="start" required step={300} />
                      </div>
                    </StaffForm>
                    <StaffForm c={c} action={`${base}/cancel`} submitLabel={t('staff.absence.cancel')}>
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
          ))}
        </section>
        <section aria-labelledby="periods-h">
          <h2 id="periods-h">{t('staff.closures.upcoming')}</h2>
          <ul>
            {periods.map((p) => (
              <li>
                {what(p)}
                {p.kind === 'closure' ? (
                  <form method="post" action={`${base}/${p.id}/delete`} class="inline-form">
                    <CsrfField c={c} />{' '}
                    <button type="submit" class="link-button">
                      {t('staff.delete')}
                      <span class="visually-hidden"> {what(p)}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="add-h">
          <h2 id="add-h">{t('staff.closures.add')}</h2>
          <p class="hint">{t('staff.closures.add_hint')}</p>
          <StaffForm c={c} action={base} submitLabel={t('staff.closures.add')}>
            <div>
              <label for="closure-day">{t('staff.hours.day')}</label>
              <input type="date" id="closure-day" name="day" required />
            </div>
            <div>
              <label for="closure-starts">{t('staff.closures.from')}</label>
              <input type="time" id="closure-starts" name="starts" />
            </div>
            <div>
              <label for="closure-ends">{t('staff.closures.until')}</label>
              <input type="time" id="closure-ends" name="ends" />
            </div>
            <div>
              <label for="closure-reason">{t('staff.closures.reason')}</label>
              <input type="text" id="closure-reason" name="reason" required maxlength={200} />
            </div>
          </StaffForm>
        </section>
        <p>
          <a href="/staff/admin/closures">{t('staff.back')}</a>
        </p>
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/closures/:locationId', async (c) => {
    const locationId = idParam(c.req.param('locationId'));
    const actor = currentStaff(c);
    await closureLocation(deps.db, actor, locationId);
    const form = await parseForm(c, z.object({ day, starts: optionalTime, ends: optionalTime, reason: z.string().trim().min(1).max(200) }));
    await addClosure(deps, actor, { locationId, day: form.day, starts: form.starts ?? null, ends: form.ends ?? null, reason: form.reason, ...screen(c) });
    return c.redirect(`/staff/admin/closures/${locationId}?saved=1`, 303);
  });

  routes.post('/staff/admin/closures/:locationId/:closureId/delete', async (c) => {
    const locationId = idParam(c.req.param('locationId'));
    await deleteClosure(deps, currentStaff(c), { locationId, closureId: idParam(c.req.param('closureId')), ...screen(c) });
    return c.redirect(`/staff/admin/closures/${locationId}?saved=1`, 303);
  });

  /** The appointment must still be booked into one of the location's closed times. */
  async function hitAppointment(c: Context<AppEnv>, appointmentId: string) {
    const location = await closureLocation(deps.db, currentStaff(c), idParam(c.req.param('locationId')));
    if (!(await isHitByClosure(deps.db, deps.clock, location, appointmentId)))
      throw new AppError('conflict', 'This appointment is not (any more) hit by a closure of this location.');
    return location;
  }

  routes.post('/staff/admin/closures/:locationId/move', async (c) => {
    const form = await parseForm(c, z.object({ appointmentId: z.uuid(), start: localDateTime }));
    const location = await hitAppointment(c, form.appointmentId);
    const start = Temporal.PlainDateTime.from(form.start).toZonedDateTime(location.time_zone).toString({ timeZoneName: 'never' });
    const actor = currentStaff(c);
    await rescheduleAndNotify(deps, { appointmentId: form.appointmentId }, { start }, { channel: 'staff', staffId: actor.staffId });
    await recordAudit(deps.db, deps.clock, {
      actor,
      action: 'appointment.move_for_closure',
      target: { type: 'appointment', id: form.appointmentId },
      after: { start },
      ...screen(c),
    });
    return c.redirect(`/staff/admin/closures/${location.id}?saved=1`, 303);
  });

  routes.post('/staff/admin/closures/:locationId/cancel', async (c) => {
    const form = await parseForm(c, z.object({ appointmentId: z.uuid(), note: z.string().trim().max(500).default('') }));
    const location = await hitAppointment(c, form.appointmentId);
    await cancelAppointmentForAbsence(deps, currentStaff(c), {
      appointmentId: form.appointmentId,
      note: form.note,
      screen: 'closure impact',
      action: 'appointment.cancel_for_closure',
    });
    return c.redirect(`/staff/admin/closures/${location.id}?saved=1`, 303);
  });

  return routes;
}
