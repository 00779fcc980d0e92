import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, recordAudit, type ChangeContext } from '../staff/index.ts';
import type { CaseFileDeps } from './case-file-deps.ts';
import { caseFileLocation } from './case-file-store.ts';
import { accessLogOf } from './case-file-view-store.ts';

/**
 * Who opened or changed a file, for those who read the audit trail (audit.read: the admin, who
 * sees the log but never the file's content). Reading the log is audited itself.
 */
export async function fileAccessLog(deps: CaseFileDeps, ctx: ChangeContext, fileId: string) {
  await authorizeChange(deps, ctx, 'audit.read');
  const file = await caseFileLocation(deps.db, fileId);
  if (!file) throw new AppError('not_found', 'Diese Akte gibt es nicht. / There is no such file.');
  const entries = await accessLogOf(deps.db, file.personId, fileId);
  await recordAudit(deps.db, deps.clock, { actor: ctx.actor, action: 'audit.read', target: { type: 'case_file', id: fileId }, screen: ctx.screen, ip: ctx.ip });
  return entries;
}
