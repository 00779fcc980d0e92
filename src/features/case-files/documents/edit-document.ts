import { AppError } from '../../../shared/app-error.ts';
import { recordAudit, type Actor } from '../../staff/index.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { whyNotChangeable } from './add-document-version.ts';
import { updateMetadata } from './document-changes-store.ts';
import { parseDocumentMetadata, procedureNotInFile } from './document-metadata.ts';
import { documentState } from './document-store.ts';

/**
 * Changes title, category, dates, sender or procedure. The change names the version it was based
 * on: if another clerk changed the document since, it is refused (409) and nothing is written.
 * A new title gives a new search vector (with the current version's text).
 */
export async function editDocument(
  deps: CaseFileDeps,
  actor: Actor | undefined,
  input: { fileId: string; documentId: string; basedOn: number; metadata: unknown },
  origin: Origin = {},
): Promise<{ version: number }> {
  await authorizeFile(deps, actor, input.fileId, 'case_file.write', origin);
  const metadata = parseDocumentMetadata(input.metadata);
  const staffId = actor?.kind === 'staff' ? actor.staffId : null;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const before = await documentState(trx, input.fileId, input.documentId);
      const changed = await updateMetadata(trx, { ...input, staffId, metadata }, deps.clock.now());
      if (!changed) {
        if (before && before.version !== input.basedOn)
          throw new AppError('conflict', 'Das Dokument wurde inzwischen geändert; bitte neu laden. / The document was changed meanwhile; please reload.', {
            details: { currentVersion: before.version },
          });
        throw await whyNotChangeable(trx, input.fileId, input.documentId);
      }
      await recordAudit(trx, deps.clock, {
        actor,
        action: 'case_document.edit',
        target: { type: 'case_document', id: input.documentId },
        before: before ? { title: before.title } : undefined,
        after: { title: metadata.title, category: metadata.category },
        screen: origin.screen,
        ip: origin.ip,
      });
      return { version: changed.version };
    });
  } catch (error) {
    throw procedureNotInFile(error) ?? error;
  }
}
