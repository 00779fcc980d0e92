import { AppError } from '../../shared/app-error.ts';
import { auditFileRead } from '../case-files/index.ts';
import { can, recordAudit, type Action, type StaffActor } from '../staff/index.ts';
import type { MessageDeps } from './message-deps.ts';
import { attachmentsOf, messageById } from './message-store.ts';

/** Clerks and team leads of the message's location only; a refusal is audited and a 403. */
export async function refuseOtherLocation(
  deps: Pick<MessageDeps, 'db' | 'clock'>,
  actor: StaffActor,
  message: { id: string; location_id: string },
  action: Action,
  ip?: string | undefined,
): Promise<void> {
  if (can(actor, action, { locationId: message.location_id })) return;
  await recordAudit(deps.db, deps.clock, { actor, action: `denied:${action}`, outcome: 'denied', target: { type: 'portal_message', id: message.id }, ip });
  throw new AppError('forbidden', 'Diese Nachricht dürfen Sie nicht lesen. / You may not read this message.', { details: { action } });
}

/**
 * A clerk opens a message: the read is audited like a file read (in the file's trail when the
 * message is in a file, with the message as its target), in the transaction of the read.
 */
export async function openMessage(deps: Pick<MessageDeps, 'db' | 'clock'>, actor: StaffActor, messageId: string, ip?: string | undefined) {
  const message = await messageById(deps.db, messageId);
  if (!message) throw new AppError('not_found', 'Diese Nachricht gibt es nicht. / There is no such message.');
  await refuseOtherLocation(deps, actor, message, 'case_file.read', ip);
  return deps.db.transaction().execute(async (trx) => {
    const target = { type: 'portal_message', id: message.id };
    if (message.file_id) await auditFileRead(trx, deps.clock, actor, { fileId: message.file_id, what: 'portal_message.read', target, ip });
    else await recordAudit(trx, deps.clock, { actor, action: 'portal_message.read', target, ip });
    return { message, attachments: await attachmentsOf(trx, message.id) };
  });
}
