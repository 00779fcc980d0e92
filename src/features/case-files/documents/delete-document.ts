import type { Actor } from '../../staff/index.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { changeDocument, type DocumentRef } from './change-document.ts';
import { deleteDocumentRow } from './document-changes-store.ts';

/**
 * Deletes a document with its versions and notes (refused while another clerk has it checked
 * out). The bytes stay until the retention job finds no version naming them any more.
 */
export async function deleteDocument(deps: CaseFileDeps, actor: Actor | undefined, input: DocumentRef, origin: Origin = {}): Promise<void> {
  const staffId = actor?.kind === 'staff' ? actor.staffId : null;
  await changeDocument(deps, actor, input, origin, 'case_document.delete', async (trx, now) => {
    const deleted = await deleteDocumentRow(trx, { ...input, staffId }, now);
    return deleted && { result: undefined, before: { title: deleted.title, category: deleted.category } };
  });
}
