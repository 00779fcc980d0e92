import { sql, type Insertable, type Selectable } from 'kysely';
import type { Appointment } from '../../db/schema.generated.ts';
import { preparedMarker, type Database } from '../../db/database.ts';
import type { BookingRules, Interval } from './availability.ts';

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

type BookingsRow = { k: 'v' | 'b' | 'r'; id: string | null; v: string | null; t: Buffer | null };

export type BookingsQuery = {
  locationId: string;
  clerkIds: readonly string[];
  resourceIds: readonly string[];
  from: Date;
  to: Date;
  /** Online callers: cancellations after this instant still hold their time (re-release delay). */
  heldSince: Date | null;
  exceptAppointmentId?: string | undefined;
};

/**
 * The bookings of the given clerks (at any location: a clerk cannot be at two places) and
 * resources over [from, to), with schedule_version from the same snapshot. For 60 days of a busy
 * office that is tens of thousands of intervals, so each clerk's come back as one bytea of
 * timestamptz pairs in PostgreSQL's binary form (timestamptz_send, 8 bytes each): converting each
 * to text cost PostgreSQL more than reading them (docs/performance.md). Unsorted: the pure
 * computation merges and sorts them anyway.
 */
export async function loadBookings(db: Database, query: BookingsQuery): Promise<{ version: string; clerks: Map<string, Interval[]>; resources: Map<string, Interval[]> }> {
  const except = query.exceptAppointmentId ?? '00000000-0000-0000-0000-000000000000';
  const overlapping = (column: 'staff_id' | 'resource_id', id: string) => sql`
    SELECT a.starts_at AS lo, a.ends_at AS hi FROM appointment a
     WHERE ${sql.ref(`a.${column}`)} = ${sql.ref(id)} AND a.status <> 'cancelled' AND a.id <> ${except}::uuid
       AND a.starts_at < ${query.to} AND a.starts_at > ${query.from}::timestamptz - interval '1 day' AND a.ends_at > ${query.from}
    UNION ALL
    SELECT a.starts_at, a.ends_at FROM appointment a
     WHERE ${query.heldSince}::timestamptz IS NOT NULL AND a.location_id = ${query.locationId} AND a.status = 'cancelled'
       AND a.cancelled_at > ${query.heldSince} AND ${sql.ref(`a.${column}`)} = ${sql.ref(id)} AND a.starts_at < ${query.to} AND a.ends_at > ${query.from}`;
  const { rows } = await sql<BookingsRow>`/* prepared:load_bookings */
    SELECT 'v' AS k, NULL::uuid AS id, version::text AS v, NULL::bytea AS t FROM schedule_version
    UNION ALL
    SELECT 'b', c.id, NULL, busy.t FROM unnest(${query.clerkIds}::uuid[]) AS c(id) CROSS JOIN LATERAL (
      SELECT string_agg(timestamptz_send(u.lo) || timestamptz_send(u.hi), ''::bytea) AS t FROM (${overlapping('staff_id', 'c.id')}) u
    ) busy
    UNION ALL
    SELECT 'r', r.id, NULL, busy.t FROM unnest(${query.resourceIds}::uuid[]) AS r(id) CROSS JOIN LATERAL (
      SELECT string_agg(timestamptz_send(u.lo) || timestamptz_send(u.hi), ''::bytea) AS t FROM (${overlapping('resource_id', 'r.id')}) u
    ) busy
  `.execute(db);
  let version = '';
  const clerks = new Map<string, Interval[]>();
  const resources = new Map<string, Interval[]>();
  for (const row of rows) {
    if (row.k === 'v') version = row.v!;
    else if (row.k === 'b') clerks.set(row.id!, intervalsOf(row.t));
    else resources.set(row.id!, intervalsOf(row.t));
  }
  return { version, clerks, resources };
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

/** PostgreSQL gave up one of two transactions waiting on each other (e.g. two overlapping bookings). */
export function isDeadlock(error: unknown): boolean {
  return (error as { code?: string })?.code === '40P01';
}
