import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { permitFrontDeskAction } from './actors.ts';
import { displayEventsSince } from './display-events.ts';
import { DisplayPage } from './display-pages.tsx';
import { displayCall } from './display-texts.ts';
import type { FrontDeskDeps } from './front-desk-deps.ts';
import { requireDevice } from './http/front-desk-gate.ts';
import { findLocationById, findLocationBySlug } from './front-desk-store.ts';
import { displayStream } from './http/live-streams.ts';

/**
 * The call display on a TV in the waiting room: ticket numbers and counters only, never names.
 * The page renders the latest calls; display.js then follows the event stream and resumes
 * from the last event id after any interruption.
 */
export function displayRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/display', async (c) => {
    const device = await requireDevice(deps.gate, c, 'display');
    return c.redirect(`/display/${(await findLocationById(deps.db, device.locationId)).slug}`, 303);
  });

  app.get('/display/:location', async (c) => {
    const location = await findLocationBySlug(deps.db, c.req.param('location'));
    permitFrontDeskAction(await requireDevice(deps.gate, c, 'display'), 'watch_display', location.id);
    const recent = await displayEventsSince(deps.db, location.id, null, 9);
    return c.html(<DisplayPage slug={location.slug} name={location.name} recent={recent.map((event) => ({ id: event.id, call: displayCall(event.call) }))} />);
  });

  app.get('/display/:location/events', async (c) => {
    const location = await findLocationBySlug(deps.db, c.req.param('location'));
    permitFrontDeskAction(await requireDevice(deps.gate, c, 'display'), 'watch_display', location.id);
    return displayStream(c, deps, location.id);
  });

  return app;
}
