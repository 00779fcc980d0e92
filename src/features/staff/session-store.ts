import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffAuthSettings } from './auth-settings.ts';
import type { StaffActor, StaffRole } from './roles.ts';
import { randomSecret, sha256 } from './secrets.ts';

export type SessionStage = 'full' | 'second_factor' | 'enrol';
/** `ssoCheckedAt`: for a session begun at the identity provider, when it last confirmed the person. */
export type StaffSession = { idHash: string; staffId: string; csrfToken: string; stage: SessionStage; expiresAt: Date; ssoCheckedAt: Date | null };
/** What a session begun through single sign-on remembers of the identity provider. */
export type SsoSessionLink = { subject: string; sid: string | undefined; refreshToken: string | undefined };

/** Creates a session; the caller puts the returned token into the cookie. Only its hash is stored. */
export async function createSession(
  deps: { db: Database; clock: Clock; settings: StaffAuthSettings },
  input: { staffId: string; stage: SessionStage; ip?: string | undefined; userAgent?: string | undefined; sso?: SsoSessionLink },
): Promise<{ token: string; csrfToken: string }> {
  const now = deps.clock.now();
  const token = randomSecret();
  const csrfToken = randomSecret();
  await deps.db
    .insertInto('staff_session')
    .values({
      id_hash: sha256(token),
      staff_id: input.staffId,
      csrf_token: csrfToken,
      stage: input.stage,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + deps.settings.sessionAbsoluteMs),
      ip: input.ip?.slice(0, 64) ?? null,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      ...(input.sso
        ? { sso_subject: input.sso.subject, sso_sid: input.sso.sid ?? null, sso_refresh_token: input.sso.refreshToken ?? null, sso_checked_at: now }
        : {}),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * The live session for a cookie token, or undefined when unknown, idle too long or past its
 * absolute end (then it is deleted). Touches last_seen_at so activity keeps it alive.
 */
export async function loadSession(
  deps: { db: Database; clock: Clock; settings: StaffAuthSettings },
  token: string,
): Promise<{ session: StaffSession; actor: StaffActor } | undefined> {
  if (token.length > 100) return undefined;
  const now = deps.clock.now();
  const idHash = sha256(token);
  const idleLimit = new Date(now.getTime() - deps.settings.sessionIdleMs);
  const touched = await deps.db
    .updateTable('staff_session')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .where('last_seen_at', '>', idleLimit)
    .where('expires_at', '>', now)
    .returning(['staff_id', 'csrf_token', 'stage', 'expires_at', 'sso_checked_at'])
    .executeTakeFirst();
  if (!touched) {
    await deps.db.deleteFrom('staff_session').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  const actor = await loadStaffActor(deps.db, touched.staff_id, 'session');
  if (!actor) return undefined;
  return {
    session: {
      idHash,
      staffId: touched.staff_id,
      csrfToken: touched.csrf_token,
      stage: touched.stage as SessionStage,
      expiresAt: touched.expires_at,
      ssoCheckedAt: touched.sso_checked_at,
    },
    actor,
  };
}

export async function loadStaffActor(db: Database, staffId: string, via: StaffActor['via'], role?: StaffRole): Promise<StaffActor | undefined> {
  const staff = await db.selectFrom('staff').select(['id', 'display_name', 'username', 'role', 'active']).where('id', '=', staffId).executeTakeFirst();
  if (!staff?.active) return undefined;
  const [locations, specialties] = await Promise.all([
    db.selectFrom('staff_location').select('location_id').where('staff_id', '=', staffId).execute(),
    db.selectFrom('staff_specialty').select('specialty_id').where('staff_id', '=', staffId).execute(),
  ]);
  return {
    kind: 'staff',
    staffId: staff.id,
    displayName: staff.display_name,
    username: staff.username ?? staff.id,
    role: role ?? (staff.role as StaffRole),
    locationIds: locations.map((row) => row.location_id),
    specialtyIds: specialties.map((row) => row.specialty_id),
    via,
  };
}

export async function deleteSession(db: Database, idHash: string): Promise<void> {
  await db.deleteFrom('staff_session').where('id_hash', '=', idHash).execute();
}

/** Sign-out everywhere: every session of this staff member ends. */
export async function deleteAllSessions(db: Database, staffId: string): Promise<number> {
  const result = await db.deleteFrom('staff_session').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
