import { sql, type Insertable, type Selectable } from 'kysely';
import type { Appointment } from '../../db/schema.generated.ts';
import { preparedMarker, type Database } from '../../db/database.ts';
import type { BookingRules, ClerkSchedule, Interval, ResourceSchedule } from './availability.ts';

/** A service as offered at one location, with what availability and booking need to know. */
export type OfferedService = {
  serviceId: string;
  locationId: string;
  timeZone: string;
  onlineBookable: boolean;
  requiredResourceKind: string | null;
  rules: BookingRules;
};

/** undefined when the service or location is unknown, inactive, or the service is not offered there. */
export async function findOfferedService(db: Database, serviceId: string, locationId: string): Promise<OfferedService | undefined> {
  const row = await db
    .selectFrom('service as s')
    .innerJoin('service_location as sl', 'sl.service_id', 's.id')
    .innerJoin('location as l', 'l.id', 'sl.location_id')
    .where('s.id', '=', serviceId)
    .where('l.id', '=', locationId)
    .where('s.active', '=', true)
    .where('l.active', '=', true)
    .select([
      's.duration_minutes',
      's.slot_minutes',
      's.min_lead_minutes',
      's.max_days_ahead',
      's.same_day_release',
      's.required_resource_kind',
      's.online_bookable',
      'l.time_zone',
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    serviceId,
    locationId,
    timeZone: row.time_zone,
    onlineBookable: row.online_bookable,
    requiredResourceKind: row.required_resource_kind,
    rules: {
      durationMinutes: row.duration_minutes,
      slotMinutes: row.slot_minutes,
      minLeadMinutes: row.min_lead_minutes,
      maxDaysAhead: row.max_days_ahead,
      sameDayRelease: row.same_day_release,
      requiresResource: row.required_resource_kind !== null,
    },
  };
}

type ScheduleRow = {
  k: 'w' | 'o' | 'b' | 'r';
  id: string;
  n: number | null;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  t: Buffer | null;
};

/**
 * Everything availability needs for one service at one location over [from, to), in one query:
 * the qualified clerks' weekly hours and dated overrides at this location, their appointments
 * (at any location) and absences, and the bookings of the resources of the required kind.
 * Busy times come back as one bytea per clerk or resource: pairs of timestamptz in PostgreSQL's
 * binary form (timestamptz_send, 8 bytes each). For 60 days of a busy office that is tens of
 * thousands of intervals, and converting each to text cost PostgreSQL more than reading them
 * (docs/performance.md); the pure computation merges and sorts them anyway.
 */
export async function loadSchedules(
  db: Database,
  offered: OfferedService,
  range: { from: Date; to: Date; firstDate: string; lastDate: string; staffId?: string | undefined; exceptAppointmentId?: string | undefined },
): Promise<{ clerks: ClerkSchedule[]; resources: ResourceSchedule[] }> {
  const pinned = range.staffId ?? null;
  // A rescheduled appointment must not block its own new time.
  const except = range.exceptAppointmentId ?? '00000000-0000-0000-0000-000000000000';
  const { rows } = await sql<ScheduleRow>`/* prepared:load_schedules */
    WITH clerk AS (
      SELECT DISTINCT st.id FROM staff st
      JOIN staff_location sl ON sl.staff_id = st.id AND sl.location_id = ${offered.locationId}
      JOIN staff_specialty ss ON ss.staff_id = st.id
      JOIN service_specialty sv ON sv.specialty_id = ss.specialty_id AND sv.service_id = ${offered.serviceId}
      WHERE st.active AND (${pinned}::uuid IS NULL OR st.id = ${pinned}::uuid)
    )
    SELECT 'w' AS k, wh.staff_id AS id, wh.weekday::int AS n, wh.starts::text AS a, wh.ends::text AS b,
           wh.valid_from::text AS c, wh.valid_until::text AS d, NULL::bytea AS t
      FROM working_hours wh JOIN clerk ON clerk.id = wh.staff_id
     WHERE wh.location_id = ${offered.locationId}
       AND (wh.valid_from IS NULL OR wh.valid_from <= ${range.lastDate}::date)
       AND (wh.valid_until IS NULL OR wh.valid_until >= ${range.firstDate}::date)
    UNION ALL
    SELECT 'o', o.staff_id, NULL, o.starts::text, o.ends::text, o.day::text, NULL, NULL
      FROM working_day_override o JOIN clerk ON clerk.id = o.staff_id
     WHERE o.location_id = ${offered.locationId} AND o.day BETWEEN ${range.firstDate}::date AND ${range.lastDate}::date
    UNION ALL
    SELECT 'b', clerk.id, NULL, NULL, NULL, NULL, NULL, busy.t
      FROM clerk CROSS JOIN LATERAL (
        SELECT string_agg(timestamptz_send(u.lo) || timestamptz_send(u.hi), ''::bytea ORDER BY u.lo) AS t
          FROM (
            SELECT a.starts_at AS lo, a.ends_at AS hi
              FROM appointment a
             WHERE a.staff_id = clerk.id AND a.status <> 'cancelled' AND a.id <> ${except}::uuid
               AND a.starts_at < ${range.to} AND a.starts_at > ${range.from}::timestamptz - interval '1 day' AND a.ends_at > ${range.from}
            UNION ALL
            SELECT greatest(lower(ab.during), ${range.from}::timestamptz), least(upper(ab.during), ${range.to}::timestamptz)
              FROM absence ab
             WHERE ab.staff_id = clerk.id AND ab.during && tstzrange(${range.from}, ${range.to})
          ) u
      ) busy
    UNION ALL
    SELECT 'r', r.id, NULL, NULL, NULL, NULL, NULL, busy.t
      FROM resource r CROSS JOIN LATERAL (
        SELECT string_agg(timestamptz_send(a.starts_at) || timestamptz_send(a.ends_at), ''::bytea ORDER BY a.starts_at) AS t
          FROM appointment a
         WHERE a.resource_id = r.id AND a.status <> 'cancelled' AND a.id <> ${except}::uuid
           AND a.starts_at < ${range.to} AND a.starts_at > ${range.from}::timestamptz - interval '1 day' AND a.ends_at > ${range.from}
      ) busy
     WHERE r.location_id = ${offered.locationId} AND r.active AND r.kind = ${offered.requiredResourceKind}
  `.execute(db);

  const clerks = new Map<string, ClerkSchedule & { weekly: ClerkSchedule['weekly'][number][]; overrides: ClerkSchedule['overrides'][number][] }>();
  const clerkOf = (id: string) => {
    let c = clerks.get(id);
    if (!c) {
      c = { staffId: id, weekly: [], overrides: [], busy: [] };
      clerks.set(id, c);
    }
    return c;
  };
  const resources: ResourceSchedule[] = [];
  for (const row of rows) {
    if (row.k === 'w') clerkOf(row.id).weekly.push({ weekday: row.n!, starts: row.a!, ends: row.b!, validFrom: row.c, validUntil: row.d });
    else if (row.k === 'o') clerkOf(row.id).overrides.push({ day: row.c!, starts: row.a!, ends: row.b! });
    else if (row.k === 'b') clerkOf(row.id).busy = intervalsOf(row.t);
    else resources.push({ resourceId: row.id, busy: intervalsOf(row.t) });
  }
  return { clerks: [...clerks.values()].sort((a, b) => (a.staffId < b.staffId ? -1 : 1)), resources };
}

/** PostgreSQL's binary timestamptz: microseconds since 2000-01-01T00:00:00Z, a big-endian int64. */
const postgresEpochMs = Date.UTC(2000, 0, 1);

function intervalsOf(pairs: Buffer | null): Interval[] {
  if (!pairs) return [];
  const result: Interval[] = new Array(pairs.length >> 4);
  // Sub-millisecond parts widen the busy interval, never narrow it.
  for (let i = 0; i < result.length; i++) result[i] = { start: postgresEpochMs + Math.floor(microsAt(pairs, i * 16) / 1000), end: postgresEpochMs + Math.ceil(microsAt(pairs, i * 16 + 8) / 1000) };
  return result;
}

function microsAt(buffer: Buffer, offset: number): number {
  // high word signed, low word unsigned: exact while |µs| < 2^53 (until the year 2285)
  return buffer.readInt32BE(offset) * 4294967296 + buffer.readUInt32BE(offset + 4);
}

/** An appointment as the engine reads it: the columns of `appointmentColumns`. */
export type AppointmentRow = Pick<Selectable<Appointment>, (typeof appointmentColumns)[number]>;

const appointmentColumns = [
  'id',
  'code',
  'manage_secret_hash',
  'manage_secret_sealed',
  'service_id',
  'location_id',
  'staff_id',
  'resource_id',
  'starts_at',
  'ends_at',
  'status',
  'person_name',
  'date_of_birth',
  'email',
  'email_normalized',
  'phone',
  'language',
  'created_by',
  'created_at',
  'cancelled_at',
] as const;

type WithZone = AppointmentRow & { time_zone: string };

function selectAppointmentWithZone(db: Database) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('location as l', 'l.id', 'a.location_id')
    .select(appointmentColumns.map((c) => `a.${c}` as const))
    .select('l.time_zone');
}

