import { AppError } from '../../shared/app-error.ts';
import type { Database } from '../../db/database.ts';
import { attempt, violatedConstraint } from './appointment-store.ts';

/**
 * The person books the time held for them (hold-time.ts): the row becomes 'booked' with its
 * confirmation notice, in the caller's transaction. `undefined` when it is no longer held (booked
 * already, or released). A person who has an appointment for the service already cannot book a
 * second one (the one-active-appointment index decides).
 */
export async function bookHeldTime(db: Database, held: { appointmentId: string; now: Date }): Promise<{ code: string } | undefined> {
  let booked: { code: string } | undefined;
  try {
    booked = await attempt(db, () =>
      db
        .updateTable('appointment')
        .set({ status: 'booked', updated_at: held.now })
        .where('id', '=', held.appointmentId)
        .where('status', '=', 'held')
        .returning('code')
        .executeTakeFirst(),
    );
  } catch (error) {
    if (violatedConstraint(error)?.constraint === 'appointment_one_active_per_person_and_service')
      throw new AppError('duplicate_booking', 'This person already has an appointment for this service.');
    throw error;
  }
  if (!booked) return undefined;
  await db
    .insertInto('appointment_notice')
    .values({ appointment_id: held.appointmentId, kind: 'booked', by_channel: 'online', created_at: held.now })
    .execute();
  return booked;
}

/** A hold that ran out: its time is free again (for online callers after the re-release delay, like any cancellation). */
export async function releaseHeldTime(db: Database, held: { appointmentId: string; now: Date }): Promise<boolean> {
  const released = await db
    .updateTable('appointment')
    .set({ status: 'cancelled', cancelled_at: held.now, updated_at: held.now })
    .where('id', '=', held.appointmentId)
    .where('status', '=', 'held')
    .executeTakeFirst();
  return released.numUpdatedRows > 0n;
}
