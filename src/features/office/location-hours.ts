import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { closedPeriods, hhmm, loadClosures } from '../appointments/index.ts';

export type Span = { weekday: number; from: string; until: string };

/** A day (or part of one) the location is closed, as a visitor needs to know it. */
export type VisitorClosure = { date: string; starts: string | null; ends: string | null; holiday: { key: string | null; germanName: string } | null };

export type LocationHours = {
  /** When visitors are seen without an appointment (location_opening_hours). */
  walkIn: Span[];
  /** When appointments take place: the union of the bookable clerks' weekly hours, per weekday. */
  appointments: Span[];
  /** Holidays and closures in the coming weeks on days the location would otherwise be open. */
  closures: VisitorClosure[];
};

/** How far ahead visitors are told about closures. */
export const visitorClosureDays = 42;

/**
 * The hours a visitor needs, from the same data the engine books from, so the portal never
 * states times that contradict what is bookable: walk-in hours as entered, appointment times as
 * the clerks' hours make them, holidays and closures as they close the location.
 */
export async function locationHours(
  deps: { db: Database; clock: Clock },
  location: { id: string; timeZone: string; federalState: string | null },
): Promise<LocationHours> {
  const today = Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime()).toZonedDateTimeISO(location.timeZone).toPlainDate().toString();
  const until = Temporal.PlainDate.from(today).add({ days: visitorClosureDays }).toString();
  const [walkIn, clerkHours, closures] = await Promise.all([
    deps.db
      .selectFrom('location_opening_hours')
      .select(['weekday', 'opens', 'closes'])
      .where('location_id', '=', location.id)
      .orderBy('weekday')
      .orderBy('opens')
      .execute(),
    // The clerks the engine offers: active, at the location, qualified for an active service offered there.
    deps.db
      .selectFrom('working_hours as wh')
      .innerJoin('staff as st', 'st.id', 'wh.staff_id')
      .select(['wh.weekday', 'wh.starts', 'wh.ends'])
      .where('wh.location_id', '=', location.id)
      .where('st.active', '=', true)
      .where((eb) => eb.or([eb('wh.valid_until', 'is', null), eb('wh.valid_until', '>=', today)]))
      .where((eb) => eb.or([eb('wh.valid_from', 'is', null), eb('wh.valid_from', '<=', until)]))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('staff_specialty as ss')
            .innerJoin('service_specialty as sp', 'sp.specialty_id', 'ss.specialty_id')
            .innerJoin('service as s', 's.id', 'sp.service_id')
            .innerJoin('service_location as sl', 'sl.service_id', 's.id')
            .innerJoin('staff_location as stl', (join) => join.onRef('stl.staff_id', '=', 'ss.staff_id').onRef('stl.location_id', '=', 'sl.location_id'))
            .select('ss.staff_id')
            .whereRef('ss.staff_id', '=', 'wh.staff_id')
            .whereRef('sl.location_id', '=', 'wh.location_id')
            .where('s.active', '=', true),
        ),
      )
      .execute(),
    loadClosures(deps.db, location.id, today),
  ]);
  const walkInSpans = walkIn.map((h) => ({ weekday: h.weekday, from: hhmm(h.opens), until: hhmm(h.closes) }));
  const appointmentSpans = unionByWeekday(clerkHours.map((h) => ({ weekday: h.weekday, from: hhmm(h.starts), until: hhmm(h.ends) })));
  const openWeekdays = new Set([...walkInSpans, ...appointmentSpans].map((s) => s.weekday));
  const visitorClosures = closedPeriods(location.federalState, closures, today, until)
    .filter((p) => openWeekdays.has(Temporal.PlainDate.from(p.date).dayOfWeek))
    .map((p) => ({
      date: p.date,
      starts: p.starts,
      ends: p.ends,
      holiday: p.kind === 'holiday' ? { key: p.holiday.key, germanName: p.holiday.germanName } : null,
    }));
  return { walkIn: walkInSpans, appointments: appointmentSpans, closures: visitorClosures };
}

/** Overlapping or touching spans of a weekday joined into one, by weekday and time. */
export function unionByWeekday(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  const result: Span[] = [];
  for (const s of sorted) {
    const last = result.at(-1);
    if (last && last.weekday === s.weekday && s.from <= last.until) {
      if (s.until > last.until) last.until = s.until;
    } else result.push({ ...s });
  }
  return result;
}
