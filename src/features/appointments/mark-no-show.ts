import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';

/**
 * Nobody came to the counter after the calls: a checked-in appointment ends as a no-show, in the
 * transaction that ends the visit. Any other status stays (the visit may belong to an appointment
 * that was already completed or is no longer checked in); says whether the appointment changed.
 */
export async function markAppointmentNoShow(trx: Transaction<DB>, appointmentId: string, now: Date): Promise<boolean> {
  const changed = await trx
    .updateTable('appointment')
    .set({ status: 'no_show', updated_at: now })
    .where('id', '=', appointmentId)
    .where('status', '=', 'checked_in')
    .executeTakeFirst();
  return changed.numUpdatedRows > 0n;
}
