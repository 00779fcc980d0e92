import { recordAudit, type Actor } from '../../staff/index.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { Origin } from '../case-file-deps.ts';
import { addDocumentVersion } from './add-document-version.ts';
import type { UploadDeps } from './document-deps.ts';
import { parseDocumentMetadata, procedureNotInFile } from './document-metadata.ts';
import { queueTextExtraction, type TextJobs } from './text-extraction-job.ts';
import { cleanFileName, receiveUpload, type Upload } from './receive-upload.ts';

/**
 * A new document with its first version, uploaded by a clerk. Authorization and the metadata are
 * checked before a byte is read; the bytes are staged, checked for their kind, and committed with
 * the rows in one transaction. A refused or broken-off upload leaves no row and no file.
 */
export async function uploadDocument(
  deps: UploadDeps & { jobs: TextJobs },
  actor: Actor | undefined,
  input: { fileId: string; metadata: unknown; upload: Upload },
  origin: Origin = {},
): Promise<{ documentId: string; number: number }> {
  await authorizeFile(deps, actor, input.fileId, 'case_file.write', origin);
  const metadata = parseDocumentMetadata(input.metadata);
  const { staged, mediaType } = await receiveUpload(deps, input.upload);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const added = await addDocumentVersion(deps, trx, {
        fileId: input.fileId,
        metadata,
        blob: staged,
        mediaType,
        fileName: cleanFileName(input.upload.fileName),
        createdByStaffId: actor?.kind === 'staff' ? actor.staffId : null,
        createdBy: actor?.kind === 'staff' ? actor.displayName : 'Lotse',
      });
      await recordAudit(trx, deps.clock, {
        actor,
        action: 'case_document.add',
        target: { type: 'case_document', id: added.documentId },
        after: { category: metadata.category, mediaType, size: staged.size, version: added.number },
        screen: origin.screen,
        ip: origin.ip,
      });
      await queueTextExtraction(deps.jobs, trx, added.documentId);
      return added;
    });
  } catch (error) {
    throw procedureNotInFile(error) ?? error;
  } finally {
    await staged.discard();
  }
}
