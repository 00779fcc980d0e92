import { z } from 'zod';
import { AppError } from '../../../shared/app-error.ts';
import { languages } from '../../../web/i18n.ts';
import { authorizeChange, recordChange, type ChangeContext } from '../../staff/index.ts';
import type { CaseFileDeps } from '../case-file-deps.ts';
import { pgError, validateInput } from '../validate-input.ts';
import { insertProcedureStatus, replaceStatusTexts } from './procedure-type-store.ts';

const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
const schema = z.object({
  typeId: z.uuid(),
  statusId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'Kürzel: a–z, 0–9, - und _ / code: a–z, 0–9, - and _'),
  isFinal: flag,
  notify: flag,
  /** per portal language: what the person reads, and what they must do next; German is required */
  texts: z.record(z.string(), z.object({ label: z.string().trim().max(200), nextStep: z.string().trim().max(2000) })),
});

/** Adds a status to a type (at the end) or changes one, with its citizen-facing texts in the portal languages. */
export async function saveProcedureStatus(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ id: string }> {
  const s = validateInput(schema, input);
  await authorizeChange(deps, ctx, 'procedure_type.manage');
  const unknown = Object.keys(s.texts).filter((lang) => !languages.includes(lang));
  if (unknown.length) throw new AppError('validation_failed', `Keine Portalsprache: ${unknown.join(', ')} / not a portal language.`);
  if (!s.texts.de?.label) {
    throw new AppError('validation_failed', 'Der deutsche Text fehlt. / The German text is missing.', {
      fieldErrors: [{ path: 'texts.de.label', message: 'fehlt / missing' }],
    });
  }
  const texts = Object.fromEntries(Object.entries(s.texts).filter(([, t]) => t.label !== ''));
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const type = await trx.selectFrom('procedure_type').select('id').where('id', '=', s.typeId).forUpdate().executeTakeFirst();
      if (!type) throw new AppError('not_found', 'Diese Verfahrensart gibt es nicht. / No such procedure type.');
      let id = s.statusId;
      if (id) {
        const row = await trx
          .updateTable('procedure_status')
          .set({ code: s.code, is_final: s.isFinal, notify: s.notify })
          .where('id', '=', id)
          .where('procedure_type_id', '=', s.typeId)
          .returning('id')
          .executeTakeFirst();
        if (!row) throw new AppError('not_found', 'Diesen Status gibt es nicht. / No such status.');
        await replaceStatusTexts(trx, id, texts, now);
      } else {
        id = (await insertProcedureStatus(trx, { typeId: s.typeId, code: s.code, isFinal: s.isFinal, notify: s.notify, texts }, now)).id;
      }
      await trx
        .updateTable('procedure_type')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', s.typeId)
        .execute();
      await recordChange(trx, deps.clock, ctx, {
        action: s.statusId ? 'procedure_status.update' : 'procedure_status.create',
        target: { type: 'procedure_status', id },
        after: { code: s.code, isFinal: s.isFinal, notify: s.notify, languages: Object.keys(texts) },
      });
      return { id };
    });
  } catch (error) {
    if (pgError(error).code === '23505') {
      throw new AppError('conflict', 'Dieses Kürzel gibt es in dieser Verfahrensart schon. / This code exists in this type.');
    }
    throw error;
  }
}

/** Moves a status one place up or down in its type's order (the positions swap in one transaction). */
export async function moveProcedureStatus(deps: CaseFileDeps, ctx: ChangeContext, input: { statusId: string; direction: 'up' | 'down' }): Promise<void> {
  await authorizeChange(deps, ctx, 'procedure_type.manage');
  await deps.db.transaction().execute(async (trx) => {
    const status = await trx.selectFrom('procedure_status').select(['id', 'procedure_type_id', 'position']).where('id', '=', input.statusId).executeTakeFirst();
    if (!status) throw new AppError('not_found', 'Diesen Status gibt es nicht. / No such status.');
    await trx.selectFrom('procedure_type').select('id').where('id', '=', status.procedure_type_id).forUpdate().execute();
    const neighbour = await trx
      .selectFrom('procedure_status')
      .select(['id', 'position'])
      .where('procedure_type_id', '=', status.procedure_type_id)
      .where('position', input.direction === 'up' ? '<' : '>', status.position)
      .orderBy('position', input.direction === 'up' ? 'desc' : 'asc')
      .limit(1)
      .executeTakeFirst();
    if (!neighbour) return;
    // The unique (type, position) is deferred: the swap is checked at commit.
    await trx.updateTable('procedure_status').set({ position: neighbour.position }).where('id', '=', status.id).execute();
    await trx.updateTable('procedure_status').set({ position: status.position }).where('id', '=', neighbour.id).execute();
    await recordChange(trx, deps.clock, ctx, { action: 'procedure_status.move', target: { type: 'procedure_status', id: status.id }, note: input.direction });
  });
}
