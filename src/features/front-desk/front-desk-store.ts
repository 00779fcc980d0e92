import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import { defaultFrontDeskSettings, type FrontDeskSettings } from './check-in-window.ts';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

export type LocationRow = { id: string; slug: string; name: string; time_zone: string; federal_state: string | null };

const locationColumns = ['id', 'slug', 'name', 'time_zone', 'federal_state'] as const;

export async function findLocationBySlug(db: Db, slug: string): Promise<LocationRow> {
  const location = await db.selectFrom('location').select(locationColumns).where('slug', '=', slug.slice(0, 63)).where('active', '=', true).executeTakeFirst();
  if (!location) throw new AppError('not_found', 'There is no such location.');
  return location;
}

export async function findLocationById(db: Db, id: string): Promise<LocationRow> {
  const location = await db.selectFrom('location').select(locationColumns).where('id', '=', id).executeTakeFirst();
  if (!location) throw new AppError('not_found', 'There is no such location.');
  return location;
}

export async function loadSettings(db: Db, locationId: string): Promise<FrontDeskSettings> {
  const row = await db.selectFrom('front_desk_setting').selectAll().where('location_id', '=', locationId).executeTakeFirst();
  if (!row) return defaultFrontDeskSettings;
  return {
    checkInOpensMinutes: row.check_in_opens_minutes,
    checkInClosesMinutes: row.check_in_closes_minutes,
    queueOrder: row.queue_order as FrontDeskSettings['queueOrder'],
    priorityFirst: row.priority_first,
    maxRecalls: row.max_recalls,
  };
}

/** The locations a staff screen may switch between: the given ones, or (null) every active one. */
export async function locationNames(db: Db, ids: readonly string[] | null): Promise<{ id: string; name: string }[]> {
  if (ids !== null && ids.length === 0) return [];
  const query = db.selectFrom('location').select(['id', 'name']).orderBy('name');
  return (ids === null ? query.where('active', '=', true) : query.where('id', 'in', [...ids])).execute();
}

/** These locations with their time zones, by name. */
export async function locationsByIds(db: Db, ids: readonly string[]): Promise<LocationRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('location')
    .select(locationColumns)
    .where('id', 'in', [...ids])
    .orderBy('name')
    .execute();
}

export async function activeCounters(db: Db, locationId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('counter').select(['id', 'name']).where('location_id', '=', locationId).where('active', '=', true).orderBy('name').execute();
}

/** Every queue (specialty), e.g. as targets of a transfer. */
export async function allSpecialties(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('specialty').select(['id', 'name']).orderBy('sort_order').execute();
}

/** The counter of the ticket a staff member is calling or serving at a location, if any. */
export async function counterInUse(db: Db, staffId: string, locationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('ticket')
    .select('counter_id')
    .where('staff_id', '=', staffId)
    .where('location_id', '=', locationId)
    .where('status', 'in', ['called', 'in_service'])
    .executeTakeFirst();
  return row?.counter_id ?? null;
}

/** The active services offered at a location, named in `lang` (German where that text is missing). */
export async function servicesAt(db: Db, locationId: string, lang: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('service')
    .innerJoin('service_location', 'service_location.service_id', 'service.id')
    .leftJoin('service_text as own', (join) => join.onRef('own.service_id', '=', 'service.id').on('own.lang', '=', lang))
    .leftJoin('service_text as de', (join) => join.onRef('de.service_id', '=', 'service.id').on('de.lang', '=', 'de'))
    .select(['service.id', 'own.name as own_name', 'de.name as de_name'])
    .where('service_location.location_id', '=', locationId)
    .where('service.active', '=', true)
    .orderBy('service.sort_order')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.own_name ?? row.de_name ?? row.id }));
}

/** The next number of a queue prefix for the day: one atomic upsert, safe under concurrency. */
export async function nextTicketNumber(trx: Trx, locationId: string, day: string, prefix: string): Promise<number> {
  const row = await trx
    .insertInto('ticket_number_sequence')
    .values({ location_id: locationId, day, prefix, last_number: 1 })
    .onConflict((oc) => oc.columns(['location_id', 'day', 'prefix']).doUpdateSet({ last_number: sql`ticket_number_sequence.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow()
    .catch((error: { code?: string }) => {
      if (error.code === '23514') throw new AppError('conflict', `Queue ${prefix} has given out all 999 numbers today.`);
      throw error;
    });
  return row.last_number;
}

/** Serializes work on one key inside the transaction (released at commit or rollback). */
export async function lockKey(trx: Trx, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/** The appointments of a location's no-show tickets on a day. */
export async function noShowTicketAppointments(db: Db, locationId: string, day: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ticket')
    .select('appointment_id')
    .where('location_id', '=', locationId)
    .where('day', '=', day)
    .where('status', '=', 'no_show')
    .where('appointment_id', 'is not', null)
    .execute();
  return rows.flatMap((row) => (row.appointment_id ? [row.appointment_id] : []));
}

/** The tickets of these appointments (number and state), by appointment. */
export async function ticketsOfAppointments(db: Db, appointmentIds: readonly string[]): Promise<Map<string, { number: string | null; status: string }>> {
  if (appointmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ticket')
    .select(['appointment_id', 'display_number', 'status'])
    .where('appointment_id', 'in', [...appointmentIds])
    .execute();
  return new Map(rows.flatMap((row) => (row.appointment_id ? [[row.appointment_id, { number: row.display_number, status: row.status }] as const] : [])));
}

export type QueueCandidateRow = { specialty_id: string; routing_rule: unknown; sort_order: number; queue_prefix: string };

export async function queueCandidates(db: Db, serviceId: string): Promise<QueueCandidateRow[]> {
  return db
    .selectFrom('service_specialty')
    .innerJoin('specialty', 'specialty.id', 'service_specialty.specialty_id')
    .select(['specialty.id as specialty_id', 'specialty.routing_rule', 'specialty.sort_order', 'specialty.queue_prefix'])
    .where('service_specialty.service_id', '=', serviceId)
    .execute();
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** What a payment at the counter needs of a ticket: where, which service, which appointment, which language. */
export function ticketForPayment(db: Db, ticketId: string) {
  return db.selectFrom('ticket').select(['id', 'location_id', 'service_id', 'appointment_id', 'language']).where('id', '=', ticketId).executeTakeFirst();
}
