import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError } from '../../../shared/app-error.ts';
import { deleteSession } from '../session-store.ts';
import { completeSsoSignIn, type SsoRefusal } from '../sso/complete-sso-sign-in.ts';
import { logOutThroughBackChannel, logOutThroughFrontChannel } from '../sso/end-sso-sessions.ts';
import { SsoRefused } from '../sso/oidc-client.ts';
import { ssoCallbackPath } from '../sso/sso-settings.ts';
import { ssoAttemptMs, startSsoSignIn } from '../sso/start-sso-sign-in.ts';
import { safeNext, signInCsrf, SignInPage } from './sign-in-page.tsx';
import { clientIp, replaceSessionCookie, type StaffHttpDeps } from './staff-auth.tsx';
import { staffT } from './staff-layout.tsx';

// Lax, not Strict: the identity provider's answer is a top-level navigation from its site.
const stateCookie = 'lotse_sso_state';

/**
 * Single sign-on through the office's identity provider (OpenID Connect): start, the provider's
 * answer, back-channel logout (server to server) and front-channel logout (a hidden frame).
 * Without LOTSE_OIDC_* settings there are no such routes.
 */
export function ssoRoutes(deps: StaffHttpDeps) {
  const routes = new Hono<AppEnv>();
  const sso = deps.sso;
  if (!sso) return routes;
  const ssoDeps = { ...deps, sso };
  const settings = deps.settings;

  const refusalPage = (c: Context<AppEnv>, status: 401 | 403 | 503, messageKey: string, next = '/staff') => {
    c.status(status);
    return c.html(<SignInPage c={c} csrf={signInCsrf(c, settings)} next={next} sso error={staffT(c)(messageKey)} />);
  };

  routes.get('/staff/sso/start', async (c) => {
    const next = safeNext(c.req.query('next'));
    let started: Awaited<ReturnType<typeof startSsoSignIn>>;
    try {
      started = await startSsoSignIn(ssoDeps, { next });
    } catch (error) {
      if (isAppError(error) && error.code === 'unavailable') return refusalPage(c, 503, 'staff.sign_in.sso_unreachable', next);
      throw error;
    }
    setCookie(c, stateCookie, started.state, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: settings.secureCookies,
      path: '/staff/sso',
      maxAge: ssoAttemptMs / 1000,
    });
    return c.redirect(started.url.href, 303);
  });

  routes.get(ssoCallbackPath, async (c) => {
    // The address the provider sent the browser to, as registered (behind a proxy the Host differs).
    const callbackUrl = new URL(sso.settings.redirectUrl);
    callbackUrl.search = new URL(c.req.url).search;
    const browserState = getCookie(c, stateCookie);
    deleteCookie(c, stateCookie, { path: '/staff/sso', secure: settings.secureCookies });
    try {
      const result = await completeSsoSignIn(ssoDeps, { callbackUrl, browserState, ip: clientIp(c), userAgent: c.req.header('user-agent') });
      await replaceSessionCookie(c, deps, result.token);
      return c.redirect(safeNext(result.next), 303);
    } catch (error) {
      const refusal = isAppError(error) ? (error.details?.ssoRefusal as SsoRefusal | undefined) : undefined;
      if (refusal) return refusalPage(c, refusal === 'no_group' || refusal === 'inactive' ? 403 : 401, `staff.sign_in.sso_${refusal}`);
      if (isAppError(error) && error.code === 'unavailable') return refusalPage(c, 503, 'staff.sign_in.sso_unreachable');
      throw error;
    }
  });

  // OpenID Connect Back-Channel Logout 1.0, section 2.8: 200 when done, 400 when the token is refused.
  routes.post('/staff/sso/backchannel-logout', async (c) => {
    c.header('Cache-Control', 'no-store');
    const body = await c.req.parseBody();
    const logoutToken = typeof body.logout_token === 'string' ? body.logout_token : '';
    if (!logoutToken || logoutToken.length > 16_000) return c.json({ error: 'invalid_request', error_description: 'logout_token missing' }, 400);
    try {
      await logOutThroughBackChannel(ssoDeps, { logoutToken, ip: clientIp(c) });
    } catch (error) {
      if (error instanceof SsoRefused) return c.json({ error: 'invalid_request', error_description: error.reason }, 400);
      if (isAppError(error) && error.code === 'unavailable') return c.json({ error: 'temporarily_unavailable' }, 503);
      throw error;
    }
    return c.body(null, 200);
  });

  // OpenID Connect Front-Channel Logout 1.0: by the IdP's session id; this browser's own session too, when its cookie comes along.
  routes.get('/staff/sso/logout', async (c) => {
    c.header('Cache-Control', 'no-store');
    await logOutThroughFrontChannel(ssoDeps, { iss: c.req.query('iss'), sid: c.req.query('sid'), ip: clientIp(c) });
    const own = c.get('staffSession');
    if (own) await deleteSession(deps.db, own.idHash);
    return c.redirect('/staff/sign-in', 303);
  });

  return routes;
}
