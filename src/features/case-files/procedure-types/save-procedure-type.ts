import { z } from 'zod';
import { AppError } from '../../../shared/app-error.ts';
import { authorizeChange, recordChange, type ChangeContext } from '../../staff/index.ts';
import type { CaseFileDeps } from '../case-file-deps.ts';
import { catalogueCode } from '../input-fields.ts';
import { pgError, validateInput } from '../validate-input.ts';

const schema = z.object({
  id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  basedOnVersion: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).optional()),
  code: catalogueCode,
  nameDe: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  legalBasis: z.preprocess((v) => (v === '' ? null : v), z.string().trim().min(1).max(100).nullable().default(null)),
  active: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
  serviceId: z.preprocess((v) => (v === '' ? null : v), z.uuid('Terminart wählen / choose a service').nullable().default(null)),
});

/** Creates a procedure type, or changes one based on the version the admin saw (409 otherwise). */
export async function saveProcedureType(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ id: string }> {
  const now = deps.clock.now();
  const t = validateInput(schema, input);
  await authorizeChange(deps, ctx, 'procedure_type.manage');
  const columns = { code: t.code, name_de: t.nameDe, name_en: t.nameEn, legal_basis: t.legalBasis, active: t.active, service_id: t.serviceId, updated_at: now };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (!t.id) {
        const row = await trx
          .insertInto('procedure_type')
          .values({ ...columns, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordChange(trx, deps.clock, ctx, { action: 'procedure_type.create', target: { type: 'procedure_type', id: row.id }, after: columns });
        return row;
      }
      if (t.basedOnVersion === undefined) throw new AppError('validation_failed', 'Version fehlt. / Version missing.');
      const row = await trx
        .updateTable('procedure_type')
        .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
        .where('id', '=', t.id)
        .where('version', '=', t.basedOnVersion)
        .returning('id')
        .executeTakeFirst();
      if (!row) {
        throw new AppError('conflict', 'Die Verfahrensart wurde inzwischen geändert; bitte neu laden. / The type changed meanwhile; reload.');
      }
      await recordChange(trx, deps.clock, ctx, { action: 'procedure_type.update', target: { type: 'procedure_type', id: row.id }, after: columns });
      return row;
    });
  } catch (error) {
    if (pgError(error).code === '23503') {
      throw new AppError('validation_failed', 'Diese Terminart gibt es nicht. / No such service.', {
        fieldErrors: [{ path: 'serviceId', message: 'unbekannt / unknown' }],
      });
    }
    if (pgError(error).code === '23505') {
      throw new AppError('conflict', 'Dieses Kürzel ist schon vergeben. / This code is taken.', {
        fieldErrors: [{ path: 'code', message: 'vergeben / taken' }],
      });
    }
    throw error;
  }
}
