import type { Updateable } from 'kysely';
import type { CaseProcedure } from '../../db/schema.generated.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { procedureById } from './procedure-store.ts';
import { versionConflict } from './version-conflict.ts';

export const procedureFieldLabels: Record<string, string> = {
  status: 'Status',
  assignedStaffId: 'Sachbearbeitung',
  plannedEnd: 'Geplantes Ende',
  feeState: 'Gebühr',
  suspension: 'Ruhen',
};

type Procedure = NonNullable<Awaited<ReturnType<typeof procedureById>>>;

/**
 * The frame of every change of a procedure: authorize on its file, lock it, refuse a change based
 * on an older version (409 naming what others changed), write, bump the version, audit. `change`
 * returns the columns to set and the names of the fields it changes (none: nothing is written).
 */
export async function changeProcedure(
  deps: CaseFileDeps,
  ctx: ChangeContext,
  request: { procedureId: string; basedOnVersion: number; action: string; note?: string | undefined },
  change: (current: Procedure, trx: CaseFileDeps['db']) => Promise<{ set: Updateable<CaseProcedure>; changed: string[] }>,
): Promise<{ version: number; changed: string[] }> {
  const before = await procedureById(deps.db, request.procedureId);
  if (!before) throw new AppError('not_found', 'Diesen Vorgang gibt es nicht. / There is no such procedure.');
  await authorizeFile(deps, ctx.actor, before.file_id, 'case_file.write', ctx);
  const target = { type: 'case_procedure', id: request.procedureId };
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const current = await procedureById(trx, request.procedureId, { forUpdate: true });
    if (!current || current.version !== request.basedOnVersion) return undefined;
    const { set, changed } = await change(current, trx);
    if (changed.length === 0) return { version: current.version, changed };
    const updated = await trx
      .updateTable('case_procedure')
      .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: deps.clock.now() }))
      .where('id', '=', request.procedureId)
      .where('version', '=', request.basedOnVersion)
      .returning('version')
      .executeTakeFirstOrThrow();
    await auditFileChange(trx, deps.clock, ctx, {
      personId: current.person_id,
      action: request.action,
      target,
      after: { version: updated.version, changed },
      note: request.note,
    });
    return { version: updated.version, changed };
  });
  if (!outcome) throw await versionConflict(deps.db, target, request.basedOnVersion, procedureFieldLabels);
  return outcome;
}
