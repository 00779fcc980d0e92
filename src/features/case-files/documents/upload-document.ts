import type { Actor } from '../../staff/index.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { Origin } from '../case-file-deps.ts';
import { whyNotChangeable } from './add-document-version.ts';
import type { UploadDeps } from './document-deps.ts';
import { documentState } from './document-store.ts';
import { parseDocumentMetadata, procedureNotInFile } from './document-metadata.ts';
import { cleanFileName, receiveUpload, type Upload } from './receive-upload.ts';
import { storeUpload } from './store-upload.ts';
import type { TextJobs } from './text-extraction-job.ts';

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
  const received = await receiveUpload(deps, input.upload);
  const fileName = cleanFileName(input.upload.fileName);
  return storeUpload(
    deps,
    actor,
    received,
    { fileId: input.fileId, metadata, fileName },
    { action: 'case_document.add', origin, after: { category: metadata.category } },
  ).catch((error: unknown) => {
    throw procedureNotInFile(error) ?? error;
  });
}

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
  // Before reading the bytes: an unknown or locked document is refused at once (and again, under the row lock, when storing).
  const state = await documentState(deps.db, input.fileId, input.documentId);
  const now = deps.clock.now();
  if (!state || (state.locked_by_staff_id && state.locked_by_staff_id !== staffId && state.locked_until && state.locked_until > now))
    throw await whyNotChangeable(deps.db, input.fileId, input.documentId);
  const received = await receiveUpload(deps, input.upload);
  const fileName = cleanFileName(input.upload.fileName);
  return storeUpload(deps, actor, received, { fileId: input.fileId, documentId: input.documentId, fileName }, { action: 'case_document.add_version', origin });
}
