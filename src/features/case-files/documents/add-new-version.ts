import { recordAudit, type Actor } from '../../staff/index.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { Origin } from '../case-file-deps.ts';
import { addDocumentVersion, whyNotChangeable } from './add-document-version.ts';
import type { UploadDeps } from './document-deps.ts';
import { documentState } from './document-store.ts';
import { queueTextExtraction, type TextJobs } from './text-extraction-job.ts';
import { cleanFileName, receiveUpload, type Upload } from './receive-upload.ts';

/**
 * The next version of a document (a better scan, a corrected letter). Refused while another clerk
 * has the document checked out; two at once get consecutive numbers (the document row decides).
 */
export async function addNewVersion(
  deps: UploadDeps & { jobs: TextJobs },
  actor: Actor | undefined,
  input: { fileId: string; documentId: string; upload: Upload },
  origin: Origin = {},
): Promise<{ documentId: string; number: number }> {
  await authorizeFile(deps, actor, input.fileId, 'case_file.write', origin);
  const staffId = actor?.kind === 'staff' ? actor.staffId : null;
  // Before reading the bytes: an unknown or locked document is refused at once.
  const state = await documentState(deps.db, input.fileId, input.documentId);
  const now = deps.clock.now();
  if (!state || (state.locked_by_staff_id && state.locked_by_staff_id !== staffId && state.locked_until && state.locked_until > now))
    throw await whyNotChangeable(deps.db, input.fileId, input.documentId);
  const { staged, mediaType } = await receiveUpload(deps, input.upload);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const added = await addDocumentVersion(deps, trx, {
        fileId: input.fileId,
        documentId: input.documentId,
        blob: staged,
        mediaType,
        fileName: cleanFileName(input.upload.fileName),
        createdByStaffId: staffId,
        createdBy: actor?.kind === 'staff' ? actor.displayName : 'Lotse',
      });
      await recordAudit(trx, deps.clock, {
        actor,
        action: 'case_document.add_version',
        target: { type: 'case_document', id: added.documentId },
        after: { mediaType, size: staged.size, version: added.number },
        screen: origin.screen,
        ip: origin.ip,
      });
      await queueTextExtraction(deps.jobs, trx, added.documentId);
      return added;
    });
  } finally {
    await staged.discard();
  }
}
