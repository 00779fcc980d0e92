import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';

/**
 * Gives back a reservation nobody confirmed: cancelled, in the caller's transaction, and only while
 * it is still reserved (a confirmation at the same moment wins or loses as a whole). Says whether
 * it was released.
 */
export async function releaseReservation(trx: Transaction<DB>, appointmentId: string, now: Date): Promise<boolean> {
  const changed = await trx
    .updateTable('appointment')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('id', '=', appointmentId)
    .where('status', '=', 'reserved')
    .executeTakeFirst();
  return changed.numUpdatedRows > 0n;
}
