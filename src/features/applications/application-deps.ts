import type { Database } from '../../db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import type { VirusScanner } from '../../platform/virus-scan/clamd.ts';
import type { Clock } from '../../shared/clock.ts';

/** What the form catalogue's use cases need. */
export type FormDeps = { db: Database; clock: Clock };

/**
 * What an application's use cases need: uploads go to the blob store under the upload limit (and
 * through the virus scanner when one is configured); mails through the jobs.
 */
export type ApplicationDeps = FormDeps & { blobs: BlobStore; uploadMaxBytes: number; publicUrl: string; jobs: Jobs; virusScanner?: VirusScanner | undefined };
