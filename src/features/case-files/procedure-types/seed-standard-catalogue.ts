import type { Database } from '../../../db/database.ts';
import { insertProcedureStatus } from './procedure-type-store.ts';
import { standardProcedureTypes, standardStatuses } from './standard-statuses.ts';

/** Loads the standard procedure types with the shared status set (demo office, tests); skips codes that exist. */
export async function seedStandardCatalogue(trx: Database, now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const t of standardProcedureTypes) {
    const row = await trx
      .insertInto('procedure_type')
      .values({ code: t.code, name_de: t.nameDe, name_en: t.nameEn, legal_basis: t.legalBasis, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) continue;
    ids.set(t.code, row.id);
    for (const s of standardStatuses)
      await insertProcedureStatus(trx, { typeId: row.id, code: s.code, isFinal: s.isFinal, notify: s.notify, texts: s.texts }, now);
  }
  return ids;
}
