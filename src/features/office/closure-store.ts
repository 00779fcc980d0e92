import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';

export type ClosureColumns = {
  location_id: string;
  day: string;
  starts: string | null;
  ends: string | null;
  reason: string;
  created_by: string;
  created_at: Date;
};

export function insertClosure(trx: Transaction<DB>, columns: ClosureColumns) {
  return trx.insertInto('location_closure').values(columns).returningAll().executeTakeFirstOrThrow();
}

export function deleteClosureRow(trx: Transaction<DB>, locationId: string, closureId: string) {
  return trx.deleteFrom('location_closure').where('id', '=', closureId).where('location_id', '=', locationId).returningAll().executeTakeFirst();
}
