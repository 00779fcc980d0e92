import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { parseForm, StaffForm, staffT } from '../../staff/index.ts';
import { managedLocation } from '../managed-location.ts';
import type { OfficeDeps } from '../office-change.ts';
import { addWalkInHours, deleteWalkInHours } from '../walk-in-hours.ts';
import { walkInHoursAt } from '../walk-in-store.ts';
import { DeleteButton, guard, idParam, LocationPage, officeChange, savedAt, time, weekdayName } from './office-page.tsx';

const weekday = z.coerce.number().int().min(1).max(7);

/**
 * Admin: a location's walk-in hours (location_opening_hours), the one place the portal's "without
 * appointment" hours come from. Appointment times are not entered here: they follow from the
 * clerks' working hours.
 */
export function walkInPages(deps: OfficeDeps) {
  const routes = new Hono<AppEnv>();
  guard(routes, deps, 'office.manage', ['/staff/admin/locations/:id/walk-in', '/staff/admin/locations/:id/walk-in/*']);

  routes.get('/staff/admin/locations/:id/walk-in', async (c) => {
    const t = staffT(c);
    const location = await managedLocation(deps.db, officeChange(c).actor, idParam(c.req.param('id')), 'office.manage');
    const hours = await walkInHoursAt(deps.db, location.id);
    const base = `/staff/admin/locations/${location.id}/walk-in`;
    return c.html(
      <LocationPage c={c} heading={t('staff.office.walk_in_hours')} location={location} back={`/staff/admin/locations/${location.id}`}>
        <p class="hint">{t('staff.office.walk_in_hint')}</p>
        <ul>
          {hours.map((h) => (
            <li>
              {weekdayName(c, h.weekday)} {h.opens.slice(0, 5)}–{h.closes.slice(0, 5)}
              <DeleteButton c={c} action={`${base}/${h.weekday}/${h.opens.slice(0, 5)}/delete`} what={`${weekdayName(c, h.weekday)} ${h.opens.slice(0, 5)}`} />
            </li>
          ))}
        </ul>
        <StaffForm c={c} action={base} submitLabel={t('staff.add')}>
          <div>
            <label for="walk-in-weekday">{t('staff.hours.weekday')}</label>
            <select id="walk-in-weekday" name="weekday">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <option value={String(d)}>{weekdayName(c, d)}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="walk-in-opens">{t('staff.hours.starts')}</label>
            <input type="time" id="walk-in-opens" name="opens" required value="08:00" />
          </div>
          <div>
            <label for="walk-in-closes">{t('staff.hours.ends')}</label>
            <input type="time" id="walk-in-closes" name="closes" required value="12:00" />
          </div>
        </StaffForm>
      </LocationPage>,
    );
  });

  routes.post('/staff/admin/locations/:id/walk-in', async (c) => {
    const locationId = idParam(c.req.param('id'));
    const form = await parseForm(c, z.object({ weekday, opens: time, closes: time }));
    await addWalkInHours(deps, officeChange(c), locationId, form);
    return savedAt(c, `/staff/admin/locations/${locationId}/walk-in`);
  });

  routes.post('/staff/admin/locations/:id/walk-in/:weekday/:opens/delete', async (c) => {
    const locationId = idParam(c.req.param('id'));
    const day = weekday.safeParse(c.req.param('weekday'));
    const opens = time.safeParse(c.req.param('opens'));
    if (!day.success || !opens.success) throw new AppError('not_found', 'Not found.');
    await deleteWalkInHours(deps, officeChange(c), locationId, { weekday: day.data, opens: opens.data });
    return savedAt(c, `/staff/admin/locations/${locationId}/walk-in`);
  });

  return routes;
}
