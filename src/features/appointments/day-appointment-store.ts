import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * What the front desk reads of appointments (reception's list, the booking behind a ticket, the
 * day's figures). Personal data: the callers authorize and audit.
 */
export type DayAppointment = { id: string; code: string; personName: string; startsAt: Date; status: string; serviceName: string };

/**
 * A location's appointments starting in [from, to) that are not cancelled, held or erased, by
 * start; `search` matches name or code. A held time is an offer not yet accepted: nobody is coming.
 */
export async function appointmentsStartingBetween(
  db: Database,
  query: { locationId: string; from: Date; to: Date; search?: string | undefined; limit: number },
): Promise<DayAppointment[]> {
  let select = db
    .selectFrom('appointment')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
    .select([
      'appointment.id',
      'appointment.code',
      'appointment.person_name',
      'appointment.starts_at',
      'appointment.status',
      'service_text.name as service_name',
    ])
    .where('appointment.location_id', '=', query.locationId)
    .where('appointment.starts_at', '>=', query.from)
    .where('appointment.starts_at', '<', query.to)
    .where('appointment.status', 'not in', ['cancelled', 'held'])
    .where('appointment.person_name', 'is not', null);
  const term = query.search;
  if (term)
    select = select.where((eb) =>
      eb.or([eb('appointment.person_name', 'ilike', `%${term.replace(/[%_\\]/g, '\\$&')}%`), eb('appointment.code', '=', term.toUpperCase())]),
    );
  const rows = await select.orderBy('appointment.starts_at').limit(query.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    // The filter above excludes erased appointments; it says so to the types here.
    personName: row.person_name ?? '',
    startsAt: row.starts_at,
    status: row.status,
    serviceName: row.service_name ?? '',
  }));
}

/**
 * How many appointments a location has in [from, to) (as reception lists them: not cancelled or
 * held), and the next few from `now` on with time and service only, in one statement.
 */
export async function dayAppointmentOverview(
  db: Database,
  query: { locationId: string; from: Date; to: Date; now: Date; next: number },
): Promise<{ total: number; next: { startsAt: Date; serviceName: string }[] }> {
  const upcoming = sql<boolean>`appointment.starts_at >= ${query.now} AND appointment.status IN ('booked', 'reserved', 'checked_in')`;
  const rows = await db
    .selectFrom('appointment')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
    .select(['appointment.starts_at', 'service_text.name as service_name', upcoming.as('upcoming'), sql<string>`count(*) OVER ()`.as('total')])
    .where('appointment.location_id', '=', query.locationId)
    .where('appointment.starts_at', '>=', query.from)
    .where('appointment.starts_at', '<', query.to)
    .where('appointment.status', 'not in', ['cancelled', 'held'])
    .where('appointment.person_name', 'is not', null)
    // The window counts the whole day before the limit; the upcoming ones sort first.
    .orderBy(sql`${upcoming} DESC`)
    .orderBy('appointment.starts_at')
    .limit(query.next)
    .execute();
  return {
    total: Number(rows[0]?.total ?? 0),
    next: rows.filter((row) => row.upcoming).map((row) => ({ startsAt: row.starts_at, serviceName: row.service_name ?? '' })),
  };
}

export type BookingPersonData = {
  personName: string;
  dateOfBirth: string;
  email: string;
  phone: string | null;
  startsAt: Date;
  code: string;
  language: string;
};

/** The person and time of one appointment; undefined when there is none or its personal data was erased. */
export async function bookingPersonData(db: Database, appointmentId: string): Promise<BookingPersonData | undefined> {
  const row = await db
    .selectFrom('appointment')
    .select(['person_name', 'date_of_birth', 'email', 'phone', 'starts_at', 'code', 'language'])
    .where('id', '=', appointmentId)
    .executeTakeFirst();
  if (!row?.person_name) return undefined;
  return {
    personName: row.person_name,
    dateOfBirth: row.date_of_birth ?? '',
    email: row.email ?? '',
    phone: row.phone,
    startsAt: row.starts_at,
    code: row.code,
    language: row.language,
  };
}

/**
 * A location's appointments starting in [from, to) that were missed: marked as no-show, or still
 * booked after their end. `except` leaves out those counted elsewhere (a no-show ticket).
 */
export async function countMissedAppointments(
  db: Database,
  query: { locationId: string; from: Date; to: Date; now: Date; except: readonly string[] },
): Promise<number> {
  let select = db
    .selectFrom('appointment')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('location_id', '=', query.locationId)
    .where('starts_at', '>=', query.from)
    .where('starts_at', '<', query.to)
    .where((eb) => eb.or([eb('status', '=', 'no_show'), eb.and([eb('status', '=', 'booked'), eb('ends_at', '<', query.now)])]));
  if (query.except.length > 0) select = select.where('id', 'not in', [...query.except]);
  return Number((await select.executeTakeFirstOrThrow()).count);
}

/** Appointments missed between two instants (no-show, or still booked after their end), with their office day. */
export async function missedAppointmentsBetween(
  db: Database,
  query: { locationId: string; from: Date; to: Date; now: Date; timeZone: string },
): Promise<{ id: string; day: string }[]> {
  return db
    .selectFrom('appointment')
    .select(['id', sql<string>`to_char(starts_at AT TIME ZONE ${query.timeZone}, 'YYYY-MM-DD')`.as('day')])
    .where('location_id', '=', query.locationId)
    .where('starts_at', '>=', query.from)
    .where('starts_at', '<', query.to)
    .where((eb) => eb.or([eb('status', '=', 'no_show'), eb.and([eb('status', '=', 'booked'), eb('ends_at', '<', query.now)])]))
    .execute();
}

/** The code of an appointment (a repeated check-in answers with it), undefined when there is none. */
export async function appointmentCodeOf(db: Database, appointmentId: string): Promise<string | undefined> {
  return (await db.selectFrom('appointment').select('code').where('id', '=', appointmentId).executeTakeFirst())?.code;
}
