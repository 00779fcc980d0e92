import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';

export type WalkInSpan = { weekday: number; opens: string; closes: string };

export function walkInHoursAt(db: Database, locationId: string) {
  return db.selectFrom('location_opening_hours').selectAll().where('location_id', '=', locationId).orderBy('weekday').orderBy('opens').execute();
}

export function insertWalkInHours(trx: Transaction<DB>, locationId: string, span: WalkInSpan) {
  return trx
    .insertInto('location_opening_hours')
    .values({ location_id: locationId, ...span })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteWalkInHoursRow(trx: Transaction<DB>, locationId: string, at: { weekday: number; opens: string }) {
  return trx
    .deleteFrom('location_opening_hours')
    .where('location_id', '=', locationId)
    .where('weekday', '=', at.weekday)
    .where('opens', '=', at.opens)
    .returningAll()
    .executeTakeFirst();
}
