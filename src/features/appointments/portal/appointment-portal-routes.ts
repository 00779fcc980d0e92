import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { portalLangSegment } from '../../portal/index.ts';
import { bookingRoutes } from './booking-routes.tsx';
import { manageRoutes } from './manage-routes.tsx';
import type { AppointmentPortalDeps } from './portal-engine.ts';

/** The portal's booking and manage pages, mounted by app.tsx after the portal shell's routes. */
export function appointmentPortalRoutes(deps: AppointmentPortalDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.route('/', bookingRoutes(deps, portalLangSegment));
  routes.route('/', manageRoutes(deps, portalLangSegment));
  return routes;
}
