import { enqueueMail } from '../../platform/mail/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { insertNote } from '../case-files/index.ts';
import { actorLabel, recordAudit, type StaffActor } from '../staff/index.ts';
import { answerNotice } from './answer-notice.ts';
import { answerNoteText } from './file-message.ts';
import type { MessageDeps } from './message-deps.ts';
import { messageById } from './message-store.ts';
import { refuseOtherLocation } from './open-message.ts';

const maxAnswer = 3500;

/**
 * A clerk's answer. One answer per message: when two clerks answer at the same moment, the first
 * commit wins and the other gets a conflict (the primary key decides). The answer lands in the
 * file (when the message is in one) and the person's "you have an answer" mail is queued in the
 * same transaction.
 */
export async function answerMessage(
  deps: MessageDeps,
  actor: StaffActor,
  input: { messageId: string; body: string; templateId?: string | undefined; ip?: string | undefined },
): Promise<void> {
  const body = input.body.normalize('NFC').replace(/\r\n/g, '\n').trim();
  if (body.length === 0)
    throw new AppError('validation_failed', 'Die Antwort ist leer. / The answer is empty.', { fieldErrors: [{ path: 'body', message: 'empty' }] });
  if (body.length > maxAnswer)
    throw new AppError('validation_failed', `Die Antwort ist länger als ${maxAnswer} Zeichen. / The answer is longer than ${maxAnswer} characters.`, {
      fieldErrors: [{ path: 'body', message: 'too long' }],
    });
  const message = await messageById(deps.db, input.messageId);
  if (!message) throw new AppError('not_found', 'Diese Nachricht gibt es nicht. / There is no such message.');
  await refuseOtherLocation(deps, actor, message, 'case_file.write', input.ip);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const noteId = message.file_id
      ? (
          await insertNote(trx, {
            fileId: message.file_id,
            procedureId: message.procedure_id,
            text: answerNoteText(message, body),
            byStaffId: actor.staffId,
            byLabel: actorLabel(actor),
            at: now,
          })
        ).id
      : null;
    const answered = await trx
      .insertInto('portal_message_answer')
      .values({
        message_id: message.id,
        body,
        template_id: input.templateId ?? null,
        by_staff_id: actor.staffId,
        by_label: actorLabel(actor),
        note_id: noteId,
        answered_at: now,
      })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .returning('message_id')
      .executeTakeFirst();
    if (!answered) throw new AppError('conflict', 'Diese Nachricht wurde inzwischen beantwortet. / This message was answered meanwhile.');
    await recordAudit(trx, deps.clock, { actor, action: 'portal_message.answer', target: { type: 'portal_message', id: message.id }, ip: input.ip });
    await enqueueMail(deps.jobs, answerNotice(message, deps.publicUrl), { trx });
  });
}
