import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffAuthSettings } from './auth-settings.ts';

/**
 * Failed sign-ins are counted per typed user name (whether it exists or not, so a lockout
 * tells nothing about which names exist) and per client address, in PostgreSQL so every
 * app instance sees the same counts. A locked account stays locked until the lockout time
 * has passed or an admin lifts it.
 */
export const accountKey = (username: string) => `account:${username.trim().toLowerCase().slice(0, 150)}`;
export const ipKey = (ip: string) => `ip:${ip.slice(0, 64)}`;

export async function lockedKeys(db: Database, clock: Clock, keys: string[]): Promise<string[]> {
  const rows = await db.selectFrom('sign_in_throttle').select('key').where('key', 'in', keys).where('locked_until', '>', clock.now()).execute();
  return rows.map((row) => row.key);
}

/** Counts one failure atomically; locks the key when the limit is reached within the window. */
export async function countFailure(db: Database, clock: Clock, settings: StaffAuthSettings, key: string, limit: number): Promise<void> {
  const now = clock.now();
  const windowStart = new Date(now.getTime() - settings.lockoutMs);
  const lockUntil = new Date(now.getTime() + settings.lockoutMs);
  await sql`
    INSERT INTO sign_in_throttle AS t (key, failures, window_started_at, locked_until)
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${limit}::int THEN ${lockUntil}::timestamptz END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at < ${windowStart} THEN 1 ELSE t.failures + 1 END,
      window_started_at = CASE WHEN t.window_started_at < ${windowStart} THEN ${now} ELSE t.window_started_at END,
      locked_until = CASE
        WHEN (CASE WHEN t.window_started_at < ${windowStart} THEN 1 ELSE t.failures + 1 END) >= ${limit}::int THEN ${lockUntil}::timestamptz
        ELSE t.locked_until END
  `.execute(db);
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

/** Accounts that are locked right now, for the admin page. */
export async function listLockedAccounts(db: Database, clock: Clock) {
  return db.selectFrom('sign_in_throttle').select(['key', 'failures', 'locked_until']).where('locked_until', '>', clock.now()).orderBy('key').execute();
}
