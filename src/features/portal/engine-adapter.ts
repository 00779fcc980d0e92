import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import { isAppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { bookAppointment, cancelAppointment, getAvailability, onlineActor, rescheduleAppointment } from '../appointments/index.ts';
import type { AppointmentRow, FreeDay, PortalEngine } from './portal-engine.ts';
import { AppError } from '../../shared/app-error.ts';

const columns = ['id', 'code', 'service_id', 'location_id', 'starts_at', 'ends_at', 'status', 'person_name', 'date_of_birth', 'email', 'language', 'manage_secret_hash'] as const;

/**
 * The portal on the appointment engine's use cases. Each change runs inside one transaction
 * together with the portal's `onChange` (mails, reminder), so a booking and its confirmation
 * exist together or not at all. The engine frees a cancelled slot at once; for online callers
 * the portal hides it for the re-release delay (see docs/decisions.md), at the availability
 * and again before booking, so a script cannot book it straight away either.
 */
export function createEngineAdapter(deps: { db: Database; clock: Clock }): PortalEngine {
  const { db, clock } = deps;

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
      availability = await getAvailability(deps, { serviceId: input.serviceId, locationId: input.locationId, from, to, actor: onlineActor });
    } catch (error) {
      if (isAppError(error) && (error.code === 'validation_failed' || error.code === 'not_found')) return [];
      throw error;
    }
    const hidden = await recentlyCancelled(input.locationId, input.releaseDelayMinutes);
    return availability.days
      .map((day) => ({
        date: day.date,
        starts: day.starts
          .map((start) => new Date(start))
          .filter((start) => {
            const end = start.getTime() + availability.durationMinutes * 60_000;
            return !hidden.some((h) => h.start < end && h.end > start.getTime());
          }),
      }))
      .filter((day) => day.starts.length > 0);
  }

  async function recentlyCancelled(locationId: string, delayMinutes: number) {
    if (delayMinutes <= 0) return [];
    const rows = await db
      .selectFrom('appointment')
      .select(['starts_at', 'ends_at'])
      .where('location_id', '=', locationId)
      .where('status', '=', 'cancelled')
      .where('cancelled_at', '>', new Date(clock.now().getTime() - delayMinutes * 60_000))
      .where('ends_at', '>', clock.now())
      .execute();
    return rows.map((r) => ({ start: r.starts_at.getTime(), end: r.ends_at.getTime() }));
  }

  async function offeredNow(serviceId: string, locationId: string, start: Date, releaseDelayMinutes: number): Promise<boolean> {
    const location = await db.selectFrom('location').select('time_zone').where('id', '=', locationId).executeTakeFirst();
    if (!location) return false;
    const day = Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO(location.time_zone).toPlainDate().toString();
    const days = await freeDays({ serviceId, locationId, from: day, to: day, releaseDelayMinutes });
    return days.some((d) => d.starts.some((s) => s.getTime() === start.getTime()));
  }

  return {
    freeDays,

    async book({ serviceId, locationId, start, person, releaseDelayMinutes, onChange }) {
      if (!(await offeredNow(serviceId, locationId, start, releaseDelayMinutes))) throw new AppError('slot_taken', 'This time is no longer free.');
      return db.transaction().execute(async (trx) => {
        const result = await bookAppointment({ db: trx, clock }, { serviceId, locationId, start: start.toISOString(), person, actor: onlineActor });
        const row = (await trx.selectFrom('appointment').select(columns).where('code', '=', result.appointment.code).executeTakeFirstOrThrow()) as AppointmentRow;
        await onChange(trx, row);
        return { id: row.id, code: row.code, manageSecret: result.manageSecret };
      });
    },

    async cancel({ appointmentId, onChange }) {
      await db.transaction().execute(async (trx) => {
        const view = await cancelAppointment({ db: trx, clock }, { appointmentId, verifiedByPortal: true }, onlineActor);
        void view;
        const row = (await trx.selectFrom('appointment').select(columns).where('id', '=', appointmentId).executeTakeFirstOrThrow()) as AppointmentRow;
        await onChange(trx, row);
      });
    },

    async reschedule({ appointmentId, start, releaseDelayMinutes, onChange }) {
      const current = await db.selectFrom('appointment').select(['service_id', 'location_id']).where('id', '=', appointmentId).executeTakeFirst();
      if (!current || !(await offeredNow(current.service_id, current.location_id, start, releaseDelayMinutes))) {
        throw new AppError('slot_taken', 'This time is no longer free.');
      }
      await db.transaction().execute(async (trx) => {
        await rescheduleAppointment({ db: trx, clock }, { appointmentId, verifiedByPortal: true }, { start: start.toISOString() }, onlineActor);
        const row = (await trx.selectFrom('appointment').select(columns).where('id', '=', appointmentId).executeTakeFirstOrThrow()) as AppointmentRow;
        await onChange(trx, row);
      });
    },
  };
}
