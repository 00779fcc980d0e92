import type { BlobStore } from '../../../platform/storage/blob-store.ts';
import type { CaseFileDeps } from '../case-file-deps.ts';

/** What the document use cases need: the file's deps and the blob store (and the upload limit for uploads). */
export type DocumentDeps = CaseFileDeps & { blobs: BlobStore };
export type UploadDeps = DocumentDeps & { uploadMaxBytes: number };

export const documentCategories = [
  'application',
  'passport_copy',
  'decision',
  'letter',
  'evidence',
  'photo',
  'certificate',
  'correspondence',
  'other',
] as const;
export type DocumentCategory = (typeof documentCategories)[number];

/** How long a lock (check-out) holds when nobody releases it. */
export const lockMinutes = { default: 30, max: 8 * 60 } as const;
