import type { Database } from '../../../db/database.ts';
import type { BlobStore } from '../../../platform/storage/blob-store.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import { claimNextVersion, documentState, insertBlobRow, insertDocument, insertVersion, type DocumentMetadata } from './document-store.ts';

export type NewVersionInput = {
  fileId: string;
  /** Left out: a new document with this metadata and version 1. Given: the next version of it. */
  documentId?: string | undefined;
  /** Used for a new document only. */
  metadata?: DocumentMetadata;
  /** The stored bytes; a staged blob (with `commit`) is committed once its row is in place. */
  blob: { sha256: string; size: number; commit?: () => Promise<void> };
  /** Detected from the content (see media-type.ts), never from the file name. */
  mediaType: string;
  fileName: string;
  createdByStaffId?: string | null;
  /** Who added it, as the file shows it (a staff member's name, or the import). */
  createdBy: string;
  /** Where an import brought it from; re-importing finds the document by it. */
  importKey?: string;
};

/**
 * Adds a version (and, for a new document, the document) in the caller's transaction: the blob
 * row first (waiting for a retention run that deletes the same bytes), then the document, then
 * the version, with text extraction pending. After the row is in place the bytes are committed
 * (staged blob) or checked to be there, so a committed version never names missing bytes.
 */
export async function addDocumentVersion(
  deps: { clock: Clock; blobs: Pick<BlobStore, 'has'> },
  trx: Database,
  input: NewVersionInput,
): Promise<{ documentId: string; number: number }> {
  const now = deps.clock.now();
  await insertBlobRow(trx, { sha256: input.blob.sha256, size: input.blob.size, mediaType: input.mediaType }, now);
  let documentId = input.documentId;
  let number = 1;
  if (documentId === undefined) {
    if (!input.metadata) throw new AppError('validation_failed', 'A new document needs its title and category.');
    documentId = (await insertDocument(trx, { ...input.metadata, fileId: input.fileId, importKey: input.importKey }, now)).id;
  } else {
    const claimed = await claimNextVersion(trx, { documentId, fileId: input.fileId, staffId: input.createdByStaffId ?? null }, now);
    if (!claimed) throw await whyNotChangeable(trx, input.fileId, documentId);
    number = claimed.current_version;
  }
  await insertVersion(
    trx,
    {
      documentId,
      number,
      sha256: input.blob.sha256,
      size: input.blob.size,
      mediaType: input.mediaType,
      fileName: input.fileName,
      createdByStaffId: input.createdByStaffId ?? null,
      createdBy: input.createdBy,
    },
    now,
  );
  // The version's foreign key now holds the blob row: retention cannot delete it until we are done.
  if (input.blob.commit) await input.blob.commit();
  else if (!(await deps.blobs.has(input.blob.sha256)))
    throw new AppError('conflict', 'Die Datei wurde gerade gelöscht; bitte erneut hochladen. / The stored bytes were just removed; please upload again.');
  return { documentId, number };
}

/** The error for a document that could not be changed: not in this file (404) or locked by someone else (409). */
export async function whyNotChangeable(db: Database, fileId: string, documentId: string): Promise<AppError> {
  const state = await documentState(db, fileId, documentId);
  if (!state) return new AppError('not_found', 'Dieses Dokument gibt es in dieser Akte nicht. / There is no such document in this file.');
  return new AppError(
    'conflict',
    `Das Dokument ist ausgecheckt von ${state.locked_by_name ?? 'jemand anderem'}. / The document is locked by ${state.locked_by_name ?? 'someone else'}.`,
    { details: { lockedUntil: state.locked_until?.toISOString() } },
  );
}
