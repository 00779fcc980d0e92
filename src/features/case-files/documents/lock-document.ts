import { AppError } from '../../../shared/app-error.ts';
import { recordAudit, type Actor } from '../../staff/index.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { whyNotChangeable } from './add-document-version.ts';
import { lockMinutes } from './document-deps.ts';
import { setLock } from './document-changes-store.ts';

/**
 * Checks a document out for `minutes` (default 30, at most 8 hours): until then nobody else adds a
 * version, edits or deletes it. Taking one's own lock again extends it. The lock runs out by
 * itself, so a clerk who goes home never blocks the file for long.
 */
export async function lockDocument(
  deps: CaseFileDeps,
  actor: Actor | undefined,
  input: { fileId: string; documentId: string; minutes?: number | undefined },
  origin: Origin = {},
): Promise<{ lockedUntil: Date }> {
  await authorizeFile(deps, actor, input.fileId, 'case_file.write', origin);
  if (actor?.kind !== 'staff') throw new AppError('forbidden', 'Nur Mitarbeitende können auschecken. / Only staff can lock documents.');
  const minutes = input.minutes ?? lockMinutes.default;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > lockMinutes.max)
    throw new AppError('validation_failed', `Sperrdauer 1 bis ${lockMinutes.max} Minuten. / Lock for 1 to ${lockMinutes.max} minutes.`, {
      fieldErrors: [{ path: 'minutes', message: `1–${lockMinutes.max}` }],
    });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const locked = await setLock(trx, { ...input, staffId: actor.staffId, until: new Date(now.getTime() + minutes * 60_000) }, now);
    if (!locked?.locked_until) throw await whyNotChangeable(trx, input.fileId, input.documentId);
    await recordAudit(trx, deps.clock, {
      actor,
      action: 'case_document.lock',
      target: { type: 'case_document', id: input.documentId },
      after: { until: locked.locked_until.toISOString() },
      screen: origin.screen,
      ip: origin.ip,
    });
    return { lockedUntil: locked.locked_until };
  });
}
