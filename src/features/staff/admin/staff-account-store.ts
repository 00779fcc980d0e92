import type { Transaction } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { DB } from '../../../db/schema.generated.ts';
import type { StaffRole } from '../roles.ts';

const accountColumns = ['id', 'display_name', 'username', 'role', 'active', 'totp_enabled_at'] as const;

export function listStaffAccounts(db: Database) {
  return db.selectFrom('staff').select(accountColumns).orderBy('display_name').execute();
}

export function findStaffAccount(db: Database, id: string) {
  return db.selectFrom('staff').select(accountColumns).where('id', '=', id).executeTakeFirst();
}

/**
 * The locations and specialties an account can be linked to. Read here, not through office's
 * index: the staff shell imports no domain (docs/decisions.md, 2026-12-06).
 */
export function accountChoices(db: Database) {
  return Promise.all([
    db.selectFrom('location').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('specialty').select(['id', 'name']).orderBy('sort_order').orderBy('name').execute(),
  ]);
}

export async function accountLinks(db: Database | Transaction<DB>, id: string) {
  const [locations, specialties] = await Promise.all([
    db.selectFrom('staff_location').select('location_id').where('staff_id', '=', id).execute(),
    db.selectFrom('staff_specialty').select('specialty_id').where('staff_id', '=', id).execute(),
  ]);
  return { locationIds: locations.map((r) => r.location_id), specialtyIds: specialties.map((r) => r.specialty_id) };
}

export function lockAccount(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('staff').select(['display_name', 'role', 'active']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function writeAccount(
  trx: Transaction<DB>,
  id: string,
  account: { displayName: string; role: StaffRole; active: boolean; locationIds: string[]; specialtyIds: string[] },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('staff')
    .set({ display_name: account.displayName, role: account.role, active: account.active, updated_at: now })
    .where('id', '=', id)
    .execute();
  await replaceLocations(trx, id, account.locationIds);
  await trx.deleteFrom('staff_specialty').where('staff_id', '=', id).execute();
  if (account.specialtyIds.length)
    await trx
      .insertInto('staff_specialty')
      .values(account.specialtyIds.map((s) => ({ staff_id: id, specialty_id: s })))
      .execute();
}

/** The account's locations become exactly these (by an administrator, or as the identity provider maps them). */
export async function replaceLocations(trx: Transaction<DB>, staffId: string, locationIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('staff_location').where('staff_id', '=', staffId).execute();
  if (locationIds.length)
    await trx
      .insertInto('staff_location')
      .values(locationIds.map((locationId) => ({ staff_id: staffId, location_id: locationId })))
      .execute();
}

/** Whether the account existed. */
export async function setPasswordHash(trx: Transaction<DB>, id: string, passwordHash: string, now: Date): Promise<boolean> {
  const updated = await trx.updateTable('staff').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Removes the second factor and its recovery codes; whether the account existed. */
export async function clearTwoFactor(trx: Transaction<DB>, id: string): Promise<boolean> {
  const updated = await trx
    .updateTable('staff')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', id)
    .executeTakeFirst();
  await trx.deleteFrom('recovery_code').where('staff_id', '=', id).execute();
  return Number(updated.numUpdatedRows) === 1;
}

/** Ends every session of the staff member; how many there were. */
export async function endSessions(trx: Database | Transaction<DB>, staffId: string): Promise<number> {
  const result = await trx.deleteFrom('staff_session').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
