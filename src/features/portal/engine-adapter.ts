import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import { isAppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { bookAppointment, cancelAppointment, getAvailability, onlineActor, rescheduleAppointment, type BookingsCache, type ScheduleCache } from '../appointments/index.ts';
import type { AppointmentRow, FreeDay, PortalEngine } from './portal-engine.ts';

const columns = ['id', 'code', 'service_id', 'location_id', 'starts_at', 'ends_at', 'status', 'person_name', 'date_of_birth', 'email', 'language', 'manage_secret_hash'] as const;

/**
 * The portal on the appointment engine's use cases. Each change runs inside one transaction
 * together with the portal's `onChange` (mails, reminder), so a booking and its confirmation
 * exist together or not at all. The re-release delay is the engine's: for online callers a time
 * cancelled less than `releaseDelayMinutes` ago stays busy in availability and booking alike.
 */
export function createEngineAdapter(deps: { db: Database; clock: Clock; schedules?: ScheduleCache | undefined; bookings?: BookingsCache | undefined }): PortalEngine {
  const { db, clock, schedules, bookings } = deps;
  const engine = (releaseDelayMinutes: number, trx: Database = db) => ({ db: trx, clock, schedules, bookings, releaseDelayMinutes });

  async function freeDays(input: { serviceId: string; locationId: string; from: string; to: string; releaseDelayMinutes: number }): Promise<FreeDay[]> {
    const location = await db.selectFrom('location').select('time_zone').where('id', '=', input.locationId).executeTakeFirst();
    const service = await db.selectFrom('service').select('max_days_ahead').where('id', '=', input.serviceId).executeTakeFirst();
    if (!location || !service) return [];
    const today = Temporal.Instant.fromEpochMilliseconds(clock.now().getTime()).toZonedDateTimeISO(location.time_zone).toPlainDate().toString();
    const last = Temporal.PlainDate.from(today).add({ days: service.max_days_ahead }).toString();
    const from = input.from < today ? today : input.from;
    const to = input.to > last ? last : input.to;
    if (from > to) return [];
    let availability;
    try {
      availability = await getAvailability(engine(input.releaseDelayMinutes), { serviceId: input.serviceId, locationId: input.locationId, from, to, actor: onlineActor });
    } catch (error) {
      if (isAppError(error) && (error.code === 'validation_failed' || error.code === 'not_found')) return [];
      throw error;
    }
    return availability.days.map((day) => ({ date: day.date, starts: day.starts.map((start) => new Date(start)) })).filter((day) => day.starts.length > 0);
  }

  return {
    freeDays,

    async book({ serviceId, locationId, start, person, releaseDelayMinutes, onChange }) {
      return db.transaction().execute(async (trx) => {
        const result = await bookAppointment(engine(releaseDelayMinutes, trx), { serviceId, locationId, start: start.toISOString(), person, actor: onlineActor });
        const row = (await trx.selectFrom('appointment').select(columns).where('code', '=', result.appointment.code).executeTakeFirstOrThrow()) as AppointmentRow;
        await onChange(trx, row);
        return { id: row.id, code: row.code, manageSecret: result.manageSecret };
      });
    },

    async cancel({ appointmentId, onChange }) {
      await db.transaction().execute(async (trx) => {
        // Locked first: of two cancels at the same moment only the one that finds it booked tells the person.
        const before = await trx.selectFrom('appointment').select('status').where('id', '=', appointmentId).forUpdate().executeTakeFirst();
        await cancelAppointment({ db: trx, clock }, { appointmentId, verifiedByPortal: true }, onlineActor);
        if (before?.status !== 'booked') return;
        const row = (await trx.selectFrom('appointment').select(columns).where('id', '=', appointmentId).executeTakeFirstOrThrow()) as AppointmentRow;
        await onChange(trx, row);
      });
    },

    async reschedule({ appointmentId, start, releaseDelayMinutes, onChange }) {
      await db.transaction().execute(async (trx) => {
        await rescheduleAppointment(engine(releaseDelayMinutes, trx), { appointmentId, verifiedByPortal: true }, { start: start.toISOString() }, onlineActor);
        const row = (await trx.selectFrom('appointment').select(columns).where('id', '=', appointmentId).executeTakeFirstOrThrow()) as AppointmentRow;
        await onChange(trx, row);
      });
    },
  };
}
