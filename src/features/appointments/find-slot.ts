import { AppError } from '../../shared/app-error.ts';
import type { Requester } from './requester.ts';
import { checkSlot } from './availability.ts';
import { explainNotOffered, invalid, notOffered } from './get-availability.ts';
import type { EngineDeps } from './engine-deps.ts';
import { ScheduleCache, type ScheduleOutcome } from './schedule-cache.ts';
import type { LocationSchedule, ScheduledService } from './schedule-store.ts';
import { busyCandidates, type SlotProbe } from './slot-store.ts';

export type SlotRequest = {
  serviceId: string;
  locationId: string;
  start: number;
  actor: Requester;
  staffId?: string | undefined;
  exceptAppointmentId?: string | undefined;
};

export type ProbedSlot = { offered: ScheduledService; probe: SlotProbe };

/**
 * Runs `book` (one statement that reports the schedule_version it saw) on a start that the
 * location's schedule allows, again on a fresh schedule whenever the version has moved on.
 */
export async function withCurrentSchedule<T>(deps: EngineDeps, request: SlotRequest, book: (slot: ProbedSlot) => Promise<ScheduleOutcome<T>>): Promise<T> {
  const schedules = deps.schedules ?? new ScheduleCache(deps.clock);
  const now = deps.clock.now().getTime();
  try {
    return await schedules.use(deps.db, request.locationId, (schedule) => probeSlot(deps, schedule, request, now), book);
  } catch (error) {
    throw await explainNotOffered(deps.db, request, error);
  }
}

/**
 * Checks a requested start against the service's rules and the clerks' hours and absences (no
 * bookings yet): 422 for a start that can never be booked, 409 when no clerk works then.
 */
function probeSlot(deps: EngineDeps, schedule: LocationSchedule | undefined, request: SlotRequest, now: number): ProbedSlot {
  const { start, actor } = request;
  const offered = schedule?.services.get(request.serviceId);
  if (!schedule || !offered) throw notOffered;
  if (actor.channel === 'online' && !offered.onlineBookable) {
    throw invalid('serviceId', 'This service cannot be booked online; the office arranges these appointments.');
  }
  if (start < now) throw invalid('start', 'This time is in the past.');
  const end = start + offered.rules.durationMinutes * 60_000;
  // Nobody may book into a holiday or closure, staff neither: nobody is there to see the person.
  if (schedule.closed.some((c) => c.start < end && c.end > start)) throw officeClosed();
  const clerkIds = request.staffId === undefined ? offered.clerkIds : offered.clerkIds.filter((id) => id === request.staffId);
  const clerks = clerkIds.flatMap((id) => schedule.clerks.get(id) ?? []);
  const resources = (offered.requiredResourceKind ? (schedule.resourcesByKind.get(offered.requiredResourceKind) ?? []) : []).map((resourceId) => ({
    resourceId,
    busy: [],
  }));
  const check = checkSlot({ timeZone: offered.timeZone, rules: offered.rules, now, channel: actor.channel, clerks, resources }, start);
  switch (check.kind) {
    case 'free': {
      const delay = actor.channel === 'online' ? (deps.releaseDelayMinutes ?? 0) : 0;
      return {
        offered,
        probe: {
          version: schedule.version,
          locationId: request.locationId,
          start: new Date(start),
          end: new Date(check.end),
          clerkIds: check.clerkIds,
          resourceIds: offered.requiredResourceKind ? check.resourceIds : [null],
          heldSince: delay > 0 ? new Date(now - delay * 60_000) : null,
          exceptAppointmentId: request.exceptAppointmentId,
        },
      };
    }
    case 'off_grid':
      throw invalid('start', `This time is not on the appointment grid: starts are every ${offered.rules.slotMinutes} minutes.`);
    case 'outside_window': {
      const w = check.window;
      if (check.date === w.today && w.todayHeld) throw invalid('start', `Today's appointments are released at ${offered.rules.sameDayRelease?.slice(0, 5)}.`);
      if (start < w.earliest) throw invalid('start', `Appointments must be booked at least ${offered.rules.minLeadMinutes} minutes ahead.`);
      throw invalid('start', `Appointments can be booked up to ${w.lastDate}.`);
    }
    case 'taken':
      throw slotTaken();
  }
}

/** The free clerks and resources for a start (for moving an appointment; booking does this inside its insert). */
export async function findFreeSlot(deps: EngineDeps, request: SlotRequest): Promise<ProbedSlot> {
  return withCurrentSchedule<ProbedSlot>(deps, request, async (slot) => {
    const busy = await busyCandidates(deps.db, slot.probe);
    if (busy.version !== slot.probe.version) return { stale: busy.version };
    const clerkIds = slot.probe.clerkIds.filter((id) => !busy.clerkIds.has(id));
    const resourceIds = slot.probe.resourceIds.filter((id) => id === null || !busy.resourceIds.has(id));
    if (clerkIds.length === 0 || resourceIds.length === 0) throw slotTaken();
    return { done: { offered: slot.offered, probe: { ...slot.probe, clerkIds, resourceIds } } };
  });
}

export function officeClosed(): AppError {
  return new AppError('slot_taken', 'The office is closed at this time (public holiday or closure). Please choose another time.');
}

export function slotTaken(): AppError {
  return new AppError('slot_taken', 'This time is no longer free. Please choose another time.');
}
