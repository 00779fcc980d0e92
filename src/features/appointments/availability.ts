import { Temporal } from 'temporal-polyfill';

/**
 * Free start times, as a pure function of the clerks' hours, their absences and bookings and the
 * bookings of the resource a service needs. Everything the office means by "07:30" is local time
 * in the location's zone; everything compared is an instant (epoch milliseconds).
 *
 * DST: a day is split into pieces of constant UTC offset at its zone transitions (Temporal finds
 * them). Candidate starts are stepped in real time inside a piece and kept when their local
 * wall-clock minute lies on the service's grid. So a local time that does not exist (02:30 on the
 * last Sunday of March) is never produced, and the repeated hour in October yields two distinct
 * instants, each shown with its own offset — no slot is missing or offered twice.
 */

export type Channel = 'online' | 'staff';

/** [start, end) in epoch milliseconds. */
export type Interval = { start: number; end: number };

export type WeeklyHours = { weekday: number; starts: string; ends: string; validFrom: string | null; validUntil: string | null };
export type DayHours = { day: string; starts: string; ends: string };

export type ClerkSchedule = {
  staffId: string;
  /** Weekly template at this location (ISO weekday 1 = Monday). */
  weekly: readonly WeeklyHours[];
  /** Dated exceptions at this location: on a day that has any, they replace the template. */
  overrides: readonly DayHours[];
  /** Absences and appointments anywhere (a clerk cannot be at two places); any order, may overlap. */
  busy: readonly Interval[];
};

export type ResourceSchedule = { resourceId: string; busy: readonly Interval[] };

export type BookingRules = {
  durationMinutes: number;
  slotMinutes: number;
  minLeadMinutes: number;
  maxDaysAhead: number;
  /** "HH:MM[:SS]": online callers see today's slots only from then on. */
  sameDayRelease: string | null;
  requiresResource: boolean;
};

export type AvailabilityInput = {
  timeZone: string;
  rules: BookingRules;
  /** Inclusive local dates, YYYY-MM-DD. */
  from: string;
  to: string;
  now: number;
  channel: Channel;
  clerks: readonly ClerkSchedule[];
  resources: readonly ResourceSchedule[];
};

export type DayAvailability = { date: string; starts: string[] };

/** Staff may place appointments further out than citizens, but not beyond a year. */
export const staffMaxDaysAhead = 366;

export type BookingWindow = {
  today: string;
  earliest: number;
  lastDate: string;
  /** Today's slots are still held back for online callers (same-day release not reached). */
  todayHeld: boolean;
};

export function bookingWindow(timeZone: string, rules: BookingRules, now: number, channel: Channel): BookingWindow {
  const today = localDateOf(now, timeZone);
  const online = channel === 'online';
  const maxDays = online ? rules.maxDaysAhead : Math.max(rules.maxDaysAhead, staffMaxDaysAhead);
  const todayHeld = online && rules.sameDayRelease !== null && wallClockMs(now, zoneDay(timeZone, today)) < timeOfDayMs(rules.sameDayRelease);
  return {
    today,
    earliest: online ? now + rules.minLeadMinutes * 60_000 : now,
    lastDate: addDays(today, maxDays),
    todayHeld,
  };
}

/** Free starts per local day in [from, to], as ISO 8601 with the offset valid at that instant. */
export function freeStartsByDay(input: AvailabilityInput): DayAvailability[] {
  const window = bookingWindow(input.timeZone, input.rules, input.now, input.channel);
  const prepared = prepare(input);
  const durationMs = input.rules.durationMinutes * 60_000;
  const result: DayAvailability[] = [];
  for (const date of datesBetween(input.from, input.to)) {
    if (!isInWindow(date, window)) {
      result.push({ date, starts: [] });
      continue;
    }
    const day = zoneDay(input.timeZone, date);
    // Only whether a start is free matters here, not who is free for it: one flag per minute of the day.
    const dayStart = day.pieces[0]!.start;
    const free = new Uint8Array(Math.ceil((day.pieces.at(-1)!.end - dayStart) / 60_000));
    forEachFreeStart(input, prepared, day, window.earliest, (t) => {
      free[(t - dayStart) / 60_000] = 1;
    });
    const starts: string[] = [];
    for (let minute = 0; minute < free.length; minute++) {
      if (free[minute] === 0) continue;
      const t = dayStart + minute * 60_000;
      if (input.rules.requiresResource && !prepared.resources.some((r) => isFree(r.busy, t, t + durationMs))) continue;
      starts.push(formatInstant(t, day));
    }
    result.push({ date, starts });
  }
  return result;
}

