import { AppError } from '../../shared/app-error.ts';
import { authorizeFile, findCaseFileByReference, insertNote } from '../case-files/index.ts';
import { recordAudit, type StaffActor } from '../staff/index.ts';
import { answerNoteText, fileMessage } from './file-message.ts';
import type { MessageDeps } from './message-deps.ts';
import { attachmentsOf, messageById } from './message-store.ts';
import { refuseOtherLocation } from './open-message.ts';

/**
 * A clerk puts a general message into a person's file (by its Aktenzeichen): its text becomes a
 * note, its attachments documents, and an answer given before lands there too. The message row
 * is locked: two clerks assigning at once file it once, the second gets a conflict.
 */
export async function assignMessage(
  deps: MessageDeps,
  actor: StaffActor,
  input: { messageId: string; fileReference: string; ip?: string | undefined },
): Promise<{ fileId: string }> {
  const message = await messageById(deps.db, input.messageId);
  if (!message) throw new AppError('not_found', 'Diese Nachricht gibt es nicht. / There is no such message.');
  await refuseOtherLocation(deps, actor, message, 'case_file.write', input.ip);
  const file = await findCaseFileByReference(deps.db, input.fileReference.trim());
  if (!file)
    throw new AppError('validation_failed', 'Eine Akte mit diesem Aktenzeichen gibt es nicht. / There is no file with this reference.', {
      fieldErrors: [{ path: 'fileReference', message: 'unknown' }],
    });
  await authorizeFile(deps, actor, file.id, 'case_file.write', { ip: input.ip });
  await deps.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('portal_message').select('file_id').where('id', '=', message.id).forUpdate().executeTakeFirst();
    if (!locked) throw new AppError('not_found', 'Diese Nachricht gibt es nicht mehr. / This message is gone.');
    if (locked.file_id) throw new AppError('conflict', 'Die Nachricht ist schon in einer Akte. / The message is in a file already.');
    const attachments = (await attachmentsOf(trx, message.id)).map((a) => ({
      position: a.position,
      sha256: a.blob_sha256,
      size: Number(a.size),
      mediaType: a.media_type,
      fileName: a.file_name,
    }));
    await fileMessage(
      deps,
      trx,
      {
        id: message.id,
        reference: message.reference,
        language: message.language,
        body: message.body,
        senderName: message.sender_name,
        fileId: file.id,
        procedureId: null,
        receivedAt: message.received_at,
      },
      attachments,
    );
    if (message.answer_body && message.answered_at) {
      const note = await insertNote(trx, {
        fileId: file.id,
        procedureId: null,
        text: answerNoteText(message, message.answer_body),
        byStaffId: null,
        byLabel: message.answer_by ?? 'Lotse',
        at: message.answered_at,
      });
      await trx.updateTable('portal_message_answer').set({ note_id: note.id }).where('message_id', '=', message.id).execute();
    }
    await recordAudit(trx, deps.clock, { actor, action: 'portal_message.assign', target: { type: 'portal_message', id: message.id }, ip: input.ip });
  });
  return { fileId: file.id };
}
