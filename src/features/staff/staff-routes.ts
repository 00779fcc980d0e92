import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { StaffHttpDeps } from './http/staff-auth.tsx';
import { signInRoutes } from './http/sign-in-routes.tsx';
import { securityAdminRoutes } from './admin/security-admin-routes.tsx';
import { serviceAdminRoutes } from './admin/service-admin-routes.tsx';
import { hoursAdminRoutes } from './admin/hours-admin-routes.tsx';
import { closureAdminRoutes } from './admin/closure-admin-routes.tsx';
import { auditRoutes } from './admin/audit-routes.tsx';
import { staffAdminRoutes } from './admin/staff-admin-routes.tsx';
import { officeAdminRoutes } from './admin/office-admin-routes.tsx';
import { walkInAdminRoutes } from './admin/walk-in-admin-routes.tsx';
import { calendarRoutes } from './calendar/calendar-routes.tsx';
import { devicePairingRoutes } from './http/device-pairing-routes.tsx';
import type { AppointmentNotifier } from '../appointments/index.ts';

/** Every staff page and staff API route. */
export function staffRoutes(deps: StaffHttpDeps & { notices: AppointmentNotifier }) {
  const routes = new Hono<AppEnv>();
  routes.route('/', signInRoutes(deps));
  routes.route('/', securityAdminRoutes(deps));
  routes.route('/', serviceAdminRoutes(deps));
  routes.route('/', hoursAdminRoutes(deps));
  routes.route('/', closureAdminRoutes(deps));
  routes.route('/', auditRoutes(deps));
  routes.route('/', staffAdminRoutes(deps));
  routes.route('/', walkInAdminRoutes(deps));
  routes.route('/', officeAdminRoutes(deps));
  routes.route('/', calendarRoutes(deps));
  routes.route('/', devicePairingRoutes(deps));
  return routes;
}