export async function findAppointmentByCode(db: Database, code: string): Promise<WithZone | undefined> {
  return selectAppointmentWithZone(db).where('a.code', '=', code).executeTakeFirst();
}

export async function findAppointmentById(db: Database, id: string): Promise<WithZone | undefined> {
  return selectAppointmentWithZone(db).where('a.id', '=', id).executeTakeFirst();
}

export async function findAppointmentByIdempotencyKey(db: Database, keyHash: string): Promise<WithZone | undefined> {
  return selectAppointmentWithZone(db).where('a.idempotency_key', '=', keyHash).executeTakeFirst();
}

/** The person's active appointment for a service (the one the unique index protects). */
export async function findActiveAppointmentOfPerson(
  db: Database,
  person: { serviceId: string; emailNormalized: string; dateOfBirth: string },
): Promise<AppointmentRow | undefined> {
  return db
    .selectFrom('appointment')
    .select(appointmentColumns)
    .where('service_id', '=', person.serviceId)
    .where('email_normalized', '=', person.emailNormalized)
    .where('date_of_birth', '=', person.dateOfBirth)
    .where('status', 'in', ['booked', 'checked_in'])
    .executeTakeFirst();
}

/** What a booking writes; the database fills in id, status and timestamps. */
export type NewAppointment = Required<
  Pick<
    Insertable<Appointment>,
    | 'code' | 'manage_secret_hash' | 'manage_secret_sealed' | 'service_id' | 'location_id' | 'staff_id' | 'resource_id'
    | 'starts_at' | 'ends_at' | 'person_name' | 'date_of_birth' | 'email' | 'email_normalized' | 'phone' | 'language'
    | 'created_by_staff_id' | 'idempotency_key'
  >
