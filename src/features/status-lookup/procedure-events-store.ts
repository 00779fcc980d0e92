import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { authorizeFile } from '../case-files/index.ts';
import type { ChangeContext } from '../staff/index.ts';
import type { EventDeps } from './procedure-event.ts';

/** What the clerk's page shows of a procedure: number, status (German), card serial, open document requests. */
export async function procedureForEvents(db: Database, procedureId: string) {
  const procedure = await db
    .selectFrom('case_procedure')
    .innerJoin('procedure_status', 'procedure_status.id', 'case_procedure.status_id')
    .leftJoin('procedure_status_text', (join) =>
      join.onRef('procedure_status_text.procedure_status_id', '=', 'procedure_status.id').on('procedure_status_text.lang', '=', 'de'),
    )
    .select([
      'case_procedure.id',
      'case_procedure.file_id',
      'case_procedure.number',
      'case_procedure.card_serial',
      'procedure_status.code',
      'procedure_status_text.label',
    ])
    .where('case_procedure.id', '=', procedureId)
    .executeTakeFirst();
  if (!procedure) return undefined;
  const open = await db
    .selectFrom('procedure_document_request')
    .select(['id', 'kind', 'note', 'requested_at'])
    .where('procedure_id', '=', procedureId)
    .where('received_at', 'is', null)
    .orderBy('requested_at')
    .execute();
  return { ...procedure, open };
}

export type ProcedureForEvents = NonNullable<Awaited<ReturnType<typeof procedureForEvents>>>;

/** The clerk's view of a procedure's citizen side, for clerks and team leads of the file's location (a 404 or 403 otherwise). */
export async function openProcedureEvents(deps: Pick<EventDeps, 'db' | 'clock'>, ctx: ChangeContext, procedureId: string): Promise<ProcedureForEvents> {
  const procedure = await procedureForEvents(deps.db, procedureId);
  if (!procedure) throw new AppError('not_found', 'Diesen Vorgang gibt es nicht. / There is no such procedure.');
  await authorizeFile(deps, ctx.actor, procedure.file_id, 'case_file.read', ctx);
  return procedure;
}
