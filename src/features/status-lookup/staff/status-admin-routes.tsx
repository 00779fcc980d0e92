import { type Context, Hono } from 'hono';
import { Temporal } from 'temporal-polyfill';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { officeDay } from '../../../shared/office-day.ts';
import { authorize, changeContext, formFields, requireStaff } from '../../staff/index.ts';
import { lookupsAndCalls, noticesByStatus, recordCallCount } from '../lookup-figures.ts';
import type { EventDeps } from '../procedure-event.ts';
import { StatusAdminPage } from './status-admin-page.tsx';

/** `/staff/admin/status-figures`: administrators (office.manage) see notices per status and enter the office's calls. */
export function statusAdminRoutes(deps: Omit<EventDeps, 'jobs'> & { timeZone: string }) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/status-figures', requireStaff(deps));
  routes.use('/staff/admin/status-figures/*', requireStaff(deps));

  async function show(c: Context<AppEnv>, errors: string[] = [], status: 200 | 422 = 200) {
    authorize(changeContext(c).actor, 'office.manage');
    const today = officeDay(deps.clock.now(), deps.timeZone);
    const from = Temporal.PlainDate.from(today).subtract({ days: 27 }).toString();
    const [notices, days] = await Promise.all([noticesByStatus(deps.db), lookupsAndCalls(deps.db, from, today)]);
    return c.html(<StatusAdminPage c={c} notices={notices} days={days.reverse()} today={today} errors={errors} />, status);
  }

  routes.get('/staff/admin/status-figures', (c) => show(c));
  routes.post('/staff/admin/status-figures/calls', async (c) => {
    try {
      await recordCallCount(deps, changeContext(c), await formFields(c));
    } catch (error) {
      if (!isAppError(error) || error.code !== 'validation_failed') throw error;
      return show(c, [error.message], 422);
    }
    return c.redirect('/staff/admin/status-figures', 303);
  });
  return routes;
}
