import type { BlobStore } from '../../../platform/storage/blob-store.ts';
import type { VirusScanner } from '../../../platform/virus-scan/clamd.ts';
import type { CaseFileDeps } from '../case-file-deps.ts';

/**
 * What the document use cases need: the file's deps and the blob store (and for uploads the upload
 * limit and clamd, which scans every upload when configured).
 */
export type DocumentDeps = CaseFileDeps & { blobs: BlobStore };
export type UploadDeps = DocumentDeps & { uploadMaxBytes: number; virusScanner?: VirusScanner | undefined };

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
