import { Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { AppointmentNotifier, ClosedPeriod } from '../../appointments/index.ts';
import { parseForm, StaffForm, staffLang, StaffLayout, staffT } from '../../staff/index.ts';
import { cancelForClosure, moveForClosure, viewClosureImpact } from '../closure-appointments.ts';
import { addClosure, deleteClosure } from '../closures.ts';
import { managedLocations } from '../managed-location.ts';
import type { OfficeDeps } from '../office-change.ts';
import { DeleteButton, guard, idParam, LocationPage, officeChange, savedAt, time } from './office-page.tsx';

const optionalTime = z.preprocess((v) => (v === '' ? undefined : v), time.optional());
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const day = z.iso.date().refine((value) => {
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}, 'a date that exists');
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a date and time');

/**
 * Administrators and team leads (for their locations): the public holidays of a location's
 * federal state, the closures they enter, and the booked appointments these hit, each to be moved
 * to another time or cancelled with a message to the person — as for a clerk's absence.
 */
export function closurePages(deps: OfficeDeps & { notices: AppointmentNotifier }) {
  const routes = new Hono<AppEnv>();
  guard(routes, deps, 'hours.manage', ['/staff/admin/closures', '/staff/admin/closures/*']);

  routes.get('/staff/admin/closures', async (c) => {
    const t = staffT(c);
    const locations = await managedLocations(deps.db, officeChange(c).actor, 'hours.manage');
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
    const { location, periods, impact } = await viewClosureImpact(deps, officeChange(c), idParam(c.req.param('locationId')));
    const lang = staffLang(c);
    const dateOf = (date: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
    const when = (date: Date) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: location.time_zone }).format(date);
    const what = (p: ClosedPeriod) =>
      `${dateOf(p.date)}${p.starts === null ? '' : ` ${p.starts}–${p.ends === '24:00' ? t('staff.closures.end_of_day') : p.ends}`} · ${p.kind === 'holiday' ? `${t('staff.closures.holiday')}: ${p.holiday.germanName}` : p.reason}`;
    const total = impact.reduce((n, i) => n + i.appointments.length, 0);
    const base = `/staff/admin/closures/${location.id}`;
    return c.html(
      <LocationPage c={c} heading={t('staff.nav.closures')} location={location} back="/staff/admin/closures" wide>
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
                {p.kind === 'closure' ? <DeleteButton c={c} action={`${base}/${p.id}/delete`} what={what(p)} /> : null}
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
              <label for="closure-last-day">{t('staff.closures.last_day')}</label>
              <input type="date" id="closure-last-day" name="lastDay" />
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
      </LocationPage>,
    );
  });

  routes.post('/staff/admin/closures/:locationId', async (c) => {
    const locationId = idParam(c.req.param('locationId'));
    const form = await parseForm(
      c,
      z.object({
        day,
        lastDay: z.preprocess(blankToUndefined, day.optional()),
        starts: optionalTime,
        ends: optionalTime,
        reason: z.string().trim().min(1).max(200),
      }),
    );
    await addClosure(deps, officeChange(c), {
      locationId,
      day: form.day,
      lastDay: form.lastDay ?? null,
      starts: form.starts ?? null,
      ends: form.ends ?? null,
      reason: form.reason,
    });
    return savedAt(c, `/staff/admin/closures/${locationId}`);
  });

  routes.post('/staff/admin/closures/:locationId/:closureId/delete', async (c) => {
    const locationId = idParam(c.req.param('locationId'));
    await deleteClosure(deps, officeChange(c), { locationId, closureId: idParam(c.req.param('closureId')) });
    return savedAt(c, `/staff/admin/closures/${locationId}`);
  });

  routes.post('/staff/admin/closures/:locationId/move', async (c) => {
    const locationId = idParam(c.req.param('locationId'));
    const form = await parseForm(c, z.object({ appointmentId: z.uuid(), start: localDateTime }));
    await moveForClosure(deps, officeChange(c), { locationId, ...form });
    return savedAt(c, `/staff/admin/closures/${locationId}`);
  });

  routes.post('/staff/admin/closures/:locationId/cancel', async (c) => {
    const locationId = idParam(c.req.param('locationId'));
    const form = await parseForm(c, z.object({ appointmentId: z.uuid(), note: z.string().trim().max(500).default('') }));
    await cancelForClosure(deps, officeChange(c), { locationId, ...form });
    return savedAt(c, `/staff/admin/closures/${locationId}`);
  });

  return routes;
}
