import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { enforce, type PortalSettings, spendSolution } from '../portal/index.ts';
import type { LookupQuery } from './lookup-query.ts';

export type GuardDeps = { db: Database; clock: Clock; settings: PortalSettings; key(): Promise<string> };

/**
 * The bot defence of the manage look-up, for status look-ups: a limit per address and hour, a
 * stricter one without a proof of work (JavaScript off), and a limit per procedure number or card
 * so that many addresses together cannot walk one person's date of birth either. A proof of work
 * that is sent must be valid and unspent. Throws AppError 'rate_limited' or 'forbidden'.
 */
export async function guardLookup(
  deps: GuardDeps,
  request: { channel: 'portal' | 'api'; address: string; query: LookupQuery | undefined; proofOfWork: string | undefined },
): Promise<void> {
  const key = await deps.key();
  const now = deps.clock.now();
  const limit = deps.settings.lookupsPerIpPerHour;
  if (request.proofOfWork) {
    const outcome = await spendSolution(deps.db, key, request.proofOfWork, now);
    if (outcome !== 'ok') throw new AppError('forbidden', 'The proof of work is not valid, has expired or was used already; get a new challenge.');
  }
  // Counters, not records: one transaction that does not wait for the disk (a crash may forget the
  // last second's hits, never more); the limits still hold across instances.
  await withoutWaitingForDisk(deps.db, async (trx) => {
    await enforce(trx, key, { bucket: `status-${request.channel}-ip`, subject: request.address, limit, windowSeconds: 3600, now });
    if (!request.proofOfWork && request.channel === 'portal')
      await enforce(trx, key, { bucket: 'status-nojs-ip', subject: request.address, limit: Math.ceil(limit / 2), windowSeconds: 3600, now });
    if (request.query) {
      const subject = request.query.kind === 'procedure' ? request.query.number : `card:${request.query.serial}`;
      await enforce(trx, key, { bucket: 'status-subject', subject, limit: 10, windowSeconds: 3600, now });
    }
  });
}

/** Runs counter updates in a transaction with `synchronous_commit = off`: its commit returns before the WAL reaches the disk. */
export async function withoutWaitingForDisk<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL synchronous_commit = off`.execute(trx);
    return work(trx);
  });
}
