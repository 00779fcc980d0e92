import type { Child } from 'hono/jsx';
import { clientIp } from '../../../platform/http/client-ip.ts';
import { checkCsrf, csrfFieldName, fromOwnSite, sentCsrfToken } from '../../../platform/http/csrf.ts';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Database } from '../../../db/database.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import { actorForApiToken, actorForDeviceToken } from '../api-tokens.ts';
import { recordAudit } from '../audit.ts';
import type { StaffAuthSettings } from '../auth-settings.ts';
import type { HomeCardSource } from '../home-cards.ts';
import { can, type Action, type PolicyResource } from '../policy.ts';
import type { DeviceActor, DeviceKind, StaffActor } from '../roles.ts';
import { deleteSession, loadSession } from '../session-store.ts';
import { sha256 } from '../secrets.ts';
import { confirmSsoSession } from '../sso/confirm-sso-session.ts';
import type { SsoClient } from '../sso/oidc-client.ts';

/**
 * `sso`: the identity provider's client when single sign-on is configured; `homeCards`: the domains'
 * cards on the start page (none when left out).
 */
export type StaffHttpDeps = {
  db: Database;
  clock: Clock;
  settings: StaffAuthSettings;
  sso?: SsoClient | undefined;
  homeCards?: readonly HomeCardSource[] | undefined;
};

export const sessionCookieName = (settings: StaffAuthSettings) => (settings.secureCookies ? '__Host-lotse_staff' : 'lotse_staff');
export const deviceCookieName = 'lotse_device';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Re-exported so the feature's routes keep one import surface.
export { clientIp };

export function setSessionCookie(c: Context, settings: StaffAuthSettings, token: string): void {
  setCookie(c, sessionCookieName(settings), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: settings.secureCookies,
    path: '/',
    maxAge: Math.floor(settings.sessionAbsoluteMs / 1000),
  });
}

/**
 * After a sign-in: this browser's previous session ends, whatever state it was in (the sign-in
 * form carries no session CSRF token, so staffAuth did not load it), and the new one is set.
 */
export async function replaceSessionCookie(c: Context, deps: { db: Database; settings: StaffAuthSettings }, token: string): Promise<void> {
  const old = getCookie(c, sessionCookieName(deps.settings));
  if (old) await deleteSession(deps.db, sha256(old));
  setSessionCookie(c, deps.settings, token);
}

export function clearSessionCookie(c: Context, settings: StaffAuthSettings): void {
  deleteCookie(c, sessionCookieName(settings), { path: '/', secure: settings.secureCookies });
}

/** A browser request from another site is refused whatever else it carries. */
export function originAllowed(c: Context, settings: StaffAuthSettings): boolean {
  return fromOwnSite(c, settings.publicOrigin);
}

/**
 * Resolves who is calling: `Authorization: Bearer` (personal API token or device token) or
 * the session cookie. For cookie sessions every state-changing request needs the session's
 * CSRF token and a same-site Origin; a failure is audited and answered with 403.
 */
export function staffAuth(deps: StaffHttpDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization?.startsWith('Bearer ')) {
      const token = authorization.slice(7).trim();
      const actor = (await actorForApiToken(deps, token)) ?? (await actorForDeviceToken(deps.db, token));
      if (!actor) throw new AppError('unauthenticated', 'The token is unknown, expired or revoked.');
      c.set('actor', actor);
      return next();
    }
    const token = getCookie(c, sessionCookieName(deps.settings));
    if (token) {
      let loaded = await loadSession(deps, token);
      if (loaded && !(await confirmSsoSession(deps, loaded.session, clientIp(c)))) loaded = undefined;
      if (!loaded) {
        clearSessionCookie(c, deps.settings);
        if (unsafeMethods.has(c.req.method) && isStaffPath(c.req.path)) {
          await recordAudit(deps.db, deps.clock, {
            actorLabel: 'expired or unknown session',
            action: 'security.stale_session',
            outcome: 'denied',
            screen: `${c.req.method} ${c.req.path}`.slice(0, 200),
            ip: clientIp(c),
          });
        }
      } else if (unsafeMethods.has(c.req.method) && !(await csrfPasses(c, deps.settings, loaded.session.csrfToken))) {
        // The session is not used for this request at all; staff routes answer 403 (requireStaff).
        c.set('csrfRejected', true);
        if (isStaffPath(c.req.path)) {
          await recordAudit(deps.db, deps.clock, {
            actor: loaded.actor,
            action: 'security.csrf_rejected',
            outcome: 'denied',
            screen: `${c.req.method} ${c.req.path}`.slice(0, 200),
            ip: clientIp(c),
          });
        }
      } else {
        c.set('staffSession', loaded.session);
        if (loaded.session.stage === 'full') c.set('actor', loaded.actor);
      }
    }
    return next();
  };
}