> & { created_by: 'online' | 'staff' };

export async function insertAppointment(db: Database, row: NewAppointment): Promise<AppointmentRow> {
  return db.insertInto('appointment').values(row).returning(appointmentColumns).modifyEnd(sql.raw(preparedMarker('insert_appointment'))).executeTakeFirstOrThrow();
}

/** Moves a booked appointment in one statement: the exclusion constraints check the new time against everyone else. */
export async function moveAppointment(
  db: Database,
  id: string,
  to: { staffId: string; resourceId: string | null; startsAt: Date; endsAt: Date; now: Date },
): Promise<AppointmentRow | undefined> {
  return db
    .updateTable('appointment')
    .set({ staff_id: to.staffId, resource_id: to.resourceId, starts_at: to.startsAt, ends_at: to.endsAt, rescheduled_at: to.now, updated_at: to.now })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .returning(appointmentColumns)
    .executeTakeFirst();
}

export async function markCancelled(db: Database, id: string, now: Date): Promise<AppointmentRow | undefined> {
  return db
    .updateTable('appointment')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .returning(appointmentColumns)
    .executeTakeFirst();
}

/**
 * Runs one write attempt that may violate a constraint. Inside a caller's transaction a failed
 * statement would abort the whole transaction, so the attempt gets its own savepoint there.
 */
export async function attempt<T>(db: Database, write: () => Promise<T>): Promise<T> {
  if (!db.isTransaction) return write();
  await sql`SAVEPOINT booking_attempt`.execute(db);
  try {
    const result = await write();
    await sql`RELEASE SAVEPOINT booking_attempt`.execute(db);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT booking_attempt`.execute(db);
    throw error;
  }
}

/** The constraint a PostgreSQL error violated, if it is one of ours. */
export function violatedConstraint(error: unknown): { kind: 'overlap' | 'unique'; constraint: string } | undefined {
  const e = error as { code?: string; constraint?: string };
  if (e?.code === '23P01' && e.constraint) return { kind: 'overlap', constraint: e.constraint };
  if (e?.code === '23505' && e.constraint) return { kind: 'unique', constraint: e.constraint };
  return undefined;
}
