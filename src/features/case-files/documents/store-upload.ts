import { recordAudit, type Actor } from '../../staff/index.ts';
import type { Origin } from '../case-file-deps.ts';
import { addDocumentVersion, type NewVersionInput } from './add-document-version.ts';
import type { UploadDeps } from './document-deps.ts';
import type { receiveUpload } from './receive-upload.ts';
import { queueTextExtraction, type TextJobs } from './text-extraction-job.ts';

/**
 * The rows of a received upload, its audit entry and its text job in one transaction; the staged
 * bytes are committed inside it (addDocumentVersion) and removed if anything fails.
 */
export async function storeUpload(
  deps: UploadDeps & { jobs: TextJobs },
  actor: Actor | undefined,
  received: Awaited<ReturnType<typeof receiveUpload>>,
  input: Omit<NewVersionInput, 'blob' | 'mediaType' | 'createdBy' | 'createdByStaffId'>,
  audit: { action: string; origin: Origin; after?: Record<string, unknown> },
): Promise<{ documentId: string; number: number }> {
  const { staged, mediaType } = received;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const added = await addDocumentVersion(deps, trx, {
        ...input,
        blob: staged,
        mediaType,
        createdByStaffId: actor?.kind === 'staff' ? actor.staffId : null,
        createdBy: actor?.kind === 'staff' ? actor.displayName : 'Lotse',
      });
      await recordAudit(trx, deps.clock, {
        actor,
        action: audit.action,
        target: { type: 'case_document', id: added.documentId },
        after: { ...audit.after, mediaType, size: staged.size, version: added.number },
        screen: audit.origin.screen,
        ip: audit.origin.ip,
      });
      await queueTextExtraction(deps.jobs, trx, added.documentId);
      return added;
    });
  } finally {
    await staged.discard();
  }
}
