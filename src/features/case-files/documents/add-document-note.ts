import { z } from 'zod';
import { AppError } from '../../../shared/app-error.ts';
import { recordAudit, type Actor } from '../../staff/index.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { insertDocumentNote } from './document-changes-store.ts';
import { documentState } from './document-store.ts';

const noteText = z.string().trim().min(1, 'Notiz fehlt / note missing').max(4000, 'höchstens 4000 Zeichen / at most 4000 characters');

/** A clerk's note on a document (Aktenvermerk); notes are not locked by a check-out. */
export async function addDocumentNote(
  deps: CaseFileDeps,
  actor: Actor | undefined,
  input: { fileId: string; documentId: string; text: unknown },
  origin: Origin = {},
): Promise<{ id: string }> {
  await authorizeFile(deps, actor, input.fileId, 'case_file.write', origin);
  const text = noteText.safeParse(input.text);
  if (!text.success)
    throw new AppError('validation_failed', 'Die Notiz ist leer oder zu lang. / The note is empty or too long.', {
      fieldErrors: text.error.issues.map((issue) => ({ path: 'text', message: issue.message })),
    });
  return deps.db.transaction().execute(async (trx) => {
    if (!(await documentState(trx, input.fileId, input.documentId)))
      throw new AppError('not_found', 'Dieses Dokument gibt es in dieser Akte nicht. / There is no such document in this file.');
    const note = await insertDocumentNote(
      trx,
      {
        fileId: input.fileId,
        documentId: input.documentId,
        text: text.data,
        staffId: actor?.kind === 'staff' ? actor.staffId : null,
        label: actor?.kind === 'staff' ? actor.displayName : 'Lotse',
      },
      deps.clock.now(),
    );
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'case_document.note',
      target: { type: 'case_document', id: input.documentId },
      screen: origin.screen,
      ip: origin.ip,
    });
    return note;
  });
}
