import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';

/** What the front desk checks before it checks a visitor in with the appointment code. */
export type AppointmentForCheckIn = {
  id: string;
  location_id: string;
  service_id: string;
  starts_at: Date;
  status: string;
  language: string;
  /** Null once the personal data was erased (long over). */
  person_name: string | null;
};

/**
 * The appointment with this code, locked until the caller's transaction ends: two check-ins of one
 * appointment at once queue here, and the second sees it checked in.
 */
export async function lockAppointmentForCheckIn(trx: Transaction<DB>, code: string): Promise<AppointmentForCheckIn | undefined> {
  return trx
    .selectFrom('appointment')
    .select(['id', 'location_id', 'service_id', 'starts_at', 'status', 'language', 'person_name'])
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The person arrived: a booked appointment (or a reserved one: an invited person who came without
 * confirming) becomes checked in, in the caller's transaction (the
 * front desk issues the ticket in the same one, so there is never a ticket without a check-in).
 */
export async function checkInAppointment(trx: Transaction<DB>, appointmentId: string, now: Date): Promise<void> {
  const changed = await trx
    .updateTable('appointment')
    .set({ status: 'checked_in', updated_at: now })
    .where('id', '=', appointmentId)
    .where('status', 'in', ['booked', 'reserved'])
    .executeTakeFirst();
  if (changed.numUpdatedRows === 0n) {
    throw new AppError('conflict', 'This appointment can no longer be checked in.', { details: { reason: 'not_bookable' } });
  }
}
