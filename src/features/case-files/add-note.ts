import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { actorLabel, type ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import { authorizeFile } from './authorize-file.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { pgError, validateInput } from './validate-input.ts';

const schema = z.object({
  fileId: z.uuid(),
  text: z.string().trim().min(1, 'Notiz ist leer / the note is empty').max(4000),
  procedureId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
});

/** Adds a note (Aktenvermerk) to a file, optionally to one of its procedures. */
export async function addNote(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ id: string }> {
  const note = validateInput(schema, input);
  const file = await authorizeFile(deps, ctx.actor, note.fileId, 'case_file.write', ctx);
  if (note.procedureId) {
    const procedure = await deps.db
      .selectFrom('case_procedure')
      .select('id')
      .where('id', '=', note.procedureId)
      .where('file_id', '=', note.fileId)
      .executeTakeFirst();
    if (!procedure) throw new AppError('validation_failed', 'Dieser Vorgang gehört nicht zu dieser Akte. / Not a procedure of this file.');
  }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('case_note')
        .values({
          file_id: note.fileId,
          procedure_id: note.procedureId ?? null,
          text: note.text,
          by_staff_id: ctx.actor.staffId,
          by_label: actorLabel(ctx.actor),
          at: deps.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await auditFileChange(trx, deps.clock, ctx, { personId: file.personId, action: 'case_note.add', target: { type: 'case_note', id: row.id } });
      return row;
    });
  } catch (error) {
    if (pgError(error).code === '23503') throw new AppError('not_found', 'Die Akte wurde inzwischen gelöscht. / The file was deleted meanwhile.');
    throw error;
  }
}
