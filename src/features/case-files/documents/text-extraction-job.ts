import { z } from 'zod';
import type { Database } from '../../../db/database.ts';
import { jobType, noPayload, type Connection, type JobDefinition, type Jobs } from '../../../platform/jobs/jobs.ts';
import type { BlobStore } from '../../../platform/storage/blob-store.ts';
import type { Clock } from '../../../shared/clock.ts';
import { pendingTextDocuments } from './document-text-store.ts';
import { extractDocumentText } from './extract-document-text.ts';

export const textExtractionJobType = jobType('case-files.extract-document-text', z.strictObject({ documentId: z.uuid() }));
/** Every ten minutes: documents still pending (an import, a job lost with its instance) get their job. */
export const pendingTextSweepType = jobType('case-files.sweep-pending-texts', noPayload);
export const pendingTextSweepSchedule = '*/10 * * * *';

export type TextJobs = Pick<Jobs, 'send'>;

/** Queues the text extraction with the change that made it necessary (same transaction). */
export async function queueTextExtraction(jobs: TextJobs, trx: Connection, documentId: string): Promise<void> {
  await jobs.send(textExtractionJobType, { documentId }, { trx, singletonKey: documentId });
}

type TextDeps = { db: Database; clock: Clock; blobs: BlobStore };

export function textExtractionJob(deps: TextDeps): JobDefinition<{ documentId: string }> {
  return {
    type: textExtractionJobType,
    // OCR of a long scan takes minutes.
    options: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 1800 },
    concurrency: 1,
    async handle(data) {
      await extractDocumentText(deps, data.documentId);
    },
  };
}

export function pendingTextSweep(deps: TextDeps, jobs: TextJobs): JobDefinition<object> {
  return {
    type: pendingTextSweepType,
    async handle() {
      for (const documentId of await pendingTextDocuments(deps.db, 1000)) await jobs.send(textExtractionJobType, { documentId }, { singletonKey: documentId });
    },
  };
}

/** Registers the text extraction worker and its sweep (main.ts). */
export async function startTextExtraction(jobs: Jobs, deps: TextDeps & { timeZone: string }): Promise<void> {
  await jobs.register(textExtractionJob(deps));
  await jobs.register(pendingTextSweep(deps, jobs));
  await jobs.schedule(pendingTextSweepType, pendingTextSweepSchedule, { tz: deps.timeZone });
}
