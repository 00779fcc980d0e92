import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { eraseAppointmentPersonalData } from '../appointments/index.ts';
import { eraseOldTicketPersonalData, eraseOldTransferNotes, eraseTicketsOfAppointments } from '../front-desk/index.ts';
import { pseudonymiseAuditPersons } from '../staff/index.ts';

export type RetentionRun = { appointments: number; tickets: number; transferNotes: number; auditPersons: number; batches: number };

export const defaultBatchSize = 500;

/**
 * Erases the personal data of every visit that ended more than `retentionDays` ago: the
 * appointment's person fields, its ticket's routing notes and transfer notes, and the name in
 * the audit trail's person row (the entries keep pointing at a pseudonym). Walk-in tickets
 * and transfer notes of the same age go too. Each batch is one short transaction, so a large
 * backlog never locks many rows for long and no visit is ever half erased. Running it again,
 * or on two instances at once, is harmless: each batch takes only rows nobody else holds.
 */
export async function eraseExpiredPersonalData(
  deps: { db: Database; clock: Clock },
  options: { retentionDays: number; batchSize?: number },
): Promise<RetentionRun> {
  const now = deps.clock.now();
  const before = new Date(Temporal.Instant.fromEpochMilliseconds(now.getTime()).subtract({ hours: 24 * options.retentionDays }).epochMilliseconds);
  const limit = options.batchSize ?? defaultBatchSize;
  const run: RetentionRun = { appointments: 0, tickets: 0, transferNotes: 0, auditPersons: 0, batches: 0 };

  const batch = <T>(work: (trx: Database) => Promise<T>) =>
    deps.db.transaction().execute(async (trx) => {
      // A row held elsewhere (a clerk editing an old ticket) fails the batch instead of stalling the job; it is retried.
      await sql`SET LOCAL lock_timeout = '10s'`.execute(trx);
      run.batches++;
      return work(trx);
    });

  for (;;) {
    const erased = await batch(async (trx) => {
      const ids = await eraseAppointmentPersonalData(trx, { endedBefore: before, now, limit });
      await eraseTicketsOfAppointments(trx, ids);
      run.auditPersons += await pseudonymiseAuditPersons(trx, deps.clock, ids);
      return ids.length;
    });
    run.appointments += erased;
    if (erased < limit) break;
  }
  for (;;) {
    const cleared = await batch((trx) => eraseOldTicketPersonalData(trx, { before, limit }));
    run.tickets += cleared;
    if (cleared < limit) break;
  }
  for (;;) {
    const cleared = await batch((trx) => eraseOldTransferNotes(trx, { before, limit }));
    run.transferNotes += cleared;
    if (cleared < limit) break;
  }
  return run;
}
