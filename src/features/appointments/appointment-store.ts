import { sql, type Insertable, type Selectable } from 'kysely';
import type { Appointment } from '../../db/schema.generated.ts';
import type { Database } from '../../db/database.ts';
import type { BookingRules } from './availability.ts';

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
  return row ? offeredService(serviceId, locationId, row.time_zone, row) : undefined;
}

/** A service's booking rules from its columns (here and in the schedule read by schedule-store.ts). */
export function offeredService(
  serviceId: string,
  locationId: string,
  timeZone: string,
  row: {
    duration_minutes: number;
    slot_minutes: number;
    min_lead_minutes: number;
    max_days_ahead: number;
    same_day_release: string | null;
    required_resource_kind: string | null;
    online_bookable: boolean;
  },
): OfferedService {
  return {
    serviceId,
    locationId,
    timeZone,
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

/** An appointment as the engine reads it: the columns of `appointmentColumns`. */
export type AppointmentRow = Pick<Selectable<Appointment>, (typeof appointmentColumns)[number]>;

export const appointmentColumns = [
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

/** The location of an appointment (to authorize staff at that location), undefined when there is none. */
export async function findAppointmentLocationId(db: Database, id: string): Promise<string | undefined> {
  return (await db.selectFrom('appointment').select('location_id').where('id', '=', id).executeTakeFirst())?.location_id;
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
    | 'code'
    | 'manage_secret_hash'
    | 'manage_secret_sealed'
    | 'service_id'
    | 'location_id'
    | 'staff_id'
    | 'resource_id'
    | 'starts_at'
    | 'ends_at'
    | 'person_name'
    | 'date_of_birth'
    | 'email'
    | 'email_normalized'
    | 'phone'
    | 'language'
    | 'created_by_staff_id'
    | 'idempotency_key'
  >
> & { created_by: 'online' | 'staff' };

/** A checked-in appointment ends (completed or no-show); any other status stays. Says whether it changed. */
export async function endCheckedInAppointment(db: Database, id: string, status: 'completed' | 'no_show', now: Date): Promise<boolean> {
  const changed = await db
    .updateTable('appointment')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'checked_in')
    .executeTakeFirst();
  return changed.numUpdatedRows > 0n;
}

/**
 * Moves a booked appointment in one statement: the exclusion constraints check the new time against
 * everyone else. A reserved one (an invitation) moved by its person is thereby accepted: booked.
 */
export async function moveAppointment(
  db: Database,
  id: string,
  to: { staffId: string; resourceId: string | null; startsAt: Date; endsAt: Date; now: Date },
): Promise<AppointmentRow | undefined> {
  return db
    .updateTable('appointment')
    .set({
      staff_id: to.staffId,
      resource_id: to.resourceId,
      starts_at: to.startsAt,
      ends_at: to.endsAt,
      status: 'booked',
      rescheduled_at: to.now,
      updated_at: to.now,
    })
    .where('id', '=', id)
    .where('status', 'in', ['booked', 'reserved'])
    .returning(appointmentColumns)
    .executeTakeFirst();
}

export async function markCancelled(db: Database, id: string, now: Date): Promise<AppointmentRow | undefined> {
  return db
    .updateTable('appointment')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['booked', 'reserved'])
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

/**
 * A booking round lost a race and the next round may succeed: a concurrent booking took the chosen
 * clerk or resource first (then it is busy for the next round), the code was in use, or two
 * overlapping (not identical) slots of one clerk were booked at once and the other one won.
 */
export function isLostRace(error: unknown): boolean {
  const violated = violatedConstraint(error)?.constraint;
  return (
    violated === 'appointment_no_clerk_overlap' || violated === 'appointment_no_resource_overlap' || violated === 'appointment_code_key' || isDeadlock(error)
  );
}

/** PostgreSQL gave up one of two transactions waiting on each other (e.g. two overlapping bookings). */
export function isDeadlock(error: unknown): boolean {
  return (error as { code?: string })?.code === '40P01';
}
