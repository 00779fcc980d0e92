import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { bookedAppointmentsDuring, type AffectedAppointment } from './affected-appointments.ts';
import { closedInterval, closedPeriods, loadClosures, type ClosedPeriod } from './closures.ts';

/** How far ahead the closure page looks for holidays, closures and the appointments they hit. */
export const closureHorizonDays = 366;

/** What the closure readers need of a location. */
type Located = { id: string; time_zone: string; federal_state: string | null };

/** The location's local date today. */
export function todayAt(clock: Clock, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(clock.now().getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Holidays and closures from today on, within the horizon. */
export async function upcomingClosedPeriods(db: Database, clock: Clock, location: Located, days = closureHorizonDays): Promise<ClosedPeriod[]> {
  const today = todayAt(clock, location.time_zone);
  const until = Temporal.PlainDate.from(today).add({ days }).toString();
  return closedPeriods(location.federal_state, await loadClosures(db, location.id, today), today, until);
}

export type ClosureImpact = { period: ClosedPeriod; appointments: AffectedAppointment[] };

/**
 * Booked appointments at the location that fall into an upcoming holiday or closure: booked
 * before the closure was entered, or before the location got its federal state.
 */
export async function closureImpact(db: Database, clock: Clock, location: Located): Promise<ClosureImpact[]> {
  const periods = await upcomingClosedPeriods(db, clock, location);
  if (periods.length === 0) return [];
  const spans = periods.map((period) => ({ period, ...closedInterval(location.time_zone, period) }));
  const booked = await bookedAppointmentsDuring(
    db,
    { locationId: location.id },
    { start: new Date(Math.max(clock.now().getTime(), spans[0]!.start)), end: new Date(Math.max(...spans.map((s) => s.end))) },
  );
  const impact: ClosureImpact[] = [];
  for (const span of spans) {
    const appointments = booked.filter((a) => a.starts_at.getTime() < span.end && a.ends_at.getTime() > span.start);
    if (appointments.length > 0) impact.push({ period: span.period, appointments });
  }
  return impact;
}

/** Whether the appointment is (still) booked into one of the location's upcoming closed times. */
export async function isHitByClosure(db: Database, clock: Clock, location: Located, appointmentId: string): Promise<boolean> {
  return (await closureImpact(db, clock, location)).some((i) => i.appointments.some((a) => a.id === appointmentId));
}
