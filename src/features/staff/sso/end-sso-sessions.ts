import type { Database } from '../../../db/database.ts';
import type { Clock } from '../../../shared/clock.ts';
import { recordAudit } from '../audit.ts';
import { SsoRefused, type SsoClient } from './oidc-client.ts';
import { endSessionsOf, useLogoutToken } from './sso-store.ts';

type Deps = { db: Database; clock: Clock; sso: SsoClient };

/**
 * OpenID Connect Back-Channel Logout 1.0: the identity provider posts a signed logout token; the
 * Lotse sessions of that IdP session (`sid`), or of the person (`sub` alone), end. A token that
 * fails verification, or was used before (its jti), throws SsoRefused and ends nothing.
 */
export async function logOutThroughBackChannel(deps: Deps, input: { logoutToken: string; ip: string }): Promise<number> {
  const now = deps.clock.now();
  const { sub, sid, jti } = await deps.sso.verifyLogoutToken(input.logoutToken, now);
  // A token is accepted up to 10 minutes after it was issued (plus 30 s tolerance): remembered that long.
  if (!(await useLogoutToken(deps.db, jti, now, new Date(now.getTime() + 11 * 60_000)))) throw new SsoRefused('logout token: replayed');
  return endAndAudit(deps, { sid, subject: sub }, input.ip, 'back-channel logout');
}

/**
 * OpenID Connect Front-Channel Logout 1.0: the IdP opens this address in a hidden frame with its
 * issuer and session id. A browser's cookie does not come along in a cross-site frame
 * (SameSite=Lax), so the session id decides; an issuer that is not ours ends nothing.
 */
export async function logOutThroughFrontChannel(deps: Deps, input: { iss: string | undefined; sid: string | undefined; ip: string }): Promise<number> {
  const ours = (iss: string | undefined) => iss !== undefined && iss.replace(/\/$/, '') === deps.sso.settings.issuer.replace(/\/$/, '');
  if (!input.sid || !ours(input.iss)) return 0;
  return endAndAudit(deps, { sid: input.sid.slice(0, 255) }, input.ip, 'front-channel logout');
}

async function endAndAudit(deps: Deps, by: { sid?: string | undefined; subject?: string | undefined }, ip: string, how: string): Promise<number> {
  const staffIds = await endSessionsOf(deps.db, by);
  for (const staffId of staffIds)
    await recordAudit(deps.db, deps.clock, {
      actorLabel: 'identity provider',
      action: 'staff.sso_logout',
      target: { type: 'staff', id: staffId },
      ip,
      note: how,
    });
  return staffIds.length;
}
