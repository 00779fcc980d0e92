import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import type { AppointmentNotifier } from './appointment-notifier.ts';
import type { AppointmentBefore } from './reassign-appointment.ts';

/**
 * The office cancels a booked appointment it cannot keep (the clerk is absent, the location is
 * closed), in the caller's transaction, and records the notice that tells the person (in their
 * language, saying the office cancelled, with the note): the cancellation and its notice commit
 * together. Call `notices.committed?.()` after the caller's transaction committed.
 */
export async function cancelByOffice(
  trx: Transaction<DB>,
  notices: AppointmentNotifier,
  input: { appointmentId: string; staffId: string; note: string; now: Date },
): Promise<AppointmentBefore> {
  const before = await trx
    .selectFrom('appointment')
    .select(['id', 'staff_id', 'status', 'person_name', 'date_of_birth', 'email'])
    .where('id', '=', input.appointmentId)
    .forUpdate()
    .executeTakeFirst();
  if (before?.status !== 'booked' && before?.status !== 'reserved') throw new AppError('conflict', 'The appointment is no longer booked.');
  // A booked appointment long in the past whose personal data was erased has nobody to write to.
  if (before.email === null) throw new AppError('conflict', 'This appointment is over and its personal data was erased.');
  await trx.updateTable('appointment').set({ status: 'cancelled', cancelled_at: input.now, updated_at: input.now }).where('id', '=', before.id).execute();
  await notices.changed(trx, {
    kind: 'cancelled',
    appointmentId: before.id,
    actor: { channel: 'staff', staffId: input.staffId },
    at: input.now,
    note: input.note,
  });
  const { email: _email, ...rest } = before;
  return rest;
}
