import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { offeredService, type OfferedService } from './appointment-store.ts';
import { localDateOf, type ClerkSchedule, type DayHours, type Interval, type WeeklyHours } from './availability.ts';
import { closedIntervals, type ClosureRow } from './closures.ts';

/** A service as offered at the location, with the active clerks there who are qualified for it. */
export type ScheduledService = OfferedService & { clerkIds: readonly string[] };

/**
 * What availability is computed from at one location, except the bookings: services and their
 * rules, the clerks' hours there and their absences (as `busy`), the location's closed times, the
 * resources by kind. It changes rarely, so Lotse keeps it in memory (ScheduleCache); `version` is
 * schedule_version at loading.
 */
export type LocationSchedule = {
  version: string;
  locationId: string;
  timeZone: string;
  services: ReadonlyMap<string, ScheduledService>;
  clerks: ReadonlyMap<string, ClerkSchedule>;
  resourcesByKind: ReadonlyMap<string, readonly string[]>;
  /**
   * Public holidays and the office's closures: closed for every clerk and resource. Kept once,
   * not copied into each clerk's `busy`: a booking refuses a closed start before it looks at
   * clerks (find-slot.ts), so the copies only lengthened every clerk's look-up; availability adds
   * them to each clerk (get-availability.ts).
   */
  closed: readonly Interval[];
};

type ServiceJson = {
  id: string;
  duration_minutes: number;
  slot_minutes: number;
  min_lead_minutes: number;
  max_days_ahead: number;
  same_day_release: string | null;
  required_resource_kind: string | null;
  online_bookable: boolean;
  clerks: string[];
};

type ClerkJson = {
  id: string;
  weekly: [number, string, string, string | null, string | null][];
  overrides: [string, string, string][];
  absences: [number, number][];
};

type Row = {
  version: string;
  time_zone: string;
  federal_state: string | null;
  services: ServiceJson[];
  clerks: ClerkJson[];
  resources: [string, string][];
  closures: ClosureRow[];
};

/**
 * Loads a location's schedule in one statement (one snapshot, so the version belongs to exactly
 * this content). Past overrides, expired weekly hours and past absences are left out; a day of
 * margin keeps every zone's "today" covered. `asOf` is the office clock's now, never the database's. undefined for an unknown or inactive location.
 */
export async function loadLocationSchedule(db: Database, locationId: string, asOf: Date): Promise<LocationSchedule | undefined> {
  const { rows } = await locationScheduleQuery(locationId, asOf).execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return toSchedule(locationId, row, asOf);
}

