import type { Database } from '../../../db/database.ts';
import { recordAudit, type Actor } from '../../staff/index.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { whyNotChangeable } from './add-document-version.ts';

export type DocumentRef = { fileId: string; documentId: string };

/**
 * One change of a document by a clerk: authorized on the file, made in one transaction with its
 * audit entry. `change` returns undefined when the row was not changed (unknown, or locked by
 * someone else: the error says which), else what the audit entry records.
 */
export async function changeDocument<T>(
  deps: CaseFileDeps,
  actor: Actor | undefined,
  ref: DocumentRef,
  origin: Origin,
  action: string,
  change: (trx: Database, now: Date) => Promise<{ result: T; before?: unknown; after?: unknown } | undefined>,
): Promise<T> {
  await authorizeFile(deps, actor, ref.fileId, 'case_file.write', origin);
  return deps.db.transaction().execute(async (trx) => {
    const changed = await change(trx, deps.clock.now());
    if (!changed) throw await whyNotChangeable(trx, ref.fileId, ref.documentId);
    await recordAudit(trx, deps.clock, {
      actor,
      action,
      target: { type: 'case_document', id: ref.documentId },
      before: changed.before,
      after: changed.after,
      screen: origin.screen,
      ip: origin.ip,
    });
    return changed.result;
  });
}
