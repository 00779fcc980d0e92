import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import { recordAudit } from '../audit.ts';
import type { StaffAuthSettings } from '../auth-settings.ts';
import { usernamePattern } from '../create-staff-account.ts';
import { sha256 } from '../secrets.ts';
import { createSession } from '../session-store.ts';
import { removeExpired } from '../sign-in.ts';
import { SsoRefused, type SsoClient } from './oidc-client.ts';
import { groupsFromClaims, mapGroups } from './role-mapping.ts';
import * as store from './sso-store.ts';

type Deps = { db: Database; clock: Clock; settings: StaffAuthSettings; sso: SsoClient };

/** Why single sign-on was refused; the sign-in page words each one for the person. */
export type SsoRefusal = 'expired' | 'provider' | 'no_group' | 'bad_username' | 'inactive' | 'taken';

const refuse = (reason: SsoRefusal, message: string) =>
  new AppError(reason === 'no_group' || reason === 'inactive' ? 'forbidden' : 'unauthenticated', message, { details: { ssoRefusal: reason } });

/**
 * The identity provider's answer: checks state (once, from this browser), the code with PKCE, the
 * ID token (issuer, audience, nonce, expiry: openid-client), maps the groups to a role and
 * locations, creates or links the account just in time, and starts a session that remembers the
 * IdP's subject and session id. Every refusal is audited, without the token's contents.
 */
export async function completeSsoSignIn(
  deps: Deps,
  input: { callbackUrl: URL; browserState: string | undefined; ip: string; userAgent?: string | undefined },
): Promise<{ token: string; next: string; staffId: string }> {
  const audit = (outcome: 'ok' | 'failed' | 'denied', note: string, label = '(single sign-on)', extra: { staffId?: string; after?: unknown } = {}) =>
    recordAudit(deps.db, deps.clock, {
      actorLabel: label.slice(0, 100),
      action: 'staff.sign_in',
      outcome,
      ip: input.ip,
      note: `sso: ${note}`,
      ...(extra.staffId ? { target: { type: 'staff', id: extra.staffId } } : {}),
      ...(extra.after ? { after: extra.after } : {}),
    });

  const state = input.callbackUrl.searchParams.get('state') ?? '';
  if (!state || state !== input.browserState) {
    await audit('failed', 'state missing or not from this browser');
    throw refuse('expired', 'This sign-in did not start in this browser or has expired.');
  }
  const attempt = await store.takeAttempt(deps.db, sha256(state), deps.clock.now());
  if (!attempt) {
    await audit('failed', 'state unknown, used before or expired');
    throw refuse('expired', 'This sign-in was used before or has expired.');
  }

  let claims: Record<string, unknown>;
  let refreshToken: string | undefined;
  try {
    ({ claims, refreshToken } = await deps.sso.exchangeCode({
      callbackUrl: input.callbackUrl,
      state,
      nonce: attempt.nonce,
      codeVerifier: attempt.code_verifier,
      now: deps.clock.now(),
    }));
  } catch (error) {
    if (!(error instanceof SsoRefused)) throw error;
    await audit('failed', error.reason);
    throw refuse('provider', 'The identity provider’s answer was not accepted.');
  }

  const { usernameClaim, nameClaim, groupsClaim, groupMap } = deps.sso.settings;
  const subject = String(claims.sub);
  if (subject.length > 255) {
    await audit('failed', 'subject longer than 255 characters');
    throw refuse('provider', 'The identity provider’s answer was not accepted.');
  }
  const username = typeof claims[usernameClaim] === 'string' ? (claims[usernameClaim] as string).trim().toLowerCase() : '';
  if (!usernamePattern.test(username)) {
    await audit('denied', `claim ${usernameClaim} missing or not a Lotse user name`);
    throw refuse('bad_username', 'The identity provider sends no usable user name.');
  }
  const access = mapGroups(groupsFromClaims(claims, groupsClaim), groupMap);
  if (!access) {
    await audit('denied', 'no group mapped to a Lotse role', username);
    throw refuse('no_group', 'Your account has no role in Lotse.');
  }
  const rawName = typeof claims[nameClaim] === 'string' ? (claims[nameClaim] as string).trim() : '';
  const displayName = (rawName || username).slice(0, 200);
  const now = deps.clock.now();

  const signedIn = await deps.db.transaction().execute(async (trx) => {
    const found = await store.accountForSso(trx, subject, username);
    if (found && found.sso_subject !== null && found.sso_subject !== subject) return { refusal: 'taken' as const, staffId: found.id };
    if (found && !found.active) return { refusal: 'inactive' as const, staffId: found.id };
    const before = found ? { role: found.role, locations: await store.staffLinks(trx, found.id) } : undefined;
    const staffId = found?.id ?? (await store.createSsoAccount(trx, { subject, username, displayName, role: access.role, now })).id;
    const locations = await store.locationsBySlug(trx, access.locationSlugs);
    await store.writeSsoAccess(trx, staffId, { subject, displayName, role: access.role, locationIds: locations.map((l) => l.id), now });
    const after = { role: access.role, locations: locations.map((l) => l.slug).sort(), groups: access.groups };
    await recordAudit(trx, deps.clock, {
      actorLabel: username,
      action: found ? 'staff.sso_access' : 'staff.sso_account_created',
      target: { type: 'staff', id: staffId },
      ip: input.ip,
      ...(before ? { before } : {}),
      after,
    });
    return { refusal: undefined, staffId };
  });
  if (signedIn.refusal === 'taken') {
    await audit('denied', 'user name belongs to another identity provider account', username, { staffId: signedIn.staffId });
    throw refuse('taken', 'This user name belongs to another account.');
  }
  if (signedIn.refusal === 'inactive') {
    await audit('denied', 'inactive account', username, { staffId: signedIn.staffId });
    throw refuse('inactive', 'This account is deactivated in Lotse.');
  }

  await removeExpired(deps);
  const sid = typeof claims.sid === 'string' ? claims.sid.slice(0, 255) : undefined;
  const session = await createSession(deps, {
    staffId: signedIn.staffId,
    stage: 'full',
    ip: input.ip,
    userAgent: input.userAgent,
    sso: { subject, sid, refreshToken },
  });
  await audit('ok', 'signed in', username, { staffId: signedIn.staffId });
  return { token: session.token, next: attempt.next_path, staffId: signedIn.staffId };
}
