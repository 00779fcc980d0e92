import { AppError } from '../../../shared/app-error.ts';
import type { Actor } from '../../staff/index.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { changeDocument, type DocumentRef } from './change-document.ts';
import { clearLock } from './document-changes-store.ts';

/** Releases a check-out: the holder's own, one that ran out, or (team lead, admin) anybody's. */
export async function unlockDocument(deps: CaseFileDeps, actor: Actor | undefined, input: DocumentRef, origin: Origin = {}): Promise<void> {
  if (actor && actor.kind !== 'staff') throw new AppError('forbidden', 'Nur Mitarbeitende können einchecken. / Only staff can unlock documents.');
  const staffId = actor?.staffId ?? '';
  const anyHolder = actor?.role === 'team_lead' || actor?.role === 'admin';
  await changeDocument(deps, actor, input, origin, 'case_document.unlock', async (trx, now) => {
    const cleared = await clearLock(trx, { ...input, staffId, anyHolder }, now);
    return cleared && { result: undefined };
  });
}
