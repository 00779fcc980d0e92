import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../shared/app-error.ts';
import {
  auditAppointmentsViewed,
  closureImpact,
  isHitByClosure,
  rescheduleAndNotify,
  upcomingClosedPeriods,
  type AppointmentNotifier,
} from '../appointments/index.ts';
import { cancelAppointmentForAbsence } from '../appointments/index.ts';
import { recordAudit } from '../staff/index.ts';
import { managedLocation } from './managed-location.ts';
import type { OfficeChange, OfficeDeps } from './office-change.ts';

/**
 * The location's upcoming holidays and closures and the booked appointments they hit. Showing names
 * is opening personal data: one audit entry per person shown.
 */
export async function viewClosureImpact(deps: OfficeDeps, change: OfficeChange, locationId: string) {
  const location = await managedLocation(deps.db, change.actor, locationId, 'hours.manage');
  const [periods, impact] = await Promise.all([upcomingClosedPeriods(deps.db, deps.clock, location), closureImpact(deps.db, deps.clock, location)]);
  const shown = impact.flatMap((i) => i.appointments.map((a) => a.id));
  await auditAppointmentsViewed(deps, { actor: change.actor, appointmentIds: shown, screen: 'closure impact', ip: change.ip });
  return { location, periods, impact };
}

/** The appointment must still be booked into one of the location's closed times. */
async function hitAppointment(deps: OfficeDeps, change: OfficeChange, locationId: string, appointmentId: string) {
  const location = await managedLocation(deps.db, change.actor, locationId, 'hours.manage');
  if (!(await isHitByClosure(deps.db, deps.clock, location, appointmentId)))
    throw new AppError('conflict', 'This appointment is not (any more) hit by a closure of this location.');
  return location;
}

/** Moves an appointment out of a closed time to `start` (local time at the location); the person is told. */
export async function moveForClosure(
  deps: OfficeDeps & { notices: AppointmentNotifier },
  change: OfficeChange,
  input: { locationId: string; appointmentId: string; start: string },
): Promise<void> {
  const location = await hitAppointment(deps, change, input.locationId, input.appointmentId);
  const start = Temporal.PlainDateTime.from(input.start).toZonedDateTime(location.time_zone).toString({ timeZoneName: 'never' });
  await rescheduleAndNotify(deps, { appointmentId: input.appointmentId }, { start }, { channel: 'staff', staffId: change.actor.staffId });
  await recordAudit(deps.db, deps.clock, {
    actor: change.actor,
    action: 'appointment.move_for_closure',
    target: { type: 'appointment', id: input.appointmentId },
    after: { start },
    screen: change.screen,
    ip: change.ip,
  });
}

/** Cancels an appointment in a closed time, with a message to the person. */
export async function cancelForClosure(
  deps: OfficeDeps & { notices: AppointmentNotifier },
  change: OfficeChange,
  input: { locationId: string; appointmentId: string; note: string },
): Promise<void> {
  await hitAppointment(deps, change, input.locationId, input.appointmentId);
  await cancelAppointmentForAbsence(deps, change.actor, {
    appointmentId: input.appointmentId,
    note: input.note,
    screen: 'closure impact',
    action: 'appointment.cancel_for_closure',
  });
}
