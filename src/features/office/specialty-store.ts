import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';

/** The columns of a specialty an administrator edits; the routing rule as JSON text or null. */
export type SpecialtyColumns = { name: string; slug: string; queue_prefix: string; sort_order: number; routing_rule: string | null };

export function allSpecialties(db: Database) {
  return db.selectFrom('specialty').selectAll().orderBy('sort_order').orderBy('name').execute();
}

export function specialtyById(db: Database, id: string) {
  return db.selectFrom('specialty').selectAll().where('id', '=', id).executeTakeFirst();
}

export function specialtyChoices(db: Database) {
  return db.selectFrom('specialty').select(['id', 'name']).orderBy('sort_order').orderBy('name').execute();
}

export function insertSpecialty(trx: Transaction<DB>, columns: SpecialtyColumns) {
  return trx.insertInto('specialty').values(columns).returningAll().executeTakeFirstOrThrow();
}

export function lockSpecialty(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('specialty').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateSpecialtyRow(trx: Transaction<DB>, id: string, columns: SpecialtyColumns) {
  return trx.updateTable('specialty').set(columns).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