export type SlotCheck =
  | { kind: 'free'; clerkIds: string[]; resourceIds: string[]; end: number; date: string }
  | { kind: 'off_grid' }
  | { kind: 'outside_window'; window: BookingWindow; date: string }
  | { kind: 'taken' };

/** Whether `start` is a bookable slot, and which clerks (and resources) are free for it. */
export function checkSlot(input: Omit<AvailabilityInput, 'from' | 'to'>, start: number): SlotCheck {
  const date = localDateOf(start, input.timeZone);
  const day = zoneDay(input.timeZone, date);
  const piece = day.pieces.find((p) => start >= p.start && start < p.end);
  const slotMs = input.rules.slotMinutes * 60_000;
  if (!piece || (piece.localStartMs + (start - piece.start)) % slotMs !== 0) return { kind: 'off_grid' };
  const window = bookingWindow(input.timeZone, input.rules, input.now, input.channel);
  if (!isInWindow(date, window) || start < window.earliest) return { kind: 'outside_window', window, date };
  const end = start + input.rules.durationMinutes * 60_000;
  const prepared = prepare({ ...input, from: date, to: date }, preparedSchedules);
  const clerkIds = clerksFreeFor(prepared, day, start, end);
  const resourceIds = input.rules.requiresResource ? prepared.resources.filter((r) => isFree(r.busy, start, end)).map((r) => r.resourceId) : [];
  if (clerkIds.length === 0 || (input.rules.requiresResource && resourceIds.length === 0)) return { kind: 'taken' };
  return { kind: 'free', clerkIds, resourceIds, end, date };
}

/**
 * The clerks free for all of [start, end) within one stretch of their hours that day. The start
 * is known to be on the grid and in the window; this is what walking the day's grid
 * (forEachFreeStart) finds for that one instant, without building the day's free intervals.
 */
function clerksFreeFor(prepared: Prepared, day: ZoneDay, start: number, end: number): string[] {
  const ids: string[] = [];
  for (const clerk of prepared.clerks) {
    for (const h of hoursOn(clerk, day)) {
      if (start >= day.instantOf(h.starts) && end <= day.instantOf(h.ends) && isFree(clerk.busy, start, end)) {
        ids.push(clerk.schedule.staffId);
        break;
      }
    }
  }
  return ids;
}

function isInWindow(date: string, window: BookingWindow): boolean {
  if (date < window.today || date > window.lastDate) return false;
  return !(date === window.today && window.todayHeld);
}

type PreparedClerk = {
  schedule: ClerkSchedule;
  busy: Interval[];
  /** Overrides by day; the weekly template by ISO weekday (index 1–7). */
  overridesByDay: Map<string, DayHours[]>;
  weeklyByWeekday: WeeklyHours[][];
};
type Prepared = { clerks: PreparedClerk[]; resources: { resourceId: string; busy: Interval[] }[] };

/**
 * A booking checks its start against the schedule kept in memory (find-slot.ts): the same clerk
 * objects every time until the schedule changes, so their preparation is kept with them.
 * Availability builds new clerk objects per request (with their bookings) and does not use this.
 */
const preparedSchedules = new WeakMap<ClerkSchedule, PreparedClerk>();

function prepare(input: AvailabilityInput, kept?: WeakMap<ClerkSchedule, PreparedClerk>): Prepared {
  return {
    clerks: input.clerks.map((schedule) => {
      const known = kept?.get(schedule);
      if (known) return known;
      const overridesByDay = new Map<string, DayHours[]>();
      for (const o of schedule.overrides) overridesByDay.set(o.day, [...(overridesByDay.get(o.day) ?? []), o]);
      const weeklyByWeekday: WeeklyHours[][] = [[], [], [], [], [], [], [], []];
      for (const w of schedule.weekly) weeklyByWeekday[w.weekday]?.push(w);
      const clerk = { schedule, busy: mergeIntervals(schedule.busy), overridesByDay, weeklyByWeekday };
      kept?.set(schedule, clerk);
      return clerk;
    }),
    resources: input.resources.map((r) => ({ resourceId: r.resourceId, busy: mergeIntervals(r.busy) })),
  };
}

