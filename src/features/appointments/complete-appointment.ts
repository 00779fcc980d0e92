import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';

/**
 * The visit was finished at the counter: a checked-in appointment is completed, in the transaction
 * that finishes the visit. Any other status stays; says whether the appointment changed.
 */
export async function completeAppointment(trx: Transaction<DB>, appointmentId: string, now: Date): Promise<boolean> {
  const changed = await trx
    .updateTable('appointment')
    .set({ status: 'completed', updated_at: now })
    .where('id', '=', appointmentId)
    .where('status', '=', 'checked_in')
    .executeTakeFirst();
  return changed.numUpdatedRows > 0n;
}
