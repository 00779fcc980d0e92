import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { findCaseFileByPerson } from './case-file-store.ts';
import { personFieldLabels, personSchema } from './person-schema.ts';
import { changedPersonFields, loadPerson, namesOf, personColumns, replacePersonNames } from './person-store.ts';
import { pgError, validateInput } from './validate-input.ts';
import { versionConflict } from './version-conflict.ts';

const schema = z.object({
  personId: z.uuid(),
  /** the version the form or the API client read: a save based on an older one is refused (409) */
  basedOnVersion: z.coerce.number().int().min(1),
  person: personSchema,
});

/**
 * Changes a person's data, based on the version the clerk saw. If someone saved in between, nothing
 * is written and the 409 names the fields they changed: never a silent overwrite. The row lock
 * makes two saves at the same moment take turns, so exactly one of them wins.
 */
export async function updatePerson(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ version: number; changed: string[] }> {
  const { personId, basedOnVersion, person } = validateInput(schema, input);
  const file = await findCaseFileByPerson(deps.db, personId);
  if (!file) throw new AppError('not_found', 'Diese Person gibt es nicht. / There is no such person.');
  await authorizeChange(deps, ctx, 'case_file.write', { locationId: file.locationId });
  const now = deps.clock.now();
  const target = { type: 'case_person', id: personId };
  try {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      const current = await loadPerson(trx, personId, { forUpdate: true });
      if (!current) throw new AppError('not_found', 'Diese Person gibt es nicht. / There is no such person.');
      if (current.version !== basedOnVersion) return { conflict: true as const };
      const changed = changedPersonFields(current.person, person);
      if (changed.length === 0) return { conflict: false as const, version: current.version, changed };
      const updated = await trx
        .updateTable('case_person')
        .set((eb) => ({ ...personColumns(person), version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', personId)
        .where('version', '=', basedOnVersion)
        .returning('version')
        .executeTakeFirst();
      if (!updated) return { conflict: true as const };
      const nameFields = ['familyName', 'givenNames', 'birthName', 'formerNames', 'nameVariants'];
      if (changed.some((field) => nameFields.includes(field))) await replacePersonNames(trx, personId, namesOf(person));
      await auditFileChange(trx, deps.clock, ctx, { personId, action: 'case_person.update', target, after: { version: updated.version, changed } });
      return { conflict: false as const, version: updated.version, changed };
    });
    if (outcome.conflict) throw await versionConflict(deps.db, target, basedOnVersion, personFieldLabels);
    return { version: outcome.version, changed: outcome.changed };
  } catch (error) {
    const { code, constraint } = pgError(error);
    if (code === '23505' && constraint === 'case_person_by_azr') {
      throw new AppError('conflict', 'Zu dieser AZR-Nummer gibt es schon eine andere Person. / Another person has this AZR number.', {
        fieldErrors: [{ path: 'person.azrNumber', message: 'schon vergeben / taken' }],
      });
    }
    throw error;
  }
}
