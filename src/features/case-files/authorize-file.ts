import { AppError } from '../../shared/app-error.ts';
import { can, recordAudit, type Action, type Actor } from '../staff/index.ts';
import { caseFileLocation } from './case-file-store.ts';
import type { CaseFileDeps, Origin } from './case-file-deps.ts';

/**
 * Checks the action on the file's location (clerks and team leads: their own locations only).
 * An unknown id is a 404; a refusal is audited and a 403. Returns where the file is and whose it is.
 */
export async function authorizeFile(
  deps: CaseFileDeps,
  actor: Actor | undefined,
  fileId: string,
  action: Action,
  origin: Origin = {},
): Promise<{ locationId: string; personId: string }> {
  if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an. / Please sign in.');
  const file = await caseFileLocation(deps.db, fileId);
  if (!file) throw new AppError('not_found', 'Diese Akte gibt es nicht. / There is no such file.');
  if (can(actor, action, { locationId: file.locationId })) return file;
  await recordAudit(deps.db, deps.clock, {
    actor,
    action: `denied:${action}`,
    outcome: 'denied',
    target: { type: 'case_file', id: fileId },
    screen: origin.screen,
    ip: origin.ip,
  });
  throw new AppError('forbidden', 'Diese Akte dürfen Sie nicht öffnen oder ändern. / You may not do this with this file.', { details: { action } });
}
