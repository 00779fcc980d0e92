import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { deskRoutes } from './desk-routes.tsx';
import { displayRoutes } from './display-routes.tsx';
import type { FrontDeskDeps } from './front-desk-deps.ts';
import { kioskRoutes } from './kiosk-routes.tsx';
import { receptionRoutes } from './reception-routes.tsx';

export type { FrontDeskDeps } from './front-desk-deps.ts';

/** Kiosk, call display, desk, reception and figures. Forms only accept posts from our own origin. */
export function frontDeskRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const publicOrigin = new URL(deps.publicUrl).origin;
  const sameOrigin = csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin });
  for (const path of ['/kiosk/*', '/desk/*', '/reception/*']) app.use(path, sameOrigin);
  app.route('/', kioskRoutes(deps));
  app.route('/', displayRoutes(deps));
  app.route('/', deskRoutes(deps));
  app.route('/', receptionRoutes(deps));
  return app;
}
