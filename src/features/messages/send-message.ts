import type { Database } from '../../db/database.ts';
import { procedureForPerson, type Upload } from '../case-files/index.ts';
import { fileMessage, insertAttachmentRows } from './file-message.ts';
import type { MessageDeps } from './message-deps.ts';
import { checkedDraft, messageRefused, type MessageDraft } from './message-input.ts';
import { newMessageReference } from './message-reference.ts';
import { discardAll, receiveAttachments } from './receive-attachments.ts';

export type SendMessageInput = MessageDraft & {
  kind: 'general' | 'procedure';
  /** Drawn when the form was shown (or by the API client): the same key is the same message. */
  submissionKey: string;
  language: string;
  attachments: (Upload & { size?: number })[];
};

export type SentMessage = { id: string; reference: string; dateOfBirth: string; repeated: boolean };

/**
 * A person's message to the office. A message about a procedure needs its number and the person's
 * date of birth (a wrong pair answers like an unknown number) and lands in that file at once, with
 * its attachments as documents; a general one waits in its location's inbox until a clerk assigns
 * it. Sent twice with the same submission key (a double click, a retry): one message, the first.
 * Everything is written in one transaction; a refusal leaves no row and no file.
 */
export async function sendMessage(deps: MessageDeps, input: SendMessageInput): Promise<SentMessage> {
  const draft = checkedDraft(input, input.kind);
  let target: { locationId: string; fileId: string | null; procedureId: string | null } | undefined;
  if (input.kind === 'procedure') {
    const procedure = await procedureForPerson(deps.db, draft.procedureNumber ?? '', draft.dateOfBirth);
    if (!procedure) throw messageRefused([{ field: 'procedureNumber', problem: 'lookup' }]);
    target = { locationId: procedure.locationId, fileId: procedure.fileId, procedureId: procedure.procedureId };
  } else {
    const location = await deps.db
      .selectFrom('location')
      .select('id')
      .where('id', '=', draft.locationId ?? '')
      .executeTakeFirst();
    if (!location) throw messageRefused([{ field: 'location', problem: 'location' }]);
    target = { locationId: location.id, fileId: null, procedureId: null };
  }
  const received = await receiveAttachments(deps, input.attachments);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const inserted = await insertMessage(trx, {
        submission_key: input.submissionKey,
        location_id: target.locationId,
        file_id: target.fileId,
        procedure_id: target.procedureId,
        sender_name: draft.name,
        date_of_birth: draft.dateOfBirth,
        email: draft.email,
        language: input.language,
        body: draft.body,
        received_at: now,
      });
      if (!inserted) {
        const first = await trx
          .selectFrom('portal_message')
          .select(['id', 'reference', 'date_of_birth'])
          .where('submission_key', '=', input.submissionKey)
          .executeTakeFirstOrThrow();
        return { id: first.id, reference: first.reference, dateOfBirth: first.date_of_birth, repeated: true };
      }
      const stored = await insertAttachmentRows(trx, inserted.id, received, now);
      if (target.fileId)
        await fileMessage(
          deps,
          trx,
          {
            ...inserted,
            language: input.language,
            body: draft.body,
            senderName: draft.name,
            fileId: target.fileId,
            procedureId: target.procedureId,
            receivedAt: now,
          },
          stored,
        );
      return { id: inserted.id, reference: inserted.reference, dateOfBirth: draft.dateOfBirth, repeated: false };
    });
  } finally {
    await discardAll(received);
  }
}

type MessageValues = {
  submission_key: string;
  location_id: string;
  file_id: string | null;
  procedure_id: string | null;
  sender_name: string;
  date_of_birth: string;
  email: string;
  language: string;
  body: string;
  received_at: Date;
};

/**
 * Inserts the message unless its submission key is known (then undefined). A reference already
 * taken (rare) is drawn again; DO NOTHING keeps the transaction usable, unlike a caught error.
 */
async function insertMessage(trx: Database, values: MessageValues): Promise<{ id: string; reference: string } | undefined> {
  for (let attempt = 0; ; attempt++) {
    const reference = newMessageReference();
    const row = await trx
      .insertInto('portal_message')
      .values({ ...values, reference })
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'reference'])
      .executeTakeFirst();
    if (row) return row;
    const repeated = await trx.selectFrom('portal_message').select('id').where('submission_key', '=', values.submission_key).executeTakeFirst();
    if (repeated || attempt >= 5) return undefined;
  }
}
