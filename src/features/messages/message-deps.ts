import type { Database } from '../../db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import type { Clock } from '../../shared/clock.ts';
import type { UploadDeps } from '../case-files/index.ts';

/**
 * What the message use cases need; `blobs` for attachments (without it, messages without files
 * only), `virusScanner` to scan them (clamd, when configured), `jobs` for the answer's mail and the
 * documents' text.
 */
export type MessageDeps = {
  db: Database;
  clock: Clock;
  blobs?: BlobStore | undefined;
  virusScanner?: UploadDeps['virusScanner'];
  jobs: Jobs;
  publicUrl: string;
};
