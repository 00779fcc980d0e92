import { AppError } from '../../shared/app-error.ts';
import type { ChangeContext } from '../staff/index.ts';
import { auditFileRead } from './audit-file-read.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { proceduresOf, statusHistoryOf } from './case-file-view-store.ts';

/** One procedure with its status history and version (the API's ETag); audited. */
export async function readProcedure(deps: CaseFileDeps, ctx: ChangeContext, procedureId: string) {
  const row = await deps.db.selectFrom('case_procedure').select('file_id').where('id', '=', procedureId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Diesen Vorgang gibt es nicht. / There is no such procedure.');
  await authorizeFile(deps, ctx.actor, row.file_id, 'case_file.read', ctx);
  return deps.db.transaction().execute(async (trx) => {
    const procedure = (await proceduresOf(trx, row.file_id)).find((p) => p.id === procedureId);
    if (!procedure) throw new AppError('not_found', 'Diesen Vorgang gibt es nicht. / There is no such procedure.');
    const history = await statusHistoryOf(trx, [procedureId]);
    await auditFileRead(trx, deps.clock, ctx.actor, {
      fileId: row.file_id,
      what: 'case_procedure.read',
      target: { type: 'case_procedure', id: procedureId },
      screen: ctx.screen,
      ip: ctx.ip,
    });
    return { ...procedure, fileId: row.file_id, history };
  });
}
