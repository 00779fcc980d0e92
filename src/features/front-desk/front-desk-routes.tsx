import type { AppEnv } from '../../platform/http/app-env.ts';
import { Hono } from 'hono';
import { ownSiteOnly } from '../../platform/http/csrf.ts';
import type { LiveEvents } from '../../platform/events/live-events.ts';
import type { Clock } from '../../shared/clock.ts';
import { deskRoutes } from './desk-pages.tsx';
import { displayRoutes } from './display-pages.tsx';
import type { FrontDeskGate, PersonDataAudit } from './front-desk-gate.ts';
import type { Db } from './front-desk-store.ts';
import { kioskRoutes } from './kiosk-pages.tsx';
import { receptionRoutes } from './reception-pages.tsx';

export type FrontDeskDeps = { db: Db; clock: Clock; liveEvents: LiveEvents; gate: FrontDeskGate; audit: PersonDataAudit; publicUrl: string };

/** Kiosk, call display, desk, reception and figures. Forms only accept posts from our own origin. */
export function frontDeskRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const sameOrigin = ownSiteOnly(new URL(deps.publicUrl).origin);
  for (const path of ['/kiosk/*', '/desk/*', '/reception/*']) app.use(path, sameOrigin);
  app.route('/', kioskRoutes(deps));
  app.route('/', displayRoutes(deps));
  app.route('/', deskRoutes(deps));
  app.route('/', receptionRoutes(deps));
  return app;
}
