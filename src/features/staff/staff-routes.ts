import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { StaffHttpDeps } from './http/staff-auth.tsx';
import { signInRoutes } from './http/sign-in-routes.tsx';
import { securityAdminRoutes } from './admin/security-admin-routes.tsx';
import { hoursAdminRoutes } from './admin/hours-admin-routes.tsx';
import { auditRoutes } from './admin/audit-routes.tsx';
import { staffAdminRoutes } from './admin/staff-admin-routes.tsx';
import { devicePairingRoutes } from './http/device-pairing-routes.tsx';
import { ssoRoutes } from './http/sso-routes.tsx';

/** The staff shell's pages (sign-in, devices) and the staff domain's admin pages; domains' staff pages are mounted by app.tsx. */
export function staffRoutes(deps: StaffHttpDeps) {
  const routes = new Hono<AppEnv>();
  routes.route('/', signInRoutes(deps));
  routes.route('/', ssoRoutes(deps));
  routes.route('/', securityAdminRoutes(deps));
  routes.route('/', hoursAdminRoutes(deps));
  routes.route('/', auditRoutes(deps));
  routes.route('/', staffAdminRoutes(deps));
  routes.route('/', devicePairingRoutes(deps));
  return routes;
}
