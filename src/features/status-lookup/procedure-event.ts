import type { Database } from '../../db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Clock } from '../../shared/clock.ts';
import { auditFileChange, authorizeFile, moveProcedureToStatus, procedureById, type StatusEvent } from '../case-files/index.ts';
import { actorLabel, type ChangeContext } from '../staff/index.ts';
import { deliverNoticesJobType } from './deliver-notices.ts';

export type EventDeps = { db: Database; clock: Clock; jobs: Jobs };

/**
 * The frame of a clerk's action on a procedure that is a real event: authorize on the file, then
 * in one transaction do the action's own writes, move the status, audit, and ask for the notices
 * to go out right after the commit. Returns the procedure's new version.
 */
export async function recordClerkEvent(
  deps: EventDeps,
  ctx: ChangeContext,
  input: { procedureId: string; action: string; event: Omit<StatusEvent, 'procedureId' | 'by'>; changed: string[] },
  ownWrites: (trx: Database) => Promise<void> = async () => {},
): Promise<{ version: number }> {
  const procedure = await procedureById(deps.db, input.procedureId);
  if (!procedure) throw new AppError('not_found', 'Diesen Vorgang gibt es nicht. / There is no such procedure.');
  await authorizeFile(deps, ctx.actor, procedure.file_id, 'case_file.write', ctx);
  return deps.db.transaction().execute(async (trx) => {
    await ownWrites(trx);
    const move = await moveProcedureToStatus(
      trx,
      { ...input.event, procedureId: input.procedureId, by: { staffId: ctx.actor.staffId, label: actorLabel(ctx.actor) } },
      deps.clock.now(),
    );
    if (!('version' in move)) {
      if (move.outcome === 'not_found') throw new AppError('not_found', 'Diesen Vorgang gibt es nicht. / There is no such procedure.');
      throw new AppError('conflict', 'Diese Verfahrensart hat keinen passenden Status. / This procedure type has no status for this event.');
    }
    await auditFileChange(trx, deps.clock, ctx, {
      personId: move.personId,
      action: input.action,
      target: { type: 'case_procedure', id: input.procedureId },
      after: { version: move.version, changed: input.changed },
    });
    await deps.jobs.send(deliverNoticesJobType, {}, { trx });
    return { version: move.version };
  });
}
