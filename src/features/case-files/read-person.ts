import { AppError } from '../../shared/app-error.ts';
import type { ChangeContext } from '../staff/index.ts';
import { auditFileRead } from './audit-file-read.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { findCaseFileByPerson } from './case-file-store.ts';
import { loadPerson } from './person-store.ts';

/** A person's data with its version (the API's ETag), for those who may read the file; audited. */
export async function readPerson(deps: CaseFileDeps, ctx: ChangeContext, personId: string) {
  const file = await findCaseFileByPerson(deps.db, personId);
  if (!file) throw new AppError('not_found', 'Diese Person gibt es nicht. / There is no such person.');
  await authorizeFile(deps, ctx.actor, file.id, 'case_file.read', ctx);
  return deps.db.transaction().execute(async (trx) => {
    const person = await loadPerson(trx, personId);
    if (!person) throw new AppError('not_found', 'Diese Person gibt es nicht. / There is no such person.');
    await auditFileRead(trx, deps.clock, ctx.actor, {
      fileId: file.id,
      what: 'case_person.read',
      target: { type: 'case_person', id: personId },
      screen: ctx.screen,
      ip: ctx.ip,
    });
    return { id: personId, fileId: file.id, reference: file.reference, version: person.version, person: person.person };
  });
}
