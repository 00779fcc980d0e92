import { can, type ChangeContext } from '../staff/index.ts';
import { auditFileRead } from './audit-file-read.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import {
  accessLogOf,
  activeProcedureTypes,
  clerksAt,
  familyOf,
  fileHead,
  notesOf,
  proceduresOf,
  residenceTitlesOf,
  statusHistoryOf,
  statusOptions,
  visitsOf,
} from './case-file-view-store.ts';
import { loadPerson } from './person-store.ts';

/**
 * Opens a file for a clerk: everything on one page, read in one transaction and audited
 * (`case_file.open`). Reception and others who may only identify get `identifyPerson` instead.
 */
export async function openCaseFile(deps: CaseFileDeps, ctx: ChangeContext, fileId: string) {
  await authorizeFile(deps, ctx.actor, fileId, 'case_file.read', ctx);
  return deps.db.transaction().execute(async (trx) => {
    const head = await fileHead(trx, fileId);
    const person = await loadPerson(trx, head.person_id);
    if (!person) throw new Error('a file without its person');
    const procedures = await proceduresOf(trx, fileId);
    const history = await statusHistoryOf(
      trx,
      procedures.map((p) => p.id),
    );
    const options = await statusOptions(trx, [...new Set(procedures.map((p) => p.procedure_type_id))]);
    const view = {
      file: head,
      person,
      titles: await residenceTitlesOf(trx, head.person_id),
      family: await familyOf(trx, head.person_id),
      procedures: procedures.map((p) => ({
        ...p,
        history: history.filter((h) => h.procedure_id === p.id),
        statuses: options.filter((o) => o.procedure_type_id === p.procedure_type_id),
      })),
      notes: await notesOf(trx, fileId),
      visits: await visitsOf(trx, head.person_id),
      clerks: await clerksAt(trx, head.location_id),
      procedureTypes: await activeProcedureTypes(trx),
      // Who opened the file: for those who may read the audit trail (and the file).
      accessLog: can(ctx.actor, 'audit.read') ? await accessLogOf(trx, head.person_id, fileId) : undefined,
    };
    await auditFileRead(trx, deps.clock, ctx.actor, { fileId, what: 'case_file.open', screen: ctx.screen, ip: ctx.ip });
    return view;
  });
}

export type CaseFileView = Awaited<ReturnType<typeof openCaseFile>>;