const wantsPage = (c: Context) => !c.req.path.startsWith('/api/');
const isStaffPath = (path: string) => path === '/staff' || path.startsWith('/staff/') || path.startsWith('/api/v1/staff');

async function csrfPasses(c: Context, settings: StaffAuthSettings, expected: string): Promise<boolean> {
  return checkCsrf(c, { publicOrigin: settings.publicOrigin, sent: await sentCsrfToken(c), expected }) === undefined;
}

/**
 * Lets only signed-in staff through (and, with an action, only those the policy allows).
 * Pages without a session go to the sign-in page; refusals are audited.
 */
export function requireStaff(
  deps: { db: Database; clock: Clock },
  action?: Action,
  resourceOf?: (c: Context<AppEnv>) => PolicyResource,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('csrfRejected')) throw new AppError('forbidden', 'This form has expired or did not come from Lotse. Please reload the page and try again.');
    const actor = c.get('actor');
    if (actor?.kind !== 'staff') {
      if (wantsPage(c) && c.req.method === 'GET') {
        const session = c.get('staffSession');
        if (session?.stage === 'second_factor') return c.redirect('/staff/sign-in/code', 303);
        if (session?.stage === 'enrol') return c.redirect('/staff/security/two-factor', 303);
        return c.redirect(`/staff/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
      }
      throw new AppError('unauthenticated', 'Please sign in.');
    }
    if (action) await authorizeRequest(deps, c, action, resourceOf ? resourceOf(c) : {});
    return next();
  };
}

/** Policy check at request level, with the refusal written to the audit trail. */
export async function authorizeRequest(
  deps: { db: Database; clock: Clock },
  c: Context<AppEnv>,
  action: Action,
  resource: PolicyResource = {},
): Promise<StaffActor> {
  const actor = c.get('actor');
  if (actor?.kind !== 'staff') throw new AppError('unauthenticated', 'Please sign in.');
  if (!can(actor, action, resource)) {
    await recordAudit(deps.db, deps.clock, {
      actor,
      action: `denied:${action}`,
      outcome: 'denied',
      screen: `${c.req.method} ${c.req.path}`.slice(0, 200),
      ip: clientIp(c),
      note: JSON.stringify(resource).slice(0, 1000),
    });
    throw new AppError('forbidden', 'Your role may not do this.', { details: { action } });
  }
  return actor;
}

/** The signed-in staff member; only behind requireStaff. */
export function currentStaff(c: Context<AppEnv>): StaffActor {
  const actor = c.get('actor');
  if (actor?.kind !== 'staff') throw new AppError('unauthenticated', 'Please sign in.');
  return actor;
}

/** Lets only a device of this kind through (token via Bearer header or the lotse_device cookie). */
export function requireDevice(deps: { db: Database }, kind: DeviceKind): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let actor = c.get('actor');
    if (!actor) {
      const token = getCookie(c, deviceCookieName);
      if (token) actor = await actorForDeviceToken(deps.db, token);
    }
    if (actor?.kind !== 'device' || actor.role !== kind) throw new AppError('unauthenticated', 'This screen needs a device token.');
    c.set('actor', actor);
    return next();
  };
}

export function currentDevice(c: Context<AppEnv>): DeviceActor {
  const actor = c.get('actor');
  if (actor?.kind !== 'device') throw new AppError('unauthenticated', 'This screen needs a device token.');
  return actor;
}

/** The hidden CSRF field for every state-changing staff form. */
export function CsrfField(props: { c: Context<AppEnv> }) {
  return <input type="hidden" name={csrfFieldName} value={props.c.get('staffSession')?.csrfToken ?? ''} />;
}

/** A staff form that changes something: the CSRF field, the fields, then one submit button. */
export function StaffForm(props: { c: Context<AppEnv>; action: string; submitLabel: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class="form-grid">
      <CsrfField c={props.c} />
      {props.children}
      <div>
        <button type="submit" class="button">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
