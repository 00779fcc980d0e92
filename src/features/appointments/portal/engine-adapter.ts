import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/database.ts';
import { isAppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import type { AppointmentNotifier } from '../appointment-notifier.ts';
import type { BookingsCache } from '../bookings-cache.ts';
import { getAvailability } from '../get-availability.ts';
import { confirmReservation } from '../confirm-reservation.ts';
import { bookAndNotify, cancelAndNotify, rescheduleAndNotify } from '../notified-changes.ts';
import { onlineRequester } from '../requester.ts';
import { ScheduleCache } from '../schedule-cache.ts';
import type { FreeDay, PortalEngine } from './portal-engine.ts';

/**
 * The portal on the appointment engine's use cases, through the same notifying changes as the
 * API and staff (notified-changes.ts): a booking and its notice for the confirmation exist
 * together or not at all. The re-release delay is the engine's: for online callers a time
 * cancelled less than `releaseDelayMinutes` ago stays busy in availability and booking alike.
 */
export function createEngineAdapter(deps: {
  db: Database;
  clock: Clock;
  notices: AppointmentNotifier;
  schedules?: ScheduleCache | undefined;
  bookings?: BookingsCache | undefined;
}): PortalEngine {
  const { db, clock, bookings, notices } = deps;
  const schedules = deps.schedules ?? new ScheduleCache(deps.clock);
  const engine = (releaseDelayMinutes: number) => ({ db, clock, schedules, bookings, notices, releaseDelayMinutes });

  async function freeDays(input: { serviceId: string; locationId: string; from: string; to: string; releaseDelayMinutes: number }): Promise<FreeDay[]> {
    // The calendar asks for whole pages; clamp them to the booking window (from the schedule in memory).
    const offered = (await schedules.get(db, input.locationId))?.services.get(input.serviceId);
    if (!offered) return [];
    const today = Temporal.Instant.fromEpochMilliseconds(clock.now().getTime()).toZonedDateTimeISO(offered.timeZone).toPlainDate().toString();
    const last = Temporal.PlainDate.from(today).add({ days: offered.rules.maxDaysAhead }).toString();
    const from = input.from < today ? today : input.from;
    const to = input.to > last ? last : input.to;
    if (from > to) return [];
    let availability: Awaited<ReturnType<typeof getAvailability>>;
    try {
      availability = await getAvailability(engine(input.releaseDelayMinutes), {
        serviceId: input.serviceId,
        locationId: input.locationId,
        from,
        to,
        actor: onlineRequester,
      });
    } catch (error) {
      if (isAppError(error) && (error.code === 'validation_failed' || error.code === 'not_found')) return [];
      throw error;
    }
    return availability.days.map((day) => ({ date: day.date, starts: day.starts.map((start) => new Date(start)) })).filter((day) => day.starts.length > 0);
  }

  return {
    freeDays,

    async book({ serviceId, locationId, start, person, releaseDelayMinutes }) {
      const result = await bookAndNotify(engine(releaseDelayMinutes), { serviceId, locationId, start: start.toISOString(), person, actor: onlineRequester });
      return { id: result.appointment.id, code: result.appointment.code, manageSecret: result.manageSecret };
    },

    async cancel({ appointmentId }) {
      await cancelAndNotify(engine(0), { appointmentId, verifiedByPortal: true }, onlineRequester);
    },

    async confirm({ appointmentId }) {
      await confirmReservation(engine(0), appointmentId);
    },

    async reschedule({ appointmentId, start, releaseDelayMinutes }) {
      await rescheduleAndNotify(engine(releaseDelayMinutes), { appointmentId, verifiedByPortal: true }, { start: start.toISOString() }, onlineRequester);
    },
  };
}
