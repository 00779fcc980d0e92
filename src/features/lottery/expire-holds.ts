import { releaseHeldTime } from '../appointments/index.ts';
import type { LotteryDeps } from './lottery-deps.ts';
import { expiredHolds, markOutcome } from './lottery-store.ts';

/**
 * Ends the holds of winners who did not book in time: their times are free again and the entry
 * says 'expired'. Locked rows are skipped, so two instances never release one hold twice.
 */
export async function expireHolds(deps: Pick<LotteryDeps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  let expired = 0;
  for (;;) {
    const batch = await deps.db.transaction().execute(async (trx) => {
      const due = await expiredHolds(trx, now, 100);
      for (const entry of due) {
        if (entry.appointment_id) await releaseHeldTime(trx, { appointmentId: entry.appointment_id, now });
        await markOutcome(trx, entry.id, 'expired', now);
      }
      return due.length;
    });
    expired += batch;
    if (batch < 100) return expired;
  }
}
