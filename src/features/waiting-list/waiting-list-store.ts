import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';

export type EntryStatus = 'pending' | 'waiting' | 'offered' | 'booked' | 'left' | 'lapsed';
export type OfferStatus = 'open' | 'accepted' | 'declined' | 'expired';

/** What the person chose: ISO weekdays (1 = Monday) and local minutes of the day [from, until). */
export type Acceptable = { weekdays: number[]; fromMinute: number; untilMinute: number };

export type EntryRow = {
  id: string;
  service_id: string;
  location_id: string;
  status: EntryStatus;
  person_name: string | null;
  date_of_birth: string | null;
  email: string | null;
  language: string;
  weekdays: number[];
  from_minute: number;
  until_minute: number;
  place: string | null;
};

const entryColumns = [
  'id',
  'service_id',
  'location_id',
  'status',
  'person_name',
  'date_of_birth',
  'email',
  'language',
  'weekdays',
  'from_minute',
  'until_minute',
  'place',
] as const;

export async function findEntryByToken(db: Database, tokenHash: string, options: { lock?: boolean } = {}): Promise<EntryRow | undefined> {
  let query = db.selectFrom('waiting_list_entry').select(entryColumns).where('token_hash', '=', tokenHash);
  if (options.lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) as EntryRow | undefined;
}

export async function findOpenEntryOf(db: Database, serviceId: string, emailNormalized: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('waiting_list_entry')
    .select('id')
    .where('service_id', '=', serviceId)
    .where('email_normalized', '=', emailNormalized)
    .where('status', 'in', ['pending', 'waiting', 'offered'])
    .executeTakeFirst();
}

/** Ends an entry: its person's data goes (the check in the migration insists), its figures stay. */
export async function endEntry(trx: Transaction<DB>, entryId: string, status: 'booked' | 'left' | 'lapsed', now: Date): Promise<boolean> {
  const ended = await trx
    .updateTable('waiting_list_entry')
    .set({ status, ended_at: now, person_name: null, date_of_birth: null, email: null, email_normalized: null })
    .where('id', '=', entryId)
    .where('status', 'in', ['pending', 'waiting', 'offered'])
    .executeTakeFirst();
  return ended.numUpdatedRows > 0n;
}

/** An entry whose offer was declined waits again at its old place. */
export async function backInLine(trx: Transaction<DB>, entryId: string): Promise<void> {
  await trx.updateTable('waiting_list_entry').set({ status: 'waiting' }).where('id', '=', entryId).where('status', '=', 'offered').execute();
}

/** The entry takes its place in line: the next number of the sequence. */
export async function confirmPlace(trx: Transaction<DB>, entryId: string, now: Date): Promise<void> {
  await trx
    .updateTable('waiting_list_entry')
    .set({ status: 'waiting', confirmed_at: now, place: sql<string>`nextval('waiting_list_place')` })
    .where('id', '=', entryId)
    .execute();
}

/** Position in line: 1 + entries still waiting (or holding an offer) for the same service and location with an earlier place. */
export async function positionOf(db: Database, entry: { service_id: string; location_id: string; place: string }): Promise<number> {
  const { rows } = await sql<{ ahead: number }>`
    SELECT count(*)::int AS ahead FROM waiting_list_entry
     WHERE service_id = ${entry.service_id} AND location_id = ${entry.location_id} AND status IN ('waiting', 'offered')
       AND place < ${entry.place}::bigint`.execute(db);
  return rows[0]!.ahead + 1;
}

export type OfferRow = {
  id: string;
  entry_id: string;
  appointment_id: string;
  service_id: string;
  location_id: string;
  starts_at: Date;
  status: OfferStatus;
  expires_at: Date;
};

const offerColumns = ['id', 'entry_id', 'appointment_id', 'service_id', 'location_id', 'starts_at', 'status', 'expires_at'] as const;

export async function findOfferByToken(db: Database, tokenHash: string, options: { lock?: boolean } = {}): Promise<OfferRow | undefined> {
  let query = db.selectFrom('waiting_list_offer').select(offerColumns).where('token_hash', '=', tokenHash);
  if (options.lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) as OfferRow | undefined;
}

export async function lockOffer(trx: Transaction<DB>, offerId: string): Promise<OfferRow | undefined> {
  return (await trx.selectFrom('waiting_list_offer').select(offerColumns).where('id', '=', offerId).forUpdate().executeTakeFirst()) as OfferRow | undefined;
}

export async function openOfferOfEntry(db: Database, entryId: string): Promise<OfferRow | undefined> {
  return (await db.selectFrom('waiting_list_offer').select(offerColumns).where('entry_id', '=', entryId).where('status', '=', 'open').executeTakeFirst()) as
    | OfferRow
    | undefined;
}

export async function endOffer(trx: Transaction<DB>, offerId: string, status: Exclude<OfferStatus, 'open'>, now: Date): Promise<void> {
  await trx.updateTable('waiting_list_offer').set({ status, ended_at: now }).where('id', '=', offerId).where('status', '=', 'open').execute();
}

/** The services at a location that have people waiting (what a freed time there may be offered for). */
export async function servicesWithWaitingEntries(db: Database, locationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('waiting_list_entry')
    .select('service_id')
    .distinct()
    .where('location_id', '=', locationId)
    .where('status', '=', 'waiting')
    .execute();
  return rows.map((r) => r.service_id);
}

/** Who waits for this service here, first come first: with the starts each was already offered (not to offer them again). */
export async function waitingQueue(trx: Transaction<DB>, serviceId: string, locationId: string) {
  const { rows } = await sql<EntryRow & { offered_starts: Date[] }>`
    SELECT e.id, e.service_id, e.location_id, e.status, e.person_name, e.date_of_birth::text AS date_of_birth, e.email, e.language,
           e.weekdays, e.from_minute, e.until_minute, e.place,
           coalesce((SELECT array_agg(o.starts_at) FROM waiting_list_offer o WHERE o.entry_id = e.id), '{}') AS offered_starts
      FROM waiting_list_entry e
     WHERE e.service_id = ${serviceId} AND e.location_id = ${locationId} AND e.status = 'waiting'
     ORDER BY e.place
       FOR UPDATE OF e SKIP LOCKED`.execute(trx);
  return rows;
}

/** Whether the schedule changed since the list last looked (and remembers that it looked now): one statement, so one instance sees each change. */
export async function scheduleChangedSinceLastLook(db: Database): Promise<boolean> {
  const { rows } = await sql<{ changed: number }>`
    UPDATE waiting_list_schedule_seen w SET version = s.version FROM schedule_version s
     WHERE w.id = 1 AND w.version <> s.version RETURNING 1 AS changed`.execute(db);
  return rows.length > 0;
}

/** Locations where someone is waiting. */
export async function locationsWithWaitingEntries(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('waiting_list_entry').select('location_id').distinct().where('status', '=', 'waiting').execute();
  return rows.map((r) => r.location_id);
}
