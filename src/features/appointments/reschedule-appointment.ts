import { randomInt } from 'node:crypto';
import { AppError } from '../../shared/app-error.ts';
import type { Requester } from './requester.ts';
import { attempt, isDeadlock, moveAppointment, violatedConstraint } from './appointment-store.ts';
import { toAppointmentView, type AppointmentView } from './appointment-view.ts';
import { parseBookingStart } from './book-appointment.ts';
import type { EngineDeps } from './engine-deps.ts';
import { findFreeSlot, slotTaken } from './find-slot.ts';
import { invalid } from './get-availability.ts';
import { locateAppointment, type AppointmentLocator } from './manage-appointment.ts';

/**
 * Moves an appointment to another start at the same location. The move is one UPDATE of the row:
 * the new time is taken in the same instant the old one is given up, and when the new time is
 * taken meanwhile the row — and so the old appointment — stays exactly as it was.
 */
export async function rescheduleAppointment(
  deps: EngineDeps,
  locator: AppointmentLocator,
  change: { start: string; staffId?: string | undefined },
  actor: Requester,
): Promise<AppointmentView> {
  const { db, clock } = deps;
  if (change.staffId !== undefined && actor.channel !== 'staff') throw invalid('staffId', 'Only staff can choose the clerk.');
  const row = await locateAppointment(db, locator, actor);
  if (row.status !== 'booked' && row.status !== 'reserved') {
    throw new AppError('conflict', `Only a booked appointment can be moved; this one is ${row.status.replace('_', ' ')}.`);
  }
  const now = clock.now();
  if (actor.channel === 'online' && row.starts_at.getTime() <= now.getTime()) {
    throw new AppError('conflict', 'This appointment has already begun and cannot be moved online.');
  }
  const start = parseBookingStart(change.start);
  const { probe } = await findFreeSlot(deps, {
    serviceId: row.service_id,
    locationId: row.location_id,
    start,
    actor,
    staffId: change.staffId,
    exceptAppointmentId: row.id,
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.fieldErrors?.some((e) => e.path === 'serviceId' || e.path === 'locationId')) {
      throw new AppError('conflict', 'This service can no longer be booked here; please contact the office.');
    }
    throw error;
  });

  const clerks = [...probe.clerkIds];
  // Staying with the same clerk is preferred: the clerk may already have prepared the case.
  clerks.sort((a, b) => (a === row.staff_id ? -1 : b === row.staff_id ? 1 : randomInt(3) - 1));
  const resources = [...probe.resourceIds].sort((a) => (a === row.resource_id ? -1 : 0));
  const takenResources = new Set<string>();
  for (const staffId of clerks) {
    for (const resourceId of resources) {
      if (resourceId && takenResources.has(resourceId)) continue;
      try {
        const moved = await attempt(db, () => moveAppointment(db, row.id, { staffId, resourceId, startsAt: new Date(start), endsAt: probe.end, now }));
        if (!moved) throw new AppError('conflict', 'This appointment was changed meanwhile; please reload it.');
        return toAppointmentView(moved, row.time_zone);
      } catch (error) {
        const violated = violatedConstraint(error);
        if (violated?.constraint === 'appointment_no_clerk_overlap' || isDeadlock(error)) break;
        if (violated?.constraint === 'appointment_no_resource_overlap' && resourceId) {
          takenResources.add(resourceId);
          continue;
        }
        throw error;
      }
    }
  }
  throw slotTaken();
}
