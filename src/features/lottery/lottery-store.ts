import { sql, type Insertable } from 'kysely';
import type { LotteryEntry } from '../../db/schema.generated.ts';
import type { Database } from '../../db/database.ts';

/** One lottery: a service at a location on a day. */
export type LotteryKey = { serviceId: string; locationId: string; day: string };

export type EntryRow = {
  id: string;
  service_id: string;
  location_id: string;
  day: string;
  person_name: string;
  date_of_birth: string;
  email: string;
  phone: string | null;
  language: string;
  outcome: string;
  draw_rank: number | null;
  appointment_id: string | null;
  hold_until: Date | null;
  starts_at: Date | null;
};

/**
 * Entries and the draw of one lottery wait for each other: an entry takes the lottery's lock shared,
 * the draw exclusively. So an entry that checked the window a moment before it closed is either in
 * the draw's list or refused, never left undrawn.
 */
export async function lockLottery(trx: Database, key: LotteryKey, mode: 'entry' | 'draw'): Promise<void> {
  const name = `lottery:${key.serviceId}:${key.locationId}:${key.day}`;
  if (mode === 'entry') await sql`SELECT pg_advisory_xact_lock_shared(hashtextextended(${name}, 0))`.execute(trx);
  else await sql`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
}

export async function isDrawn(db: Database, key: LotteryKey): Promise<boolean> {
  const row = await db
    .selectFrom('lottery_draw')
    .select('id')
    .where('service_id', '=', key.serviceId)
    .where('location_id', '=', key.locationId)
    .where('day', '=', key.day)
    .executeTakeFirst();
  return row !== undefined;
}

/** The new entry's id, or undefined when this person (e-mail and date of birth) is entered for the service that day already. */
export async function insertEntry(db: Database, entry: Insertable<LotteryEntry>): Promise<string | undefined> {
  const row = await db
    .insertInto('lottery_entry')
    .values(entry)
    .onConflict((oc) => oc.columns(['service_id', 'day', 'email_normalized', 'date_of_birth']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

const entryColumns = [
  'e.id',
  'e.service_id',
  'e.location_id',
  'e.day',
  'e.person_name',
  'e.date_of_birth',
  'e.email',
  'e.phone',
  'e.language',
  'e.outcome',
  'e.draw_rank',
  'e.appointment_id',
  'e.hold_until',
  'a.starts_at',
] as const;

/** The entry behind a person's link; `forUpdate` locks it for a change. */
export async function entryByLink(db: Database, linkHash: string, forUpdate = false): Promise<EntryRow | undefined> {
  let query = db
    .selectFrom('lottery_entry as e')
    .leftJoin('appointment as a', 'a.id', 'e.appointment_id')
    .select(entryColumns)
    .where('e.link_hash', '=', linkHash);
  if (forUpdate) query = query.forUpdate('e');
  return query.executeTakeFirst();
}

/** The entries of one lottery in a fixed order (when they came, then id): the list the seed shuffles. */
export function entriesOf(db: Database, key: LotteryKey): Promise<EntryRow[]> {
  return db
    .selectFrom('lottery_entry as e')
    .leftJoin('appointment as a', 'a.id', 'e.appointment_id')
    .select(entryColumns)
    .where('e.service_id', '=', key.serviceId)
    .where('e.location_id', '=', key.locationId)
    .where('e.day', '=', key.day)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

/** Claims the draw of a lottery: the unique row decides, a second caller gets undefined. */
export async function claimDraw(db: Database, key: LotteryKey, draw: { seed: string; now: Date }): Promise<string | undefined> {
  const row = await db
    .insertInto('lottery_draw')
    .values({ service_id: key.serviceId, location_id: key.locationId, day: key.day, seed: draw.seed, drawn_at: draw.now, entrants: 0, times: 0, winners: 0 })
    .onConflict((oc) => oc.columns(['service_id', 'location_id', 'day']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function recordDrawFigures(db: Database, drawId: string, figures: { entrants: number; times: number; winners: number }): Promise<void> {
  await db.updateTable('lottery_draw').set(figures).where('id', '=', drawId).execute();
}

export async function markWon(db: Database, entryId: string, won: { rank: number; appointmentId: string; holdUntil: Date; now: Date }): Promise<void> {
  await db
    .updateTable('lottery_entry')
    .set({ outcome: 'won', draw_rank: won.rank, appointment_id: won.appointmentId, hold_until: won.holdUntil, decided_at: won.now })
    .where('id', '=', entryId)
    .execute();
}

export async function markLost(db: Database, entries: { id: string; rank: number }[], now: Date): Promise<void> {
  if (entries.length === 0) return;
  await sql`
    UPDATE lottery_entry e SET outcome = 'lost', draw_rank = v.rank, decided_at = ${now}
      FROM unnest(${entries.map((e) => e.id)}::uuid[], ${entries.map((e) => e.rank)}::int[]) AS v(id, rank)
     WHERE e.id = v.id`.execute(db);
}

/** A winner booked or let the hold run out: the entry says so and its draw counts it. */
export async function markOutcome(db: Database, entryId: string, outcome: 'booked' | 'expired', now: Date): Promise<void> {
  await sql`
    WITH changed AS (
      UPDATE lottery_entry SET outcome = ${outcome}, decided_at = ${now} WHERE id = ${entryId} AND outcome = 'won'
      RETURNING service_id, location_id, day)
    UPDATE lottery_draw d SET booked = d.booked + (${outcome} = 'booked')::int, expired = d.expired + (${outcome} = 'expired')::int
      FROM changed c WHERE d.service_id = c.service_id AND d.location_id = c.location_id AND d.day = c.day`.execute(db);
}

/** Winners whose hold ran out, locked (others' sweeps skip them). */
export function expiredHolds(db: Database, now: Date, limit: number) {
  return db
    .selectFrom('lottery_entry')
    .select(['id', 'appointment_id'])
    .where('outcome', '=', 'won')
    .where('hold_until', '<=', now)
    .orderBy('hold_until')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}
