import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';

export function letterheadRow(db: Database, locationId: string) {
  return db
    .selectFrom('location')
    .leftJoin('location_letterhead as h', 'h.location_id', 'location.id')
    .select(['location.id', 'location.name', 'location.address', 'h.authority', 'h.contact_lines', 'h.return_address', 'h.signature_lines'])
    .where('location.id', '=', locationId)
    .executeTakeFirst();
}

export type LetterheadColumns = { authority: string; contact_lines: string[]; return_address: string; signature_lines: string[] };

export function upsertLetterhead(trx: Transaction<DB>, locationId: string, columns: LetterheadColumns, by: string, at: Date) {
  const values = { ...columns, updated_at: at, updated_by: by };
  return trx
    .insertInto('location_letterhead')
    .values({ location_id: locationId, ...values })
    .onConflict((oc) => oc.column('location_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}