/** The clerk's working hours on the day: its overrides, or the weekly template valid then. */
function hoursOn(clerk: PreparedClerk, day: ZoneDay): readonly { starts: string; ends: string }[] {
  const overrides = clerk.overridesByDay.get(day.date);
  if (overrides) return overrides;
  const weekly = clerk.weeklyByWeekday[day.weekday] ?? [];
  let allValid = true;
  for (const w of weekly) if ((w.validFrom !== null && w.validFrom > day.date) || (w.validUntil !== null && w.validUntil < day.date)) allValid = false;
  return allValid ? weekly : weekly.filter((w) => (w.validFrom === null || w.validFrom <= day.date) && (w.validUntil === null || w.validUntil >= day.date));
}

/**
 * Calls `found` for every start on the grid from `earliest` on at which a clerk is free for the
 * whole duration, once per clerk.
 */
function forEachFreeStart(input: AvailabilityInput, prepared: Prepared, day: ZoneDay, earliest: number, found: (start: number, staffId: string) => void): void {
  const { durationMinutes, slotMinutes } = input.rules;
  const durationMs = durationMinutes * 60_000;
  const slotMs = slotMinutes * 60_000;
  for (const clerk of prepared.clerks) {
    const hours = hoursOn(clerk, day);
    for (const h of hours) {
      const workStart = day.instantOf(h.starts);
      const workEnd = day.instantOf(h.ends);
      for (const free of subtract({ start: Math.max(workStart, earliest), end: workEnd }, clerk.busy)) {
        for (const piece of day.pieces) {
          const lo = Math.max(free.start, piece.start);
          const hi = Math.min(free.end - durationMs, piece.end - 1);
          if (lo > hi) continue;
          const local = piece.localStartMs + (lo - piece.start);
          for (let t = lo + (Math.ceil(local / slotMs) * slotMs - local); t <= hi; t += slotMs) found(t, clerk.schedule.staffId);
        }
      }
    }
  }
}

