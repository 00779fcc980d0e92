import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import type { ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { fileChangeRequest } from './input-fields.ts';

const schema = z.object({
  fileId: z.uuid(),
  /** the relative, as the file's family list names them */
  relatedPersonId: z.uuid(),
});

/**
 * Removes a family link in both directions in one transaction (a link entered by mistake, a divorce).
 * The relative's file, where there is one, must be the clerk's to change too, as when linking.
 */
export async function unlinkFamily(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<void> {
  const { request, file } = await fileChangeRequest(deps, ctx, schema, input);
  const relatedFile = await deps.db.selectFrom('case_file').select('id').where('person_id', '=', request.relatedPersonId).executeTakeFirst();
  if (relatedFile) await authorizeFile(deps, ctx.actor, relatedFile.id, 'case_file.write', ctx);
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('family_link')
      .where((eb) =>
        eb.or([
          eb.and([eb('person_id', '=', file.personId), eb('related_person_id', '=', request.relatedPersonId)]),
          eb.and([eb('person_id', '=', request.relatedPersonId), eb('related_person_id', '=', file.personId)]),
        ]),
      )
      .returning(['person_id', 'relation'])
      .execute();
    const own = removed.find((r) => r.person_id === file.personId);
    // A second click or a colleague's removal meanwhile: say so instead of a bare 404.
    if (!own) throw new AppError('conflict', 'Diese Verknüpfung besteht nicht (mehr). / These persons are not linked (any more).');
    await auditFileChange(trx, deps.clock, ctx, {
      personId: file.personId,
      action: 'family_link.remove',
      target: { type: 'case_file', id: request.fileId },
      after: { removedRelation: own.relation, relatedFileId: relatedFile?.id ?? null },
    });
  });
}
