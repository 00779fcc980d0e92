import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';

/**
 * Erases portal messages whose last event (received, answered, answer read) lies more than
 * `retentionDays` back: the message, its answer and its attachment rows (whose blobs the nightly
 * blob sweep then removes unless a document still uses them). A message in a file lives on there
 * as the note and documents it became, kept with the file; the portal's own copy, which let the
 * person read the answer, goes. Batches of `limit`, each one short transaction; rows held by a
 * clerk at that moment are skipped and taken next time.
 */
export async function eraseExpiredMessages(deps: { db: Database; clock: Clock }, options: { retentionDays: number; limit?: number }): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - options.retentionDays * 86_400_000);
  const limit = options.limit ?? 500;
  let erased = 0;
  for (;;) {
    const batch = await deps.db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('portal_message as m')
        .leftJoin('portal_message_answer as a', 'a.message_id', 'm.id')
        .select('m.id')
        .where(sql<boolean>`greatest(m.received_at, a.answered_at, a.read_at) < ${before}`)
        .orderBy('m.received_at')
        .limit(limit)
        .forUpdate('m')
        .skipLocked()
        .execute();
      if (due.length === 0) return 0;
      const deleted = await trx
        .deleteFrom('portal_message')
        .where(
          'id',
          'in',
          due.map((row) => row.id),
        )
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    });
    erased += batch;
    if (batch < limit) return erased;
  }
}
