import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { changeContext, idParam, parseForm, type AdminDeps } from './admin-forms.tsx';
import { HoursListPage, HoursPage } from './hours-admin-pages.tsx';
import { addDayOverride, addWeeklyHours, deleteHoursEntry, hoursOverview, staffWithHours } from './manage-working-hours.ts';
import { addAbsence } from './record-absence.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 07:30');
const day = z.iso.date();
const optionalDay = z.preprocess((v) => (v === '' ? undefined : v), day.optional());
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a date and time');

/**
 * Admin and team leads: clerks' weekly hours, exceptions and absences. What an absence hits
 * (/staff/admin/absences/…) is an appointments page (appointments/staff/absence-impact-routes.tsx).
 */
export function hoursAdminRoutes(deps: AdminDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/hours', requireStaff(deps, 'hours.manage'));
  routes.use('/staff/admin/hours/*', requireStaff(deps, 'hours.manage'));

  routes.get('/staff/admin/hours', async (c) => c.html(<HoursListPage c={c} staff={await staffWithHours(deps, currentStaff(c))} />));

  routes.get('/staff/admin/hours/:staffId', async (c) => {
    const staffId = idParam(c.req.param('staffId'));
    return c.html(<HoursPage c={c} staffId={staffId} hours={await hoursOverview(deps, changeContext(c), staffId)} />);
  });

  routes.post('/staff/admin/hours/:staffId/template', async (c) => {
    const staffId = idParam(c.req.param('staffId'));
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
    await addWeeklyHours(deps, changeContext(c), staffId, form);
    return c.redirect(`/staff/admin/hours/${staffId}?saved=1`, 303);
  });

  routes.post('/staff/admin/hours/:staffId/overrides', async (c) => {
    const staffId = idParam(c.req.param('staffId'));
    const form = await parseForm(c, z.object({ locationId: z.uuid(), day, starts: time, ends: time }));
    await addDayOverride(deps, changeContext(c), staffId, form);
    return c.redirect(`/staff/admin/hours/${staffId}?saved=1`, 303);
  });

  for (const [kind, table] of [
    ['template', 'working_hours'],
    ['overrides', 'working_day_override'],
  ] as const) {
    routes.post(`/staff/admin/hours/:staffId/${kind}/:id/delete`, async (c) => {
      const staffId = idParam(c.req.param('staffId'));
      await deleteHoursEntry(deps, changeContext(c), staffId, table, idParam(c.req.param('id')));
      return c.redirect(`/staff/admin/hours/${staffId}?saved=1`, 303);
    });
  }

  routes.post('/staff/admin/hours/:staffId/absences', async (c) => {
    const staffId = idParam(c.req.param('staffId'));
    const form = await parseForm(c, z.object({ from: localDateTime, until: localDateTime, note: z.string().trim().max(500).default('') }));
    const id = await addAbsence(deps, changeContext(c), staffId, form);
    return c.redirect(`/staff/admin/absences/${id}`, 303);
  });

  return routes;
}
