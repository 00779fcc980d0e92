import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { actorLabel, type ChangeContext } from '../staff/index.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { changeProcedure } from './procedure-change.ts';
import { insertStatusChange } from './procedure-store.ts';
import { validateInput } from './validate-input.ts';

const schema = z.object({
  procedureId: z.uuid(),
  statusId: z.uuid('Status wählen / choose a status'),
  basedOnVersion: z.coerce.number().int().min(1),
  note: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(2000).optional()),
});

/**
 * Moves a procedure to another status of its type, with a history row (who, when, note). A final
 * status closes the procedure; leaving it reopens it. Based on the version the clerk saw.
 */
export async function changeProcedureStatus(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ version: number }> {
  const request = validateInput(schema, input);
  return changeProcedure(deps, ctx, { ...request, action: 'case_procedure.status' }, async (current, trx) => {
    const status = await trx
      .selectFrom('procedure_status')
      .select(['id', 'is_final'])
      .where('id', '=', request.statusId)
      .where('procedure_type_id', '=', current.procedure_type_id)
      .executeTakeFirst();
    if (!status) {
      throw new AppError('validation_failed', 'Diesen Status gibt es für diese Verfahrensart nicht. / No such status for this procedure type.', {
        fieldErrors: [{ path: 'statusId', message: 'unbekannt / unknown' }],
      });
    }
    if (status.id === current.status_id && !request.note) return { set: {}, changed: [] };
    await insertStatusChange(
      trx,
      { procedureId: current.id, statusId: status.id, by: { staffId: ctx.actor.staffId, label: actorLabel(ctx.actor) }, note: request.note ?? null },
      deps.clock.now(),
    );
    const closedAt = status.is_final ? (current.closed_at ?? deps.clock.now()) : null;
    return { set: { status_id: status.id, closed_at: closedAt }, changed: ['status'] };
  });
}
