import { sql } from 'kysely';
import { announce } from '../../platform/events/live-events.ts';
import { lockKey, type Db, type Trx } from './front-desk-store.ts';

/**
 * What is stored and announced for one call: no names, no personal data, and no text: the
 * display layer (display-texts.ts) says it in German and the visitor's language.
 */
export type CallFacts = {
  number: string;
  counter: string;
  kind: 'call' | 'recall';
  at: string;
  /** The visitor's language; missing on calls stored before 2026-12-06, which carry their `texts`. */
  language?: string;
  texts?: { lang: string; dir: 'ltr' | 'rtl'; text: string }[];
};

export type DisplayEvent = { id: number; call: CallFacts };

/**
 * Stores a call for the displays and announces it. The per-location lock makes event ids
 * follow commit order within a location, so resuming "after id N" never skips a call.
 * Called as the last statement of the transaction to keep the lock short.
 */
export async function recordCall(
  trx: Trx,
  input: { locationId: string; ticketId: string; number: string; counter: string; language: string; kind: 'call' | 'recall'; at: Date },
): Promise<DisplayEvent> {
  await lockKey(trx, `display-events:${input.locationId}`);
  const call: CallFacts = { number: input.number, counter: input.counter, kind: input.kind, at: input.at.toISOString(), language: input.language };
  const row = await trx
    .insertInto('display_event')
    .values({ location_id: input.locationId, kind: input.kind, ticket_id: input.ticketId, payload: JSON.stringify(call) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await announce(trx, { topic: input.locationId, type: 'call', id, data: call });
  return { id, call };
}

/** Tells desks and reception of a location that their lists changed (they fetch them anew). */
export async function announceQueueChange(trx: Trx, locationId: string, reason: string): Promise<void> {
  await announce(trx, { topic: locationId, type: 'queue', data: { reason } });
}

/** Calls after `afterId` (resume), or the latest `limit` calls for a fresh display. */
export async function displayEventsSince(db: Db, locationId: string, afterId: number | null, limit = 200): Promise<DisplayEvent[]> {
  if (afterId === null) {
    const rows = await sql<{ id: string; payload: CallFacts }>`
      SELECT id, payload FROM (
        SELECT id, payload FROM display_event WHERE location_id = ${locationId} ORDER BY id DESC LIMIT ${limit}
      ) latest ORDER BY id`.execute(db);
    return rows.rows.map((row) => ({ id: Number(row.id), call: row.payload }));
  }
  const rows = await db
    .selectFrom('display_event')
    .select(['id', 'payload'])
    .where('location_id', '=', locationId)
    .where('id', '>', String(afterId))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: Number(row.id), call: row.payload as unknown as CallFacts }));
}
