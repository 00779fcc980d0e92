import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import { hashPassword, maxPasswordLength, minPasswordLength } from './password.ts';
import type { StaffRole } from './roles.ts';

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/**
 * A new staff account with a password; the user name is unique (the database says so).
 * `alsoInTransaction` writes more (the audit entry) in the same transaction.
 */
export async function createStaffAccount(
  db: Database,
  input: { username: string; displayName: string; password: string; role: StaffRole; active?: boolean; locationIds?: string[]; specialtyIds?: string[] },
  alsoInTransaction?: (trx: Transaction<DB>, created: { id: string }) => Promise<void>,
): Promise<{ id: string }> {
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username))
    throw new AppError('validation_failed', 'The user name may use a–z, 0–9, ".", "_" and "-" (2–63 characters).', {
      fieldErrors: [{ path: 'username', message: 'invalid user name' }],
    });
  checkPassword(input.password);
  const displayName = input.displayName.trim();
  if (displayName.length < 1 || displayName.length > 200)
    throw new AppError('validation_failed', 'The name must have 1–200 characters.', { fieldErrors: [{ path: 'displayName', message: 'invalid name' }] });
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('staff')
      .values({ username, display_name: displayName, password_hash: passwordHash, role: input.role, active: input.active ?? true })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('conflict', `The user name "${username}" is taken.`);
    if (input.locationIds?.length)
      await trx
        .insertInto('staff_location')
        .values(input.locationIds.map((id) => ({ staff_id: row.id, location_id: id })))
        .execute();
    if (input.specialtyIds?.length)
      await trx
        .insertInto('staff_specialty')
        .values(input.specialtyIds.map((id) => ({ staff_id: row.id, specialty_id: id })))
        .execute();
    await alsoInTransaction?.(trx, row);
    return row;
  });
}

export function checkPassword(password: string): void {
  if (password.length < minPasswordLength || password.length > maxPasswordLength) {
    throw new AppError('validation_failed', `The password must have ${minPasswordLength}–${maxPasswordLength} characters.`, {
      fieldErrors: [{ path: 'password', message: 'invalid length' }],
    });
  }
}
