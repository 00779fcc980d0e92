import { recordAudit, type Actor } from '../../staff/index.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { whyNotChangeable } from './add-document-version.ts';
import { deleteDocumentRow } from './document-changes-store.ts';

/**
 * Deletes a document with its versions and notes (refused while another clerk has it checked
 * out). The bytes stay until the retention job finds no version naming them any more.
 */
export async function deleteDocument(
  deps: CaseFileDeps,
  actor: Actor | undefined,
  input: { fileId: string; documentId: string },
  origin: Origin = {},
): Promise<void> {
  await authorizeFile(deps, actor, input.fileId, 'case_file.write', origin);
  await deps.db.transaction().execute(async (trx) => {
    const deleted = await deleteDocumentRow(trx, { ...input, staffId: actor?.kind === 'staff' ? actor.staffId : null }, deps.clock.now());
    if (!deleted) throw await whyNotChangeable(trx, input.fileId, input.documentId);
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'case_document.delete',
      target: { type: 'case_document', id: input.documentId },
      before: { title: deleted.title, category: deleted.category },
      screen: origin.screen,
      ip: origin.ip,
    });
  });
}
