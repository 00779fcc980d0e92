import type { Database } from '../../db/database.ts';
import { jobType, noPayload, type JobDefinition, type Jobs } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import type { Clock } from '../../shared/clock.ts';
import { removeUnreferencedBlobs } from '../case-files/index.ts';
import { deleteAbandonedDrafts } from './application-store.ts';

type SweepDeps = { db: Database; clock: Clock; blobs: Pick<BlobStore, 'delete'>; draftDays: number };

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Deletes the applications never submitted and untouched (no step saved, no file uploaded) for
 * `draftDays` days, with their uploads, then the bytes nothing names any more. Their links stop
 * working; submitted applications are never touched. Batches of 500, each its own statement.
 */
export async function sweepAbandonedDrafts(deps: SweepDeps): Promise<{ applications: number; blobs: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.draftDays * dayMs);
  let applications = 0;
  for (;;) {
    const deleted = await deleteAbandonedDrafts(deps.db, cutoff, 500);
    applications += deleted;
    if (deleted < 500) break;
  }
  return { applications, blobs: applications > 0 ? await removeUnreferencedBlobs(deps) : 0 };
}

export const draftSweepJobType = jobType('applications.sweep-abandoned-drafts', noPayload);
/** Nightly: the limit is in days, so once a night is on time. */
export const draftSweepSchedule = '53 2 * * *';

export function draftSweepJob(deps: SweepDeps & { logger: Logger }): JobDefinition<object> {
  const handle = async () => {
    const { applications, blobs } = await sweepAbandonedDrafts(deps);
    // Counts only.
    if (applications > 0) deps.logger.info({ abandonedDrafts: applications, blobs }, 'abandoned application drafts deleted');
  };
  // A run that expired is simply run again: deleting what is past the cutoff twice deletes nothing more.
  return { type: draftSweepJobType, options: { retryLimit: 2, retryDelay: 600, expireInSeconds: 1800 }, handle };
}

export async function startDraftSweep(jobs: Jobs, deps: SweepDeps & { logger: Logger; timeZone: string }): Promise<void> {
  await jobs.register(draftSweepJob(deps));
  await jobs.schedule(draftSweepJobType, draftSweepSchedule, { tz: deps.timeZone });
}
