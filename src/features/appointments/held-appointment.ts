import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import { appointmentColumns, attempt, violatedConstraint } from './appointment-store.ts';
import type { AppointmentNotifier } from './appointment-notifier.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import { bookAppointment, type Person } from './book-appointment.ts';
import type { EngineDeps } from './engine-deps.ts';
import { onlineRequester } from './requester.ts';

/**
 * A time held for one person who has not accepted it yet (a waiting-list offer, a lottery win):
 * booked by the engine as for an online caller (same rules, same exclusion constraints), then
 * marked 'held' in the same transaction, so nobody ever sees it as booked and no confirmation is
 * sent. The caller's transaction `trx` also writes what the hold belongs to.
 */
export async function holdAppointment(
  deps: Omit<EngineDeps, 'db'>,
  trx: Transaction<DB>,
  request: { serviceId: string; locationId: string; start: Date; person: Person },
): Promise<AppointmentView> {
  const booked = await bookAppointment(
    { ...deps, db: trx, releaseDelayMinutes: 0 },
    { serviceId: request.serviceId, locationId: request.locationId, start: request.start.toISOString(), person: request.person, actor: onlineRequester },
  );
  await trx.updateTable('appointment').set({ status: 'held' }).where('id', '=', booked.appointment.id).execute();
  return { ...booked.appointment, status: 'held' };
}

/**
 * The person accepts the held time: it becomes an ordinary booking, and the confirmation follows
 * as for every booking (a notice in this transaction). A person who booked the same service
 * meanwhile gets `duplicate_booking` (the unique index decides) and the hold stays as it is.
 */
export async function confirmHeldAppointment(trx: Transaction<DB>, notices: AppointmentNotifier, appointmentId: string, now: Date): Promise<AppointmentView> {
  let row: Awaited<ReturnType<typeof markBooked>>;
  try {
    row = await attempt(trx, () => markBooked(trx, appointmentId, now));
  } catch (error) {
    if (violatedConstraint(error)?.constraint === 'appointment_one_active_per_person_and_service')
      throw new AppError('duplicate_booking', 'This person already has an appointment for this service.');
    throw error;
  }
  if (!row) throw new AppError('conflict', 'This time is not held any more.');
  await notices.changed(trx, { kind: 'booked', appointmentId, actor: onlineRequester, at: now });
  return toAppointmentView(row, row.time_zone);
}

async function markBooked(trx: Transaction<DB>, appointmentId: string, now: Date) {
  return trx
    .updateTable('appointment as a')
    .from('location as l')
    .set({ status: 'booked', updated_at: now })
    .whereRef('l.id', '=', 'a.location_id')
    .where('a.id', '=', appointmentId)
    .where('a.status', '=', 'held')
    .returning([...appointmentColumns.map((c) => `a.${c}` as const), 'l.time_zone'])
    .executeTakeFirst();
}

/** Gives a held time back (offer declined or expired): free again for everyone at once. */
export async function releaseHeldAppointment(trx: Transaction<DB>, appointmentId: string, now: Date): Promise<boolean> {
  const released = await trx
    .updateTable('appointment')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('id', '=', appointmentId)
    .where('status', '=', 'held')
    .executeTakeFirst();
  return released.numUpdatedRows > 0n;
}
