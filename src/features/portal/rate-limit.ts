import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';

/**
 * Fixed-window counters in PostgreSQL, shared by every instance. One upsert counts and
 * reads in a single statement, so two requests at the same moment can never both slip
 * under the limit. Keys are HMACs: the table never holds an IP address or an e-mail.
 */
export async function hit(
  db: Database,
  key: string,
  options: { bucket: string; subject: string; limit: number; windowSeconds: number; now: Date },
): Promise<{ allowed: boolean; hits: number }> {
  const windowMs = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(options.now.getTime() / windowMs) * windowMs);
  const keyHash = createHmac('sha256', key).update(`${options.bucket}\u0000${options.subject}`).digest('base64url');
  const row = await db
    .insertInto('rate_limit_counter')
    .values({ bucket: options.bucket, key_hash: keyHash, window_start: windowStart, hits: 1, expires_at: new Date(windowStart.getTime() + windowMs) })
    .onConflict((oc) => oc.columns(['bucket', 'key_hash', 'window_start']).doUpdateSet({ hits: sql`rate_limit_counter.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return { allowed: row.hits <= options.limit, hits: row.hits };
}

export async function enforce(
  db: Database,
  key: string,
  options: { bucket: string; subject: string; limit: number; windowSeconds: number; now: Date },
): Promise<void> {
  const result = await hit(db, key, options);
  // Now and then a hit sweeps out expired counters and spent challenges: no extra job needed.
  if (Math.random() < 0.01) await pruneExpired(db, options.now);
  if (!result.allowed) throw new AppError('rate_limited', 'Too many attempts. Please wait and try again later.', { details: { bucket: options.bucket } });
}

/** Drops counters and used challenges whose time is over (called now and then, cheap). */
export async function pruneExpired(db: Database, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit_counter').where('expires_at', '<', now).execute();
  // A spent challenge is remembered while it could still verify (its expiry, by the same clock).
  await db.deleteFrom('proof_of_work_used').where('expires_at', '<', now).execute();
}
