import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { Layout } from '../../web/layout.tsx';
import { actorForDeviceToken } from '../staff/index.ts';
import type { FrontDeskDeps } from './front-desk-routes.tsx';
import { deviceCookieName } from './front-desk-gate.ts';
import { findLocationById } from './front-desk-store.ts';

/**
 * Setting up a kiosk or a TV: someone pastes the device token an admin created (staff area →
 * security) once; the browser keeps it in an httpOnly cookie and opens its screen.
 */
export function deviceRoutes(deps: FrontDeskDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const page = (error?: string) => (
    <Layout lang="de" title="Gerät einrichten">
      <h1>Gerät einrichten</h1>
      <p>Geben Sie den Geräte-Schlüssel ein, den die Administration für dieses Anmeldeterminal oder diese Aufrufanzeige erzeugt hat.</p>
      {error ? (
        <p class="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/device/register" class="stack">
        <label for="token">Geräte-Schlüssel</label>
        <input id="token" name="token" required maxlength={120} autocomplete="off" class="ltr" />
        <button class="button" type="submit">
          Einrichten
        </button>
      </form>
    </Layout>
  );

  app.get('/device/register', (c) => c.html(page()));
  app.post('/device/register', async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token.trim().slice(0, 120) : '';
    const device = token ? await actorForDeviceToken(deps.db, token) : undefined;
    if (!device) return c.html(page('Dieser Schlüssel ist unbekannt oder wurde widerrufen.'), 403);
    const location = await findLocationById(deps.db, device.locationId);
    setCookie(c, deviceCookieName, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.publicUrl.startsWith('https://'),
      path: '/',
      maxAge: 400 * 24 * 3600,
    });
    return c.redirect(`/${device.role}/${location.slug}`, 303);
  });
  return app;
}
