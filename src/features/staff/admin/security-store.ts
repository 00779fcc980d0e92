import type { Transaction } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { DB } from '../../../db/schema.generated.ts';
import type { StaffRole } from '../roles.ts';

export function roleSettings(db: Database | Transaction<DB>) {
  return db.selectFrom('role_setting').selectAll().orderBy('role').execute();
}

export async function lockRoleSettings(trx: Transaction<DB>) {
  return trx.selectFrom('role_setting').selectAll().orderBy('role').forUpdate().execute();
}

export async function setTotpRequired(trx: Transaction<DB>, role: StaffRole, required: boolean): Promise<void> {
  await trx.updateTable('role_setting').set({ totp_required: required }).where('role', '=', role).execute();
}

/** Lifts a sign-in lock; the lock as it was, or nothing when there was none. */
export function deleteThrottle(trx: Transaction<DB>, key: string) {
  return trx.deleteFrom('sign_in_throttle').where('key', '=', key).returningAll().executeTakeFirst();
}

export function listApiTokens(db: Database) {
  return db
    .selectFrom('api_token')
    .innerJoin('staff', 'staff.id', 'api_token.staff_id')
    .select(['api_token.id', 'api_token.name', 'api_token.role', 'api_token.created_at', 'api_token.revoked_at', 'api_token.last_used_at', 'staff.username'])
    .orderBy('api_token.created_at', 'desc')
    .execute();
}

export function listDevices(db: Database) {
  return db
    .selectFrom('device')
    .innerJoin('location', 'location.id', 'device.location_id')
    .select(['device.id', 'device.kind', 'device.name', 'device.revoked_at', 'location.name as location_name'])
    .orderBy('device.name')
    .execute();
}

/** The locations a device can be bound to (read here: the staff shell imports no domain). */
export function deviceLocations(db: Database) {
  return db.selectFrom('location').select(['id', 'name']).orderBy('name').execute();
}
