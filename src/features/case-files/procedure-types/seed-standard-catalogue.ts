import type { Database } from '../../../db/database.ts';
import { insertProcedureStatus } from './procedure-type-store.ts';
import { standardProcedureTypes, standardStatuses } from './standard-statuses.ts';

/**
 * Loads the standard procedure types with the shared status set (demo office, tests). A type that
 * exists keeps its statuses and texts; statuses added to the standard set later (issue 14's
 * appointment, eAT and decision statuses) are appended to it. Returns the types it created.
 */
export async function seedStandardCatalogue(trx: Database, now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const t of standardProcedureTypes) {
    const row = await trx
      .insertInto('procedure_type')
      .values({ code: t.code, name_de: t.nameDe, name_en: t.nameEn, legal_basis: t.legalBasis, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) ids.set(t.code, row.id);
    const typeId = row?.id ?? (await trx.selectFrom('procedure_type').select('id').where('code', '=', t.code).executeTakeFirstOrThrow()).id;
    const existing = new Set((await trx.selectFrom('procedure_status').select('code').where('procedure_type_id', '=', typeId).execute()).map((s) => s.code));
    for (const s of standardStatuses) {
      if (existing.has(s.code)) continue;
      await insertProcedureStatus(trx, { typeId, code: s.code, isFinal: s.isFinal, notify: s.notify, texts: s.texts }, now);
    }
  }
  return ids;
}
