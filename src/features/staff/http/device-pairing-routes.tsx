import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { pairDevice } from '../pair-device.ts';
import { clientIp, deviceCookieName, originAllowed, type StaffHttpDeps } from './staff-auth.tsx';
import { StaffLayout, staffT } from './staff-layout.tsx';

/**
 * Pairing a kiosk or call display: someone types the device token (from Sicherheit →
 * Geräte) once on the device; it is kept in an httpOnly cookie and the device opens its
 * screen (/kiosk or /display). The token travels in a form body, never in a URL.
 */
export function devicePairingRoutes(deps: StaffHttpDeps) {
  const routes = new Hono<AppEnv>();

  routes.get('/device/pair', (c) => {
    const t = staffT(c);
    return c.html(
      <StaffLayout c={c} title={t('staff.device.title')}>
        <h1>{t('staff.device.title')}</h1>
        {c.req.query('error') ? (
          <p class="error-summary" role="alert">
            {t('staff.device.unknown')}
          </p>
        ) : null}
        <form method="post" action="/device/pair" class="form-grid">
          <div>
            <label for="device-token">{t('staff.device.token')}</label>
            <input type="password" id="device-token" name="token" required maxlength={120} autocomplete="off" />
          </div>
          <div>
            <button type="submit" class="button">
              {t('staff.device.pair')}
            </button>
          </div>
        </form>
      </StaffLayout>,
    );
  });

  routes.post('/device/pair', async (c) => {
    if (!originAllowed(c, deps.settings)) throw new AppError('forbidden', 'This form did not come from Lotse.');
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token.trim().slice(0, 120) : '';
    const device = await pairDevice(deps, token, clientIp(c));
    if (!device) return c.redirect('/device/pair?error=1', 303);
    setCookie(c, deviceCookieName, token, { httpOnly: true, sameSite: 'Lax', secure: deps.settings.secureCookies, path: '/', maxAge: 400 * 86_400 });
    return c.redirect(`/${device.role}`, 303);
  });

  return routes;
}
