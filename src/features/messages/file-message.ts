import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { addDocumentVersion, insertBlobRow, insertNote, queueTextExtraction } from '../case-files/index.ts';
import type { MessageDeps } from './message-deps.ts';
import type { ReceivedAttachment } from './receive-attachments.ts';

/** How a message appears as a note in the file (German: the file is the office's). */
export function messageNoteText(message: { reference: string; language: string; body: string }): string {
  return `Nachricht über das Portal (${message.reference}, Sprache ${message.language}):\n\n${message.body}`;
}

export function answerNoteText(message: { reference: string }, answer: string): string {
  return `Antwort auf die Nachricht ${message.reference}:\n\n${answer}`;
}

export type StoredAttachment = { position: number; sha256: string; size: number; mediaType: string; fileName: string };

/**
 * Puts a message into a file in the caller's transaction: a note with its text and a document
 * (category correspondence) per attachment, whose text is then extracted like any upload's.
 */
export async function fileMessage(
  deps: Pick<MessageDeps, 'clock' | 'blobs' | 'jobs'>,
  trx: Database,
  message: { id: string; reference: string; language: string; body: string; senderName: string; fileId: string; procedureId: string | null; receivedAt: Date },
  attachments: StoredAttachment[],
): Promise<void> {
  const note = await insertNote(trx, {
    fileId: message.fileId,
    procedureId: message.procedureId,
    text: messageNoteText(message),
    byStaffId: null,
    byLabel: `Portal: ${message.senderName}`,
    at: message.receivedAt,
  });
  await trx.updateTable('portal_message').set({ note_id: note.id, file_id: message.fileId }).where('id', '=', message.id).execute();
  for (const attachment of attachments) {
    if (!deps.blobs) throw new AppError('unavailable', 'Attachments cannot be filed here (no blob store configured).');
    const added = await addDocumentVersion({ clock: deps.clock, blobs: deps.blobs }, trx, {
      fileId: message.fileId,
      metadata: {
        title: `Anlage ${attachment.position} zur Nachricht ${message.reference}`,
        category: 'correspondence',
        procedureId: message.procedureId,
        receivedOn: null,
        datedOn: null,
        sender: message.senderName.slice(0, 300),
      },
      blob: { sha256: attachment.sha256, size: attachment.size },
      mediaType: attachment.mediaType,
      fileName: attachment.fileName,
      createdBy: `Portal: ${message.senderName}`.slice(0, 300),
    });
    await trx
      .updateTable('portal_message_attachment')
      .set({ document_id: added.documentId })
      .where('message_id', '=', message.id)
      .where('position', '=', attachment.position)
      .execute();
    await queueTextExtraction(deps.jobs, trx, added.documentId);
  }
}

/**
 * The attachment rows of a message: the blob row first (it waits for a retention run deleting the
 * same bytes), then the attachment that holds it by its foreign key, then the staged bytes go in.
 */
export async function insertAttachmentRows(trx: Database, messageId: string, received: ReceivedAttachment[], now: Date): Promise<StoredAttachment[]> {
  const rows: StoredAttachment[] = [];
  for (const [index, one] of received.entries()) {
    const row = { position: index + 1, sha256: one.staged.sha256, size: one.staged.size, mediaType: one.mediaType, fileName: one.fileName };
    await insertBlobRow(trx, { sha256: row.sha256, size: row.size, mediaType: row.mediaType }, now);
    await trx
      .insertInto('portal_message_attachment')
      .values({ message_id: messageId, position: row.position, blob_sha256: row.sha256, media_type: row.mediaType, size: row.size, file_name: row.fileName })
      .execute();
    await one.staged.commit();
    rows.push(row);
  }
  return rows;
}
