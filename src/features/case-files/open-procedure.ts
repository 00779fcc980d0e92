import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { actorLabel, type ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { insertProcedure, statusesOfType } from './procedure-store.ts';
import { validateInput } from './validate-input.ts';

const schema = z.object({
  fileId: z.uuid(),
  procedureTypeId: z.uuid('Verfahrensart wählen / choose a procedure type'),
  note: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(2000).optional()),
});

/** Opens a procedure (Vorgang) of a type in a file, in the type's first status, with a new Vorgangsnummer. */
export async function openProcedure(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ id: string; number: string }> {
  const request = validateInput(schema, input);
  const file = await authorizeFile(deps, ctx.actor, request.fileId, 'case_file.write', ctx);
  const type = await deps.db.selectFrom('procedure_type').select(['id', 'active']).where('id', '=', request.procedureTypeId).executeTakeFirst();
  if (!type?.active) {
    throw new AppError('validation_failed', 'Diese Verfahrensart gibt es nicht (mehr). / No such procedure type.', {
      fieldErrors: [{ path: 'procedureTypeId', message: 'unbekannt / unknown' }],
    });
  }
  const [first] = await statusesOfType(deps.db, type.id);
  if (!first) throw new AppError('validation_failed', 'Diese Verfahrensart hat noch keine Status. / This type has no statuses yet.');
  return deps.db.transaction().execute(async (trx) => {
    const procedure = await insertProcedure(
      trx,
      {
        fileId: request.fileId,
        procedureTypeId: type.id,
        statusId: first.id,
        by: { staffId: ctx.actor.staffId, label: actorLabel(ctx.actor) },
        note: request.note ?? null,
      },
      deps.clock.now(),
    );
    await auditFileChange(trx, deps.clock, ctx, {
      personId: file.personId,
      action: 'case_procedure.open',
      target: { type: 'case_procedure', id: procedure.id },
      after: { version: 1, changed: ['status'] },
    });
    return procedure;
  });
}
