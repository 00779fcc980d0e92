import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/database.ts';
import type { Clock } from '../../../shared/clock.ts';
import { closedInterval, closedPeriods, loadClosures, type ClosedPeriod } from '../../appointments/index.ts';
import type { AffectedAppointment } from './absence-impact.ts';

/** How far ahead the closure page looks for holidays, closures and the appointments they hit. */
export const closureHorizonDays = 366;

export type ClosureLocation = { id: string; name: string; time_zone: string; federal_state: string | null };

/** The location's local date today. */
export function todayAt(clock: Clock, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(clock.now().getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Holidays and closures from today on, within the horizon. */
export async function upcomingClosedPeriods(db: Database, clock: Clock, location: ClosureLocation, days = closureHorizonDays): Promise<ClosedPeriod[]> {
  const today = todayAt(clock, location.time_zone);
  const until = Temporal.PlainDate.from(today).add({ days }).toString();
  return closedPeriods(location.federal_state, await loadClosures(db, location.id, today), today, until);
}

export type ClosureImpact = { period: ClosedPeriod; appointments: AffectedAppointment[] };

/**
 * Booked appointments at the location that fall into an upcoming holiday or closure: booked
 * before the closure was entered, or before the location got its federal state.
 */
export async function closureImpact(db: Database, clock: Clock, location: ClosureLocation): Promise<ClosureImpact[]> {
  const periods = await upcomingClosedPeriods(db, clock, location);
  if (periods.length === 0) return [];
  const spans = periods.map((period) => ({ period, ...closedInterval(location.time_zone, period) }));
  const booked = await db
    .selectFrom('appointment')
    .innerJoin('location', 'location.id', 'appointment.location_id')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
    .select([
      'appointment.id',
      'appointment.code',
      'appointment.starts_at',
      'appointment.ends_at',
      'appointment.person_name',
      'appointment.service_id',
      'appointment.location_id',
      'location.time_zone',
      'service_text.name as service_name',
    ])
    .where('appointment.location_id', '=', location.id)
    .where('appointment.status', '=', 'booked')
    .where('appointment.personal_data_erased_at', 'is', null)
    .where('appointment.ends_at', '>', new Date(Math.max(clock.now().getTime(), spans[0]!.start)))
    .where('appointment.starts_at', '<', new Date(Math.max(...spans.map((s) => s.end))))
    .orderBy('appointment.starts_at')
    .execute();
  const impact: ClosureImpact[] = [];
  for (const span of spans) {
    const appointments = booked
      .filter((a) => a.starts_at.getTime() < span.end && a.ends_at.getTime() > span.start)
      .map((a) => ({ ...a, service_name: a.service_name ?? '' }));
    if (appointments.length > 0) impact.push({ period: span.period, appointments });
  }
  return impact;
}

/** Whether the appointment is (still) booked into one of the location's upcoming closed times. */
export async function isHitByClosure(db: Database, clock: Clock, location: ClosureLocation, appointmentId: string): Promise<boolean> {
  return (await closureImpact(db, clock, location)).some((i) => i.appointments.some((a) => a.id === appointmentId));
}
