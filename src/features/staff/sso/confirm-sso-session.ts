import type { Database } from '../../../db/database.ts';
import type { Clock } from '../../../shared/clock.ts';
import { recordAudit } from '../audit.ts';
import type { StaffAuthSettings } from '../auth-settings.ts';
import { deleteSession, type StaffSession } from '../session-store.ts';
import type { SsoClient } from './oidc-client.ts';
import { markSessionChecked, ssoSessionCheck } from './sso-store.ts';

type Deps = { db: Database; clock: Clock; settings: StaffAuthSettings; sso?: SsoClient | undefined };

/**
 * A session begun at the identity provider asks it again (refresh token grant) once per session
 * idle time: a person removed or disabled there, or whose IdP session was ended, loses the Lotse
 * session at the first request after that. An unreachable IdP ends no session (it asks again at
 * the next request); a session without a refresh token ends at its first check.
 * Returns whether the session may go on.
 */
export async function confirmSsoSession(deps: Deps, session: StaffSession, ip: string): Promise<boolean> {
  if (!session.ssoCheckedAt || !deps.sso) return true;
  const now = deps.clock.now();
  if (now.getTime() - session.ssoCheckedAt.getTime() < deps.settings.sessionIdleMs) return true;
  const row = await ssoSessionCheck(deps.db, session.idHash);
  if (!row) return false;
  const result = row.sso_refresh_token ? await deps.sso.refresh(row.sso_refresh_token, now) : { outcome: 'refused' as const };
  if (result.outcome === 'unreachable') return true;
  if (result.outcome === 'ok') {
    await markSessionChecked(deps.db, session.idHash, now, result.refreshToken);
    return true;
  }
  await deleteSession(deps.db, session.idHash);
  await recordAudit(deps.db, deps.clock, {
    actorLabel: 'identity provider',
    action: 'staff.sso_session_ended',
    target: { type: 'staff', id: session.staffId },
    ip,
    note: row.sso_refresh_token ? 'the identity provider no longer confirms the person' : 'no refresh token to ask the identity provider',
  });
  return false;
}
