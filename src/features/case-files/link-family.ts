import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import type { ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { findCaseFileByReference } from './case-file-store.ts';
import { pgError, validateInput } from './validate-input.ts';

export const familyRelations = { spouse: 'Ehegatte/Ehegattin', child: 'Kind', parent: 'Elternteil' } as const;
const inverse = { spouse: 'spouse', child: 'parent', parent: 'child' } as const;

const schema = z.object({
  fileId: z.uuid(),
  /** the relative's file reference (Aktenzeichen), as the clerk knows it */
  relatedReference: z.string().trim().min(1).max(60),
  /** what the relative is to this person */
  relation: z.enum(['spouse', 'child', 'parent']),
});

/** Links two persons as family, in both directions in one transaction; both files must be the clerk's to change. */
export async function linkFamily(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<void> {
  const link = validateInput(schema, input);
  const file = await authorizeFile(deps, ctx.actor, link.fileId, 'case_file.write', ctx);
  const related = await findCaseFileByReference(deps.db, link.relatedReference);
  if (!related) {
    throw new AppError('validation_failed', 'Zu diesem Aktenzeichen gibt es keine Akte. / No file with this reference.', {
      fieldErrors: [{ path: 'relatedReference', message: 'unbekannt / unknown' }],
    });
  }
  await authorizeFile(deps, ctx.actor, related.id, 'case_file.write', ctx);
  if (related.personId === file.personId) {
    throw new AppError('validation_failed', 'Eine Person kann nicht mit sich selbst verknüpft werden. / A person cannot be linked to themselves.');
  }
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('family_link')
        .values([
          { person_id: file.personId, related_person_id: related.personId, relation: link.relation },
          { person_id: related.personId, related_person_id: file.personId, relation: inverse[link.relation] },
        ])
        .execute();
      await auditFileChange(trx, deps.clock, ctx, {
        personId: file.personId,
        action: 'family_link.add',
        target: { type: 'case_file', id: link.fileId },
        after: { relation: link.relation, relatedFileId: related.id },
      });
    });
  } catch (error) {
    if (pgError(error).code === '23505') throw new AppError('conflict', 'Diese Verknüpfung besteht schon. / These persons are linked already.');
    throw error;
  }
}
