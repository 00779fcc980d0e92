import { auditFileRead } from '../case-files/index.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import type { FormDeps } from './application-deps.ts';
import { formChoices } from './form-store.ts';
import { submittedApplications } from './inbox-store.ts';

/**
 * The inbox of a clerk: submitted applications at their locations (of one procedure type if asked).
 * The names shown are a read of each file, audited like search results.
 */
export async function listInbox(deps: FormDeps, ctx: ChangeContext, procedureTypeId: string | undefined) {
  await authorizeChange(deps, ctx, 'case_file.write', { locationId: ctx.actor.locationIds[0] ?? null });
  const rows = await submittedApplications(deps.db, ctx.actor.locationIds, procedureTypeId);
  for (const row of rows)
    await auditFileRead(deps.db, deps.clock, ctx.actor, { fileId: row.file_id, what: 'application.inbox', screen: ctx.screen, ip: ctx.ip });
  const { types } = await formChoices(deps.db);
  return { rows, types: types.map((t) => ({ id: t.id, name: t.name_de })) };
}