/**
 * Sorted, disjoint union of intervals. Bookings usually arrive sorted; then nothing is copied or
 * sorted, and an input interval is reused as it is unless it has to be widened (inputs are never
 * changed: they may be shared by cached bookings).
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  let sorted = true;
  for (let i = 1; i < intervals.length && sorted; i++) sorted = intervals[i]!.start >= intervals[i - 1]!.start;
  const list = sorted ? intervals : [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of list) {
    if (i.start >= i.end) continue;
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) merged[merged.length - 1] = { start: last.start, end: i.end };
    } else merged.push(i);
  }
  return merged;
}

/** Index of the first merged interval ending after `t`. */
function firstEndingAfter(busy: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (busy[mid]!.end > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function isFree(busy: readonly Interval[], start: number, end: number): boolean {
  const next = busy[firstEndingAfter(busy, start)];
  return next === undefined || next.start >= end;
}

/** `range` minus the merged `busy` intervals. */
function subtract(range: Interval, busy: readonly Interval[]): Interval[] {
  const free: Interval[] = [];
  let cursor = range.start;
  for (let i = firstEndingAfter(busy, cursor); i < busy.length && cursor < range.end; i++) {
    const b = busy[i]!;
    if (b.start >= range.end) break;
    if (b.start > cursor) free.push({ start: cursor, end: b.start });
    cursor = Math.max(cursor, b.end);
  }
  if (cursor < range.end) free.push({ start: cursor, end: range.end });
  return free;
}

/** A stretch of a local day with one UTC offset. localStartMs: wall-clock ms since local midnight. */
type Piece = { start: number; end: number; localStartMs: number; offsetMs: number /** "+01:00" */; offset: string };

type ZoneDay = { date: string; weekday: number; pieces: Piece[]; instantOf(time: string): number };

const zoneDayCache = new Map<string, ZoneDay>();

/** The instants of a local day and its offset pieces, from the zone rules (cached: rules do not change at run time). */
export function zoneDay(timeZone: string, date: string): ZoneDay {
  const key = `${timeZone}|${date}`;
  const cached = zoneDayCache.get(key);
  if (cached) return cached;
  const plainDate = Temporal.PlainDate.from(date);
  const first = plainDate.toZonedDateTime({ timeZone });
  const dayEnd = plainDate.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  const pieces: Piece[] = [];
  let cursor: Temporal.ZonedDateTime | null = first;
  while (cursor && cursor.epochMilliseconds < dayEnd) {
    const transition: Temporal.ZonedDateTime | null = cursor.getTimeZoneTransition('next');
    const end: number = transition && transition.epochMilliseconds < dayEnd ? transition.epochMilliseconds : dayEnd;
    const localStartMs = ((cursor.hour * 60 + cursor.minute) * 60 + cursor.second) * 1000 + cursor.millisecond;
    pieces.push({ start: cursor.epochMilliseconds, end, localStartMs, offsetMs: cursor.offsetNanoseconds / 1e6, offset: cursor.offset });
    cursor = end < dayEnd ? transition : null;
  }
  const times = new Map<string, number>();
  const day: ZoneDay = {
    date,
    weekday: plainDate.dayOfWeek,
    pieces,
    instantOf(time) {
      let t = times.get(time);
      if (t === undefined) {
        // A working-hour boundary inside a skipped hour moves forward to the first real instant.
        t = plainDate.toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
        times.set(time, t);
      }
      return t;
    },
  };
  if (zoneDayCache.size > 20_000) zoneDayCache.clear();
  zoneDayCache.set(key, day);
  return day;
}

/** ISO 8601 with the offset of the piece the instant lies in (the offset itself comes from the zone rules). */
function formatInstant(t: number, day: ZoneDay): string {
  const piece = pieceAt(day, t);
  return new Date(t + piece.offsetMs).toISOString().slice(0, 19) + piece.offset;
}

/** The piece of the day that holds `t` (the last one for its end). */
function pieceAt(day: ZoneDay, t: number): Piece {
  for (const p of day.pieces) if (t >= p.start && t < p.end) return p;
  return day.pieces[day.pieces.length - 1]!;
}

export function formatInZone(t: number, timeZone: string): string {
  return formatInstant(t, zoneDay(timeZone, localDateOf(t, timeZone)));
}

const dayMs = 86_400_000;
// Where a date is a plain YYYY-MM-DD (Date's ISO form); outside, Temporal answers.
const plainYears = { from: Date.UTC(1000, 0, 2), to: Date.UTC(9999, 11, 30) };

/**
 * The local date of an instant: the local day (from the cached zone days) among the instant's UTC
 * date and its neighbours that holds it. Offsets are under a day, so one of the three does: the
 * UTC date's own, or the neighbour on the side the instant lies.
 * Building a ZonedDateTime for this was a visible share of a booking's CPU.
 */
export function localDateOf(t: number, timeZone: string): string {
  if (t >= plainYears.from && t <= plainYears.to) {
    const utc = new Date(t).toISOString().slice(0, 10);
    const pieces = zoneDay(timeZone, utc).pieces;
    if (t >= pieces[0]!.start && t < pieces[pieces.length - 1]!.end) return utc;
    const neighbour = addDays(utc, t < pieces[0]!.start ? -1 : 1);
    const other = zoneDay(timeZone, neighbour).pieces;
    if (t >= other[0]!.start && t < other[other.length - 1]!.end) return neighbour;
  }
  return Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** A plain date `days` later (or earlier); calendar arithmetic, no time zone involved. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(date) + days * dayMs;
  return t >= plainYears.from && t <= plainYears.to ? new Date(t).toISOString().slice(0, 10) : Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Wall-clock milliseconds since local midnight of the day that holds `t`. */
function wallClockMs(t: number, day: ZoneDay): number {
  const piece = pieceAt(day, t);
  return piece.localStartMs + (t - piece.start);
}

/** "HH:MM[:SS]" as milliseconds since midnight. */
function timeOfDayMs(time: string): number {
  const [h = 0, m = 0, sec = 0] = time.split(':').map(Number);
  return ((h * 60 + m) * 60 + sec) * 1000;
}

export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  let d = Temporal.PlainDate.from(from);
  const last = Temporal.PlainDate.from(to);
  while (Temporal.PlainDate.compare(d, last) <= 0) {
    dates.push(d.toString());
    d = d.add({ days: 1 });
  }
  return dates;
}
