import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { NotifyingDeps } from '../notified-changes.ts';
import { absenceImpactRoutes } from './absence-impact-routes.tsx';
import { calendarRoutes } from './calendar-routes.tsx';

/** The appointments' staff pages: a clerk's own calendar and what an absence hits. */
export function appointmentStaffRoutes(deps: NotifyingDeps & { publicUrl: string }) {
  const routes = new Hono<AppEnv>();
  routes.route('/', calendarRoutes(deps));
  routes.route('/', absenceImpactRoutes(deps));
  return routes;
}
