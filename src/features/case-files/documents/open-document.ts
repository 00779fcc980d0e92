import { AppError } from '../../../shared/app-error.ts';
import type { Actor } from '../../staff/index.ts';
import { auditFileRead } from '../audit-file-read.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { Origin } from '../case-file-deps.ts';
import type { DocumentDeps } from './document-deps.ts';
import { documentOfFile, documentsOfFile, notesOf, versionOf, versionsOf } from './document-queries.ts';

export type OpenedVersion = {
  number: number;
  title: string;
  mediaType: string;
  size: number;
  fileName: string;
  sha256: string;
  pageCount: number | null;
  read(range?: { start: number; end: number }): Promise<NodeJS.ReadableStream>;
};

const noDocument = () => new AppError('not_found', 'Dieses Dokument gibt es in dieser Akte nicht. / There is no such document in this file.');

/**
 * A version's bytes for a download or the viewer. `audit: false` only for the further range
 * requests of a viewer that already opened it (a PDF viewer asks for many pieces of one file).
 */
export async function openDocumentVersion(
  deps: DocumentDeps,
  actor: Actor | undefined,
  input: { fileId: string; documentId: string; number?: number | undefined; audit: boolean },
  origin: Origin = {},
): Promise<OpenedVersion> {
  await authorizeFile(deps, actor, input.fileId, 'case_file.read', origin);
  const version = await versionOf(deps.db, input);
  if (!version || !actor) throw noDocument();
  if (input.audit)
    await auditFileRead(deps.db, deps.clock, actor, {
      fileId: input.fileId,
      what: 'case_document.read',
      target: { type: 'case_document', id: input.documentId },
      why: `version ${version.number}`,
      ...origin,
    });
  return {
    number: version.number,
    title: version.title,
    mediaType: version.media_type,
    size: Number(version.size),
    fileName: version.file_name,
    sha256: version.blob_sha256,
    pageCount: version.page_count,
    read: (range) => deps.blobs.get(version.blob_sha256, range),
  };
}

/** The file's document list (metadata only; audited as a look at the file's documents). */
export async function listDocuments(deps: DocumentDeps, actor: Actor | undefined, fileId: string, origin: Origin = {}) {
  await authorizeFile(deps, actor, fileId, 'case_file.read', origin);
  if (actor) await auditFileRead(deps.db, deps.clock, actor, { fileId, what: 'case_document.list', ...origin });
  return documentsOfFile(deps.db, fileId);
}

/** A document with its versions and notes, for the viewer (audited as opening the document). */
export async function viewDocument(
  deps: Pick<DocumentDeps, 'db' | 'clock'>,
  actor: Actor | undefined,
  input: { fileId: string; documentId: string },
  origin: Origin = {},
) {
  await authorizeFile(deps, actor, input.fileId, 'case_file.read', origin);
  const document = await documentOfFile(deps.db, input.fileId, input.documentId);
  if (!document || !actor) throw noDocument();
  await auditFileRead(deps.db, deps.clock, actor, {
    fileId: input.fileId,
    what: 'case_document.open',
    target: { type: 'case_document', id: input.documentId },
    ...origin,
  });
  const [versions, notes] = await Promise.all([versionsOf(deps.db, input.documentId), notesOf(deps.db, input.documentId)]);
  return { document, versions, notes };
}
