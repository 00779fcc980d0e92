import type { Database } from '../../db/database.ts';
import { addDays, zoneDay, type Interval } from './availability.ts';
import { isFederalState, publicHolidaysBetween, type FederalState, type PublicHoliday } from './public-holidays.ts';

/**
 * A time in which a location is closed for every clerk and resource: a public holiday of its
 * federal state (the whole day) or a closure an administrator entered (a whole day, or a time
 * range on one day; local times in the location's zone).
 */
export type ClosedPeriod =
  | { kind: 'holiday'; date: string; starts: null; ends: null; holiday: PublicHoliday }
  | { kind: 'closure'; date: string; starts: string | null; ends: string | null; id: string; reason: string };

export type ClosureRow = { id: string; day: string; starts: string | null; ends: string | null; reason: string };

/** "HH:MM" of a time column ("24:00" is the end of the day). */
export const hhmm = (time: string): string => time.slice(0, 5);

/** The holidays and closures with a date in [from, to], by date (a holiday before a closure on the same day). */
export function closedPeriods(state: string | null, closures: readonly ClosureRow[], from: string, to: string): ClosedPeriod[] {
  const known: FederalState | null = state !== null && isFederalState(state) ? state : null;
  const periods: ClosedPeriod[] = [
    ...publicHolidaysBetween(known, from, to).map((holiday) => ({ kind: 'holiday' as const, date: holiday.date, starts: null, ends: null, holiday })),
    ...closures
      .filter((c) => c.day >= from && c.day <= to)
      .map((c) => ({
        kind: 'closure' as const,
        date: c.day,
        starts: c.starts === null ? null : hhmm(c.starts),
        ends: c.ends === null ? null : hhmm(c.ends),
        id: c.id,
        reason: c.reason,
      })),
  ];
  return periods.sort(
    (a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? (a.starts ?? '').localeCompare(b.starts ?? '') : a.kind === 'holiday' ? -1 : 1),
  );
}

/** The instants a period covers in the location's zone. */
export function closedInterval(timeZone: string, period: Pick<ClosedPeriod, 'date' | 'starts' | 'ends'>): Interval {
  const day = zoneDay(timeZone, period.date);
  const dayEnd = day.pieces.at(-1)!.end;
  const start = period.starts === null ? day.pieces[0]!.start : day.instantOf(period.starts);
  const end = period.ends === null || period.ends.startsWith('24:') ? dayEnd : day.instantOf(period.ends);
  return { start, end };
}

/**
 * How far ahead a loaded schedule knows holidays: staff book up to a year ahead, and a schedule
 * may stay in memory for a long time when nothing changes.
 */
export const holidayHorizonDays = 3 * 366;

/** The closed instants of a location from `today` − 2 days on (the schedule's margin), sorted. */
export function closedIntervals(timeZone: string, state: string | null, closures: readonly ClosureRow[], today: string): Interval[] {
  return closedPeriods(state, closures, addDays(today, -2), addDays(today, holidayHorizonDays))
    .map((p) => closedInterval(timeZone, p))
    .sort((a, b) => a.start - b.start);
}

/** A location's closures from `from` on, as stored. */
export async function loadClosures(db: Database, locationId: string, from: string): Promise<ClosureRow[]> {
  return db
    .selectFrom('location_closure')
    .select(['id', 'day', 'starts', 'ends', 'reason'])
    .where('location_id', '=', locationId)
    .where('day', '>=', from)
    .orderBy('day')
    .orderBy('starts')
    .execute();
}
