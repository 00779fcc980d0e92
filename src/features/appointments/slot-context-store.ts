import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ClerkSchedule, Interval, ResourceSchedule } from './availability.ts';
import type { OfferedService } from './appointment-store.ts';

export type SlotContext = { offered: OfferedService; clerks: ClerkSchedule[]; resources: ResourceSchedule[] };

type Row = {
  k: 's' | 'w' | 'o' | 'b' | 'r';
  id: string | null;
  n: number | null;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  s: number[] | null;
  e: number[] | null;
  j: {
    duration_minutes: number;
    slot_minutes: number;
    min_lead_minutes: number;
    max_days_ahead: number;
    same_day_release: string | null;
    required_resource_kind: string | null;
    online_bookable: boolean;
    time_zone: string;
  } | null;
};

/**
 * What booking one start needs, in one round trip (the hot path of booking): the service's
 * rules and location zone, the qualified clerks' hours on that local day, and only the bookings
 * and absences that overlap [start, start + duration) — a slot is free or not by those alone.
 * The local day and weekday come from PostgreSQL's zone rules (AT TIME ZONE), the same tz data.
 * undefined when the service is unknown, inactive or not offered at the location.
 */
export async function loadSlotContext(
  db: Database,
  query: { serviceId: string; locationId: string; start: Date; staffId?: string | undefined; exceptAppointmentId?: string | undefined },
): Promise<SlotContext | undefined> {
  const pinned = query.staffId ?? null;
  const except = query.exceptAppointmentId ?? '00000000-0000-0000-0000-000000000000';
  const { rows } = await sql<Row>`/* prepared:slot_context */
    WITH svc AS (
      SELECT s.duration_minutes, s.slot_minutes, s.min_lead_minutes, s.max_days_ahead, s.same_day_release::text AS same_day_release,
             s.required_resource_kind, s.online_bookable, l.time_zone,
             (${query.start}::timestamptz AT TIME ZONE l.time_zone) AS local_start
        FROM service s
        JOIN service_location sl ON sl.service_id = s.id AND sl.location_id = ${query.locationId}
        JOIN location l ON l.id = sl.location_id AND l.active
       WHERE s.id = ${query.serviceId} AND s.active
    ),
    win AS (
      SELECT ${query.start}::timestamptz AS lo,
             ${query.start}::timestamptz + make_interval(mins => svc.duration_minutes) AS hi,
             svc.local_start::date AS day,
             extract(isodow FROM svc.local_start)::int AS weekday,
             svc.required_resource_kind
        FROM svc
    ),
    clerk AS (
      SELECT DISTINCT st.id FROM staff st
      JOIN staff_location sl ON sl.staff_id = st.id AND sl.location_id = ${query.locationId}
      JOIN staff_specialty ss ON ss.staff_id = st.id
      JOIN service_specialty sv ON sv.specialty_id = ss.specialty_id AND sv.service_id = ${query.serviceId}
      WHERE st.active AND (${pinned}::uuid IS NULL OR st.id = ${pinned}::uuid) AND EXISTS (SELECT 1 FROM svc)
    )
    SELECT 's' AS k, NULL::uuid AS id, NULL::int AS n, NULL AS a, NULL AS b, NULL AS c, NULL AS d, NULL::float8[] AS s, NULL::float8[] AS e,
           jsonb_build_object('duration_minutes', duration_minutes, 'slot_minutes', slot_minutes, 'min_lead_minutes', min_lead_minutes,
             'max_days_ahead', max_days_ahead, 'same_day_release', same_day_release, 'required_resource_kind', required_resource_kind,
             'online_bookable', online_bookable, 'time_zone', time_zone) AS j
      FROM svc
    UNION ALL
    SELECT 'w', wh.staff_id, wh.weekday::int, wh.starts::text, wh.ends::text, wh.valid_from::text, wh.valid_until::text, NULL, NULL, NULL
      FROM working_hours wh JOIN clerk ON clerk.id = wh.staff_id CROSS JOIN win
     WHERE wh.location_id = ${query.locationId} AND wh.weekday = win.weekday
       AND (wh.valid_from IS NULL OR wh.valid_from <= win.day) AND (wh.valid_until IS NULL OR wh.valid_until >= win.day)
    UNION ALL
    SELECT 'o', o.staff_id, NULL, o.starts::text, o.ends::text, o.day::text, NULL, NULL, NULL, NULL
      FROM working_day_override o JOIN clerk ON clerk.id = o.staff_id CROSS JOIN win
     WHERE o.location_id = ${query.locationId} AND o.day = win.day
    UNION ALL
    SELECT 'b', clerk.id, NULL, NULL, NULL, NULL, NULL, busy.s, busy.e, NULL
      FROM clerk CROSS JOIN win CROSS JOIN LATERAL (
        SELECT array_agg(u.st) AS s, array_agg(u.en) AS e FROM (
          SELECT (extract(epoch FROM a.starts_at) * 1000)::float8 AS st, (extract(epoch FROM a.ends_at) * 1000)::float8 AS en
            FROM appointment a
           WHERE a.staff_id = clerk.id AND a.status <> 'cancelled' AND a.id <> ${except}::uuid
             AND a.starts_at < win.hi AND a.starts_at > win.lo - interval '1 day' AND a.ends_at > win.lo
          UNION ALL
          SELECT (extract(epoch FROM greatest(lower(ab.during), win.lo)) * 1000)::float8, (extract(epoch FROM least(upper(ab.during), win.hi)) * 1000)::float8
            FROM absence ab
           WHERE ab.staff_id = clerk.id AND ab.during && tstzrange(win.lo, win.hi)
        ) u
      ) busy
    UNION ALL
    SELECT 'r', r.id, NULL, NULL, NULL, NULL, NULL, busy.s, busy.e, NULL
      FROM win JOIN resource r ON r.location_id = ${query.locationId} AND r.active AND r.kind = win.required_resource_kind
      CROSS JOIN LATERAL (
        SELECT array_agg((extract(epoch FROM a.starts_at) * 1000)::float8) AS s, array_agg((extract(epoch FROM a.ends_at) * 1000)::float8) AS e
          FROM appointment a
         WHERE a.resource_id = r.id AND a.status <> 'cancelled' AND a.id <> ${except}::uuid
           AND a.starts_at < win.hi AND a.starts_at > win.lo - interval '1 day' AND a.ends_at > win.lo
      ) busy
  `.execute(db);

  const service = rows.find((r) => r.k === 's')?.j;
  if (!service) return undefined;
  const clerks = new Map<string, { staffId: string; weekly: ClerkSchedule['weekly'][number][]; overrides: ClerkSchedule['overrides'][number][]; busy: Interval[] }>();
  const clerkOf = (id: string) => {
    let c = clerks.get(id);
    if (!c) clerks.set(id, (c = { staffId: id, weekly: [], overrides: [], busy: [] }));
    return c;
  };
  const resources: ResourceSchedule[] = [];
  for (const row of rows) {
    if (row.k === 'w') clerkOf(row.id!).weekly.push({ weekday: row.n!, starts: row.a!, ends: row.b!, validFrom: row.c, validUntil: row.d });
    else if (row.k === 'o') clerkOf(row.id!).overrides.push({ day: row.c!, starts: row.a!, ends: row.b! });
    else if (row.k === 'b') clerkOf(row.id!).busy = intervalsOf(row.s, row.e);
    else if (row.k === 'r') resources.push({ resourceId: row.id!, busy: intervalsOf(row.s, row.e) });
  }
  return {
    offered: {
      serviceId: query.serviceId,
      locationId: query.locationId,
      timeZone: service.time_zone,
      onlineBookable: service.online_bookable,
      requiredResourceKind: service.required_resource_kind,
      rules: {
        durationMinutes: service.duration_minutes,
        slotMinutes: service.slot_minutes,
        minLeadMinutes: service.min_lead_minutes,
        maxDaysAhead: service.max_days_ahead,
        sameDayRelease: service.same_day_release,
        requiresResource: service.required_resource_kind !== null,
      },
    },
    clerks: [...clerks.values()],
    resources,
  };
}

function intervalsOf(starts: number[] | null, ends: number[] | null): Interval[] {
  if (!starts || !ends) return [];
  return starts.map((start, i) => ({ start, end: ends[i]! }));
}
