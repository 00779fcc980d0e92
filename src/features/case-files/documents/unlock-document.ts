import { AppError } from '../../../shared/app-error.ts';
import { recordAudit, type Actor } from '../../staff/index.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { whyNotChangeable } from './add-document-version.ts';
import { clearLock } from './document-changes-store.ts';

/** Releases a check-out: the holder's own, one that ran out, or (team lead, admin) anybody's. */
export async function unlockDocument(
  deps: CaseFileDeps,
  actor: Actor | undefined,
  input: { fileId: string; documentId: string },
  origin: Origin = {},
): Promise<void> {
  await authorizeFile(deps, actor, input.fileId, 'case_file.write', origin);
  if (actor?.kind !== 'staff') throw new AppError('forbidden', 'Nur Mitarbeitende können einchecken. / Only staff can unlock documents.');
  const anyHolder = actor.role === 'team_lead' || actor.role === 'admin';
  await deps.db.transaction().execute(async (trx) => {
    const cleared = await clearLock(trx, { ...input, staffId: actor.staffId, anyHolder }, deps.clock.now());
    if (!cleared) throw await whyNotChangeable(trx, input.fileId, input.documentId);
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'case_document.unlock',
      target: { type: 'case_document', id: input.documentId },
      screen: origin.screen,
      ip: origin.ip,
    });
  });
}
