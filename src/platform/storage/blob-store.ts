import { createFolderBlobStore } from './folder-blob-store.ts';
import { createS3BlobStore } from './s3-blob-store.ts';
import type { BlobStore } from './blob-types.ts';

export { BlobCorruptError, type BlobStore, type StagedBlob } from './blob-types.ts';

export type BlobStoreSettings = { folder: string } | { s3Url: string; temporaryFolder?: string };

export function createBlobStore(settings: BlobStoreSettings): BlobStore {
  return 'folder' in settings ? createFolderBlobStore(settings.folder) : createS3BlobStore(settings.s3Url, settings.temporaryFolder);
}
