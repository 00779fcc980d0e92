import { AppError } from '../../../shared/app-error.ts';
import type { Actor } from '../../staff/index.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { changeDocument, type DocumentRef } from './change-document.ts';
import { clearLock, setLock } from './document-changes-store.ts';
import { lockMinutes } from './document-deps.ts';

/**
 * Checks a document out for `minutes` (default 30, at most 8 hours): until then nobody else adds a
 * version, edits or deletes it. Taking one's own lock again extends it. The lock runs out by
 * itself, so a clerk who goes home never blocks the file for long.
 */
export async function lockDocument(
  deps: CaseFileDeps,
  actor: Actor | undefined,
  input: DocumentRef & { minutes?: number | undefined },
  origin: Origin = {},
): Promise<{ lockedUntil: Date }> {
  if (actor && actor.kind !== 'staff') throw new AppError('forbidden', 'Nur Mitarbeitende können auschecken. / Only staff can lock documents.');
  const minutes = input.minutes ?? lockMinutes.default;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > lockMinutes.max)
    throw new AppError('validation_failed', `Sperrdauer 1 bis ${lockMinutes.max} Minuten. / Lock for 1 to ${lockMinutes.max} minutes.`, {
      fieldErrors: [{ path: 'minutes', message: `1–${lockMinutes.max}` }],
    });
  const staffId = actor?.staffId ?? '';
  return changeDocument(deps, actor, input, origin, 'case_document.lock', async (trx, now) => {
    const locked = await setLock(trx, { fileId: input.fileId, documentId: input.documentId, staffId, until: new Date(now.getTime() + minutes * 60_000) }, now);
    if (!locked?.locked_until) return undefined;
    return { result: { lockedUntil: locked.locked_until }, after: { until: locked.locked_until.toISOString() } };
  });
}

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
