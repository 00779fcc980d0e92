import type { Transaction } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { DB } from '../../../db/schema.generated.ts';
import { replaceLocations } from '../admin/staff-account-store.ts';
import type { StaffRole } from '../roles.ts';

type Executor = Database | Transaction<DB>;

export async function saveAttempt(
  db: Database,
  attempt: { stateHash: string; nonce: string; codeVerifier: string; nextPath: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.deleteFrom('sso_sign_in_attempt').where('expires_at', '<=', attempt.createdAt).execute();
  await db
    .insertInto('sso_sign_in_attempt')
    .values({
      state_hash: attempt.stateHash,
      nonce: attempt.nonce,
      code_verifier: attempt.codeVerifier,
      next_path: attempt.nextPath,
      created_at: attempt.createdAt,
      expires_at: attempt.expiresAt,
    })
    .execute();
}

/** The attempt for this state, removed in the same statement: a state is good for one answer only. */
export function takeAttempt(db: Database, stateHash: string, now: Date) {
  return db
    .deleteFrom('sso_sign_in_attempt')
    .where('state_hash', '=', stateHash)
    .where('expires_at', '>', now)
    .returning(['nonce', 'code_verifier', 'next_path'])
    .executeTakeFirst();
}

/** The account already linked to this subject, else the one with this user name (locked for the link). */
export async function accountForSso(trx: Transaction<DB>, subject: string, username: string) {
  const columns = ['id', 'active', 'sso_subject', 'role'] as const;
  const linked = await trx.selectFrom('staff').select(columns).where('sso_subject', '=', subject).forUpdate().executeTakeFirst();
  return linked ?? trx.selectFrom('staff').select(columns).where('username', '=', username).forUpdate().executeTakeFirst();
}

export async function createSsoAccount(trx: Transaction<DB>, input: { subject: string; username: string; displayName: string; role: StaffRole; now: Date }) {
  return trx
    .insertInto('staff')
    .values({
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      sso_subject: input.subject,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Role, name, subject and locations as the identity provider says at this sign-in. */
export async function writeSsoAccess(
  trx: Transaction<DB>,
  staffId: string,
  access: { subject: string; displayName: string; role: StaffRole; locationIds: readonly string[]; now: Date },
): Promise<void> {
  await trx
    .updateTable('staff')
    .set({ sso_subject: access.subject, display_name: access.displayName, role: access.role, updated_at: access.now })
    .where('id', '=', staffId)
    .execute();
  await replaceLocations(trx, staffId, access.locationIds);
}

export async function staffLinks(db: Executor, staffId: string) {
  const rows = await db
    .selectFrom('staff_location')
    .innerJoin('location', 'location.id', 'staff_location.location_id')
    .select('location.slug')
    .where('staff_location.staff_id', '=', staffId)
    .orderBy('location.slug')
    .execute();
  return rows.map((row) => row.slug);
}

/** Location ids by slug (read here: the staff shell imports no domain). */
export function locationsBySlug(db: Executor, slugs: readonly string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db.selectFrom('location').select(['id', 'slug']).where('slug', 'in', slugs).execute();
}

export async function endSessionsOf(db: Executor, by: { sid?: string | undefined; subject?: string | undefined }): Promise<string[]> {
  if (!by.sid && !by.subject) return [];
  let query = db.deleteFrom('staff_session');
  // A logout token with a sid ends that IdP session's Lotse sessions; with only a sub, all of them.
  if (by.sid) query = query.where('sso_sid', '=', by.sid);
  if (by.subject) query = query.where('sso_subject', '=', by.subject);
  const rows = await query.returning('staff_id').execute();
  return [...new Set(rows.map((row) => row.staff_id))];
}

export function ssoSessionCheck(db: Executor, idHash: string) {
  return db.selectFrom('staff_session').select(['sso_refresh_token', 'sso_checked_at']).where('id_hash', '=', idHash).executeTakeFirst();
}

export async function markSessionChecked(db: Executor, idHash: string, now: Date, refreshToken: string | undefined): Promise<void> {
  await db.updateTable('staff_session').set({ sso_checked_at: now, sso_refresh_token: refreshToken }).where('id_hash', '=', idHash).execute();
}

export async function ssoRequired(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('sign_in_policy').select('sso_required').executeTakeFirst();
  return row?.sso_required ?? false;
}

export async function lockSignInPolicy(trx: Transaction<DB>) {
  return trx.selectFrom('sign_in_policy').select('sso_required').forUpdate().executeTakeFirstOrThrow();
}

export async function setSsoRequired(trx: Transaction<DB>, required: boolean): Promise<void> {
  await trx.updateTable('sign_in_policy').set({ sso_required: required }).execute();
}

/**
 * The first administrator: the oldest active admin account with a password of its own and no
 * link to the identity provider. It keeps local sign-in when single sign-on is required.
 */
export async function firstAdministratorId(db: Executor): Promise<string | undefined> {
  return (await firstAdministrator(db))?.id;
}

export function firstAdministrator(db: Executor) {
  return db
    .selectFrom('staff')
    .select(['id', 'username', 'display_name'])
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .where('password_hash', 'is not', null)
    .where('sso_subject', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Marks a logout token as used; false when it was used before (a replay). Purges the ones too old to be accepted anyway. */
export async function useLogoutToken(db: Database, jti: string, now: Date, keepUntil: Date): Promise<boolean> {
  await db.deleteFrom('sso_logout_token').where('expires_at', '<=', now).execute();
  const inserted = await db
    .insertInto('sso_logout_token')
    .values({ jti, expires_at: keepUntil })
    .onConflict((conflict) => conflict.column('jti').doNothing())
    .returning('jti')
    .executeTakeFirst();
  return inserted !== undefined;
}
