import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { insertCaseFile } from './case-file-store.ts';
import { personSchema } from './person-schema.ts';
import { insertPerson } from './person-store.ts';
import { pgError, validateInput } from './validate-input.ts';

export const fileReference = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9./ -]{0,59}$/, 'Aktenzeichen: Buchstaben, Ziffern, . / - und Leerzeichen, höchstens 60 / reference: letters, digits, . / -');

const schema = z.object({ person: personSchema, reference: fileReference, locationId: z.uuid('Standort wählen / choose a location') });

/** Creates a person (Kunde) with their file (Ausländerakte) at a location, in one transaction, audited. */
export async function createPersonWithFile(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ personId: string; fileId: string }> {
  const { person, reference, locationId } = validateInput(schema, input);
  await authorizeChange(deps, ctx, 'case_file.write', { locationId });
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const { id: personId } = await insertPerson(trx, person, now);
      const { id: fileId } = await insertCaseFile(trx, { personId, reference, locationId }, now);
      await auditFileChange(trx, deps.clock, ctx, {
        personId,
        action: 'case_file.create',
        target: { type: 'case_file', id: fileId },
        after: { version: 1, changed: ['reference', 'locationId'] },
      });
      return { personId, fileId };
    });
  } catch (error) {
    const { code, constraint } = pgError(error);
    if (code === '23505' && constraint === 'case_file_reference_key') {
      throw new AppError('conflict', `Das Aktenzeichen „${reference}“ ist schon vergeben. / This file reference is taken.`, {
        fieldErrors: [{ path: 'reference', message: 'schon vergeben / taken' }],
      });
    }
    if (code === '23505' && constraint === 'case_person_by_azr') {
      throw new AppError('conflict', 'Zu dieser AZR-Nummer gibt es schon eine Person. / A person with this AZR number exists.', {
        fieldErrors: [{ path: 'person.azrNumber', message: 'schon vergeben / taken' }],
      });
    }
    if (code === '23503') throw new AppError('validation_failed', 'Diesen Standort gibt es nicht. / No such location.');
    throw error;
  }
}

/** The locations where the actor may create files (for the form's choice). */
export async function locationsForNewFile(deps: CaseFileDeps, ctx: ChangeContext): Promise<{ id: string; name: string }[]> {
  await authorizeChange(deps, ctx, 'case_file.write', { locationId: ctx.actor.locationIds[0] ?? null });
  if (ctx.actor.locationIds.length === 0) return [];
  return deps.db
    .selectFrom('location')
    .select(['id', 'name'])
    .where('id', 'in', [...ctx.actor.locationIds])
    .orderBy('name')
    .execute();
}
