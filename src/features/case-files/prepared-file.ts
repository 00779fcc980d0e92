import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { caseFileLocation } from './case-file-store.ts';
import { preparedFileForTicket, visitToLink } from './visit-store.ts';

/** The file a procedure belongs to (the forms of a procedure return to its file). */
export async function fileOfProcedure(deps: CaseFileDeps, procedureId: string): Promise<string> {
  const row = await deps.db.selectFrom('case_procedure').select('file_id').where('id', '=', procedureId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Diesen Vorgang gibt es nicht. / There is no such procedure.');
  return row.file_id;
}

/** The person whose file this is. */
export async function personOfFile(deps: CaseFileDeps, fileId: string): Promise<string> {
  const file = await caseFileLocation(deps.db, fileId);
  if (!file) throw new AppError('not_found', 'Diese Akte gibt es nicht. / There is no such file.');
  return file.personId;
}

/** For the desk's current ticket: the file of the person it is linked to (directly or through its appointment), if any. */
export async function preparedFileOfTicket(deps: CaseFileDeps, ctx: ChangeContext, ticketId: string): Promise<string | undefined> {
  const visit = await visitToLink(deps.db, { ticketId });
  if (!visit) throw new AppError('not_found', 'Diese Wartenummer gibt es nicht. / There is no such ticket.');
  await authorizeChange(deps, ctx, 'case_file.identify', { locationId: visit.locationId });
  return preparedFileForTicket(deps.db, ticketId);
}
