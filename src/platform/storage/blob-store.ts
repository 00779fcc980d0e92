import { createFolderBlobStore } from './folder-blob-store.ts';
import { createS3BlobStore } from './s3-blob-store.ts';
import type { BlobStore } from './blob-types.ts';

export { BlobCorruptError, type BlobStore, type StagedBlob } from './blob-types.ts';

export type BlobStoreSettings = { folder: string } | { s3Url: string; temporaryFolder?: string };

export function createBlobStore(settings: BlobStoreSettings): BlobStore {
  return 'folder' in settings ? createFolderBlobStore(settings.folder) : createS3BlobStore(settings.s3Url, settings.temporaryFolder);
}

/**
 * The folder a backup with --files copies and a restore writes: the folder store's. A bucket
 * (LOTSE_BLOB_S3_URL) is backed up by the object store itself (versioning, replication).
 */
export function documentFolder(config: { blobs: BlobStoreSettings }): string {
  if ('folder' in config.blobs) return config.blobs.folder;
  throw new Error('The documents are in an S3 bucket (LOTSE_BLOB_S3_URL): back them up with the object store (versioning or replication), not with --files.');
}
