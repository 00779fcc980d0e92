import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import type { Database } from '../../../db/database.ts';
import type { Clock } from '../../../shared/clock.ts';
import { findPortalAppointment } from '../../appointments/index.ts';
import { grantAccess, manageToken } from '../../portal/index.ts';
import { shortTokenLength } from '../invitation-content.ts';

/**
 * The letter's short link (/i/CODE/TOKEN, typed from paper or scanned): the token is the start of
 * the appointment's manage token. It opens the appointment page in the person's language, like the
 * e-mail's link; a wrong code or token answers 404 alike.
 */
export function shortLinkRoutes(deps: { db: Database; clock: Clock; key(): Promise<string> }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/i/:code/:token', async (c) => {
    const code = c.req.param('code').toUpperCase();
    const token = c.req.param('token');
    const appointment = /^[A-Z0-9]{6,12}$/.test(code) && token.length === shortTokenLength ? await findPortalAppointment(deps.db, code) : undefined;
    const key = await deps.key();
    const expected = appointment ? Buffer.from(manageToken(key, appointment).slice(0, shortTokenLength)) : undefined;
    if (!appointment || !expected || !timingSafeEqual(expected, Buffer.from(token.padEnd(shortTokenLength).slice(0, shortTokenLength)))) {
      return c.text('Not found / Nicht gefunden', 404);
    }
    grantAccess(c, key, appointment.code, deps.clock.now());
    c.header('Cache-Control', 'no-store');
    return c.redirect(`/${appointment.language}/appointment/${appointment.code}`, 303);
  });
  return routes;
}
