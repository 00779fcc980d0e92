import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import type { StaffHttpDeps } from './http/staff-auth.tsx';
import { signInRoutes } from './http/sign-in-routes.tsx';
import { securityAdminRoutes } from './admin/security-admin-routes.tsx';
import { serviceAdminRoutes } from './admin/service-admin-routes.tsx';
import { hoursAdminRoutes } from './admin/hours-admin-routes.tsx';
import type { Jobs } from '../../platform/jobs/jobs.ts';

/** Every staff page and staff API route. */
export function staffRoutes(deps: StaffHttpDeps & { jobs: Jobs }) {
  const routes = new Hono<AppEnv>();
  routes.route('/', signInRoutes(deps));
  routes.route('/', securityAdminRoutes(deps));
  routes.route('/', serviceAdminRoutes(deps));
  routes.route('/', hoursAdminRoutes(deps));
  return routes;
}
