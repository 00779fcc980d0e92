import type { Database } from '../../db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import type { Clock } from '../../shared/clock.ts';

/** What the message use cases need; `blobs` for attachments (without it, messages without files only), `jobs` for the answer's mail and the documents' text. */
export type MessageDeps = { db: Database; clock: Clock; blobs?: BlobStore | undefined; jobs: Jobs; publicUrl: string };
