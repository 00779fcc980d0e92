import type { ChangeContext } from '../staff/index.ts';
import { auditFileRead } from './audit-file-read.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { visitsOf } from './case-file-view-store.ts';

/**
 * What reception may see of a file (case_file.identify): the person's name and their appointments,
 * nothing of the file's content. Audited as `case_file.identify`.
 */
export async function identifyPerson(deps: CaseFileDeps, ctx: ChangeContext, fileId: string) {
  const file = await authorizeFile(deps, ctx.actor, fileId, 'case_file.identify', ctx);
  return deps.db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('case_person').select(['family_name', 'given_names']).where('id', '=', file.personId).executeTakeFirstOrThrow();
    const { appointments } = await visitsOf(trx, file.personId);
    await auditFileRead(trx, deps.clock, ctx.actor, { fileId, what: 'case_file.identify', screen: ctx.screen, ip: ctx.ip });
    return { fileId, familyName: person.family_name, givenNames: person.given_names, appointments };
  });
}

export type IdentityView = Awaited<ReturnType<typeof identifyPerson>>;
