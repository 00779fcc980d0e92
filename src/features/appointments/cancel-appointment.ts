import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Requester } from './requester.ts';
import { markCancelled } from './appointment-store.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import { locateAppointment, type AppointmentLocator } from './manage-appointment.ts';

/**
 * Cancels a booked appointment (or declines a reserved one: an invitation); its slot is free again at once (the exclusion constraints ignore
 * cancelled rows). Cancelling twice answers with the cancelled appointment again.
 */
export async function cancelAppointment(deps: { db: Database; clock: Clock }, locator: AppointmentLocator, actor: Requester): Promise<AppointmentView> {
  const row = await locateAppointment(deps.db, locator, actor);
  if (row.status === 'cancelled') return toAppointmentView(row, row.time_zone);
  if (row.status !== 'booked' && row.status !== 'reserved')
    throw new AppError('conflict', `This appointment cannot be cancelled any more: it is ${row.status.replace('_', ' ')}.`);
  const now = deps.clock.now();
  if (actor.channel === 'online' && row.starts_at.getTime() <= now.getTime()) {
    throw new AppError('conflict', 'This appointment has already begun and cannot be cancelled online.');
  }
  const cancelled = await markCancelled(deps.db, row.id, now);
  if (cancelled) return toAppointmentView(cancelled, row.time_zone);
  // Changed meanwhile (checked in, or cancelled by a second click): report what it is now.
  return cancelAppointment(deps, locator, actor);
}
