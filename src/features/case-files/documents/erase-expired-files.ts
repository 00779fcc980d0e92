import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../../db/database.ts';
import { jobType, noPayload, type JobDefinition, type Jobs } from '../../../platform/jobs/jobs.ts';
import type { Logger } from '../../../platform/log.ts';
import type { BlobStore } from '../../../platform/storage/blob-store.ts';
import type { Clock } from '../../../shared/clock.ts';
import { pseudonymiseCaseAuditPersons, recordAudit } from '../../staff/index.ts';
import { deleteBlobRow, deletePersons, expiredFiles, unreferencedBlobs } from './retention-store.ts';

type RetentionDeps = { db: Database; clock: Clock; blobs: Pick<BlobStore, 'delete' | 'sweepStaging'>; timeZone: string };

/**
 * Deletes the closed files whose retention period has ended (the person with the file, its
 * documents, versions and notes; the audit trail stays, its person rows pseudonymised), then
 * removes the bytes no version names any more. Batches of 100 files, each in its own transaction.
 */
export async function eraseExpiredFiles(deps: RetentionDeps): Promise<{ files: number; blobs: number; staging: number }> {
  const today = Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime()).toZonedDateTimeISO(deps.timeZone).toPlainDate().toString();
  let files = 0;
  for (;;) {
    const erased = await deps.db.transaction().execute(async (trx) => {
      const expired = await expiredFiles(trx, today, 100);
      const personIds = expired.map((file) => file.person_id);
      await pseudonymiseCaseAuditPersons(trx, deps.clock, personIds);
      await deletePersons(trx, personIds);
      for (const file of expired)
        await recordAudit(trx, deps.clock, { actorLabel: 'Lotse (Aufbewahrungsfrist)', action: 'case_file.erase', target: { type: 'case_file', id: file.id } });
      return expired.length;
    });
    files += erased;
    if (erased < 100) break;
  }
  const blobs = await removeUnreferencedBlobs(deps);
  const staging = await deps.blobs.sweepStaging(new Date(deps.clock.now().getTime() - stagingLifetimeMs));
  return { files, blobs, staging };
}

/** An upload stages its bytes for the length of one request; a day-old staging file was left by a crash. */
const stagingLifetimeMs = 24 * 3600_000;

/** The locking protocol of the `blob` table (see its migration): row deleted and bytes removed before the commit. */
export async function removeUnreferencedBlobs(deps: Pick<RetentionDeps, 'db' | 'blobs'>): Promise<number> {
  let removed = 0;
  for (const sha256 of await unreferencedBlobs(deps.db, 10_000)) {
    try {
      const gone = await deps.db.transaction().execute(async (trx) => {
        if (!(await deleteBlobRow(trx, sha256))) return false;
        await deps.blobs.delete(sha256);
        return true;
      });
      if (gone) removed++;
    } catch (error) {
      // 23503: a version took the blob meanwhile; it stays.
      if ((error as { code?: string }).code !== '23503') throw error;
    }
  }
  return removed;
}

export const fileRetentionJobType = jobType('case-files.erase-expired-files', noPayload);
/** Nightly: retention dates are days (31 December), so once a night is on time. */
export const fileRetentionSchedule = '41 2 * * *';

export function fileRetentionJob(deps: RetentionDeps & { logger: Logger }): JobDefinition<object> {
  return {
    type: fileRetentionJobType,
    options: { retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
    async handle() {
      const run = await eraseExpiredFiles(deps);
      // Counts only.
      if (run.files + run.blobs + run.staging > 0) deps.logger.info({ caseFileRetention: run }, 'closed files erased after their retention period');
    },
  };
}

export async function startFileRetention(jobs: Jobs, deps: RetentionDeps & { logger: Logger }): Promise<void> {
  await jobs.register(fileRetentionJob(deps));
  await jobs.schedule(fileRetentionJobType, fileRetentionSchedule, { tz: deps.timeZone });
}