/** The statement behind loadLocationSchedule (tests look at its plan). */
export function locationScheduleQuery(locationId: string, asOf: Date) {
  return sql<Row>`/* prepared:location_schedule */
    WITH at AS (SELECT ${asOf.toISOString()}::timestamptz AS now)
    SELECT sv.version::text AS version, l.time_zone, l.federal_state,
      (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'id', s.id, 'duration_minutes', s.duration_minutes, 'slot_minutes', s.slot_minutes,
                'min_lead_minutes', s.min_lead_minutes, 'max_days_ahead', s.max_days_ahead,
                -- A lottery service (docs/lottery.md) releases what its draw left over 5 minutes after its window.
                'same_day_release', (s.same_day_release + make_interval(mins => coalesce(s.same_day_lottery_minutes + 5, 0)))::text,
                'required_resource_kind', s.required_resource_kind,
                'online_bookable', s.online_bookable,
                'clerks', (SELECT coalesce(jsonb_agg(DISTINCT st.id), '[]')
                             FROM service_specialty sp
                             JOIN staff_specialty ss ON ss.specialty_id = sp.specialty_id
                             JOIN staff st ON st.id = ss.staff_id AND st.active
                             JOIN staff_location stl ON stl.staff_id = st.id AND stl.location_id = l.id
                            WHERE sp.service_id = s.id))), '[]')
         FROM service s JOIN service_location sl ON sl.service_id = s.id AND sl.location_id = l.id
        WHERE s.active) AS services,
      (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'id', st.id,
                'weekly', (SELECT coalesce(jsonb_agg(jsonb_build_array(wh.weekday, wh.starts::text, wh.ends::text, wh.valid_from::text, wh.valid_until::text)), '[]')
                             FROM working_hours wh
                            WHERE wh.staff_id = st.id AND wh.location_id = l.id AND (wh.valid_until IS NULL OR wh.valid_until >= (at.now AT TIME ZONE l.time_zone)::date - 2)),
                'overrides', (SELECT coalesce(jsonb_agg(jsonb_build_array(o.day::text, o.starts::text, o.ends::text)), '[]')
                                FROM working_day_override o
                               WHERE o.staff_id = st.id AND o.location_id = l.id AND o.day >= (at.now AT TIME ZONE l.time_zone)::date - 2),
                'absences', (SELECT coalesce(jsonb_agg(jsonb_build_array(
                                       extract(epoch FROM coalesce(lower(ab.during), '2000-01-01'::timestamptz)) * 1000,
                                       extract(epoch FROM coalesce(upper(ab.during), '2200-01-01'::timestamptz)) * 1000)), '[]')
                               FROM absence ab
                              WHERE ab.staff_id = st.id AND coalesce(upper(ab.during), 'infinity') > at.now - interval '2 days'))), '[]')
         FROM staff st JOIN staff_location stl ON stl.staff_id = st.id AND stl.location_id = l.id
        WHERE st.active) AS clerks,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(r.id, r.kind)), '[]') FROM resource r WHERE r.location_id = l.id AND r.active) AS resources,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'day', c.day::text, 'starts', c.starts::text, 'ends', c.ends::text, 'reason', c.reason)), '[]')
         FROM location_closure c WHERE c.location_id = l.id AND c.day >= (at.now AT TIME ZONE l.time_zone)::date - 2) AS closures
    FROM location l CROSS JOIN schedule_version sv CROSS JOIN at
    WHERE l.id = ${locationId} AND l.active
  `;
}

function toSchedule(locationId: string, row: Row, asOf: Date): LocationSchedule {
  const services = new Map<string, ScheduledService>();
  for (const s of row.services) {
    services.set(s.id, { ...offeredService(s.id, locationId, row.time_zone, s), clerkIds: [...s.clerks].sort() });
  }
  const closed = closedIntervals(row.time_zone, row.federal_state, row.closures, localDateOf(asOf.getTime(), row.time_zone));
  const clerks = new Map<string, ClerkSchedule>();
  for (const c of row.clerks) {
    const weekly: WeeklyHours[] = c.weekly.map(([weekday, starts, ends, validFrom, validUntil]) => ({ weekday, starts, ends, validFrom, validUntil }));
    const overrides: DayHours[] = c.overrides.map(([day, starts, ends]) => ({ day, starts, ends }));
    const busy: Interval[] = c.absences.map(([start, end]) => ({ start: Math.floor(start), end: Math.ceil(end) }));
    clerks.set(c.id, { staffId: c.id, weekly, overrides, busy });
  }
  const resourcesByKind = new Map<string, string[]>();
  for (const [id, kind] of row.resources) resourcesByKind.set(kind, [...(resourcesByKind.get(kind) ?? []), id].sort());
  return { version: row.version, locationId, timeZone: row.time_zone, services, clerks, resourcesByKind, closed };
}

/** The current schedule_version (a refusal by a cached schedule is checked against it). */
export async function readScheduleVersion(db: Database): Promise<string> {
  const { rows } = await sql<{ version: string }>`/* prepared:schedule_version */ SELECT version::text AS version FROM schedule_version`.execute(db);
  return rows[0]!.version;
}

/** The id of the service or location with this slug (the API accepts either), undefined when there is none. */
export async function findIdBySlug(db: Database, table: 'service' | 'location', slug: string): Promise<string | undefined> {
  return (await db.selectFrom(table).select('id').where('slug', '=', slug.toLowerCase()).executeTakeFirst())?.id;
}
