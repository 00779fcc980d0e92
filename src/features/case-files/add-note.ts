import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { actorLabel, type ChangeContext } from '../staff/index.ts';
import { auditFileChange } from './audit-file-change.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { fileChangeRequest } from './input-fields.ts';
import { pgError } from './validate-input.ts';

const schema = z.object({
  fileId: z.uuid(),
  text: z.string().trim().min(1, 'Notiz ist leer / the note is empty').max(4000),
  procedureId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
});

/** Adds a note (Aktenvermerk) to a file, optionally to one of its procedures. */
export async function addNote(deps: CaseFileDeps, ctx: ChangeContext, input: unknown): Promise<{ id: string }> {
  const at = deps.clock.now();
  const { request: note, file } = await fileChangeRequest(deps, ctx, schema, input);
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
      const row = await insertNote(trx, {
        fileId: note.fileId,
        procedureId: note.procedureId ?? null,
        text: note.text,
        byStaffId: ctx.actor.staffId,
        byLabel: actorLabel(ctx.actor),
        at,
      });
      await auditFileChange(trx, deps.clock, ctx, { personId: file.personId, action: 'case_note.add', target: { type: 'case_note', id: row.id } });
      return row;
    });
  } catch (error) {
    if (pgError(error).code === '23503') throw new AppError('not_found', 'Die Akte wurde inzwischen gelöscht. / The file was deleted meanwhile.');
    throw error;
  }
}

/** The note row in the caller's transaction (messages from the portal and their answers land in the file this way). */
export function insertNote(
  trx: Database,
  note: { fileId: string; procedureId: string | null; text: string; byStaffId: string | null; byLabel: string; at: Date },
): Promise<{ id: string }> {
  return trx
    .insertInto('case_note')
    .values({ file_id: note.fileId, procedure_id: note.procedureId, text: note.text, by_staff_id: note.byStaffId, by_label: note.byLabel, at: note.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}
