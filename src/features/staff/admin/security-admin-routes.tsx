import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { requireStaff } from '../http/staff-auth.tsx';
import { deviceKinds, staffRoles } from '../roles.ts';
import { asArray, changeContext, parseForm, type AdminDeps } from './admin-forms.tsx';
import { issueApiToken, liftLock, registerDevice, requireTotpFor, securityOverview, withdrawApiToken, withdrawDevice } from './manage-security.ts';
import { SecurityPage } from './security-admin-pages.tsx';
import { requireSingleSignOn, signInPolicy } from '../sso/require-single-sign-on.ts';
import type { SsoClient } from '../sso/oidc-client.ts';

const uuid = z.uuid();

/** Admin: mandatory two-factor per role, locked accounts, personal API tokens, kiosk/display devices. */
export function securityAdminRoutes(deps: AdminDeps & { sso?: SsoClient | undefined }) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/security', requireStaff(deps, 'security.manage'));
  routes.use('/staff/admin/security/*', requireStaff(deps, 'security.manage'));

  const securityPage = async (c: Context<AppEnv>, secret?: string) =>
    c.html(
      <SecurityPage
        c={c}
        overview={await securityOverview(deps)}
        signIn={{ ...(await signInPolicy(deps)), issuer: deps.sso?.settings.issuer }}
        secret={secret}
      />,
    );

  routes.get('/staff/admin/security', (c) => securityPage(c));

  routes.post('/staff/admin/security/roles', async (c) => {
    const form = await parseForm(c, z.object({ totpRequired: z.preprocess(asArray, z.array(z.enum(staffRoles)).max(4)) }));
    await requireTotpFor(deps, changeContext(c), form.totpRequired);
    return c.redirect('/staff/admin/security?saved=1', 303);
  });

  routes.post('/staff/admin/security/sign-in-policy', async (c) => {
    const form = await parseForm(c, z.object({ ssoRequired: z.enum(['on']).optional() }));
    await requireSingleSignOn({ ...deps, ssoConfigured: deps.sso !== undefined }, changeContext(c), form.ssoRequired === 'on');
    return c.redirect('/staff/admin/security?saved=1', 303);
  });

  routes.post('/staff/admin/security/unlock', async (c) => {
    const form = await parseForm(c, z.object({ key: z.string().min(1).max(200) }));
    await liftLock(deps, changeContext(c), form.key);
    return c.redirect('/staff/admin/security?saved=1', 303);
  });

  routes.post('/staff/admin/security/tokens', async (c) => {
    const form = await parseForm(c, z.object({ name: z.string().trim().min(1).max(100), role: z.enum(staffRoles) }));
    const token = await issueApiToken(deps, changeContext(c), form);
    // Shown once, in this response only (not in a URL); it is never stored in clear.
    c.status(201);
    return securityPage(c, token);
  });

  routes.post('/staff/admin/security/tokens/revoke', async (c) => {
    const form = await parseForm(c, z.object({ id: uuid }));
    await withdrawApiToken(deps, changeContext(c), form.id);
    return c.redirect('/staff/admin/security?saved=1', 303);
  });

  routes.post('/staff/admin/security/devices', async (c) => {
    const form = await parseForm(c, z.object({ name: z.string().trim().min(1).max(100), kind: z.enum(deviceKinds), locationId: uuid }));
    const token = await registerDevice(deps, changeContext(c), form);
    c.status(201);
    return securityPage(c, token);
  });

  routes.post('/staff/admin/security/devices/revoke', async (c) => {
    const form = await parseForm(c, z.object({ id: uuid }));
    await withdrawDevice(deps, changeContext(c), form.id);
    return c.redirect('/staff/admin/security?saved=1', 303);
  });

  return routes;
}
