import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { freeFor, searchVectorOf, type DocumentMetadata } from './document-store.ts';

/** Changes the metadata if the document is still at `basedOn` and free for this staff member. */
export async function updateMetadata(
  trx: Database,
  input: { fileId: string; documentId: string; basedOn: number; staffId: string | null; metadata: DocumentMetadata },
  now: Date,
) {
  const m = input.metadata;
  const currentText = sql`(SELECT extracted_text FROM case_document_version v WHERE v.document_id = case_document.id AND v.number = case_document.current_version)`;
  return trx
    .updateTable('case_document')
    .set({
      title: m.title,
      category: m.category,
      received_on: m.receivedOn,
      dated_on: m.datedOn,
      sender: m.sender,
      procedure_id: m.procedureId,
      search_vector: searchVectorOf(m.title, currentText),
      version: sql`version + 1`,
      updated_at: now,
    })
    .where('id', '=', input.documentId)
    .where('file_id', '=', input.fileId)
    .where('version', '=', input.basedOn)
    .where(freeFor(input.staffId, now))
    .returning(['version'])
    .executeTakeFirst();
}

export async function setLock(trx: Database, input: { fileId: string; documentId: string; staffId: string; until: Date }, now: Date) {
  return trx
    .updateTable('case_document')
    .set({ locked_by_staff_id: input.staffId, locked_until: input.until, version: sql`version + 1`, updated_at: now })
    .where('id', '=', input.documentId)
    .where('file_id', '=', input.fileId)
    .where(freeFor(input.staffId, now))
    .returning(['locked_until'])
    .executeTakeFirst();
}

/** Releases the lock: the holder's, a lock that ran out, or any lock when `anyHolder` (team lead). */
export async function clearLock(trx: Database, input: { fileId: string; documentId: string; staffId: string; anyHolder: boolean }, now: Date) {
  return trx
    .updateTable('case_document')
    .set({ locked_by_staff_id: null, locked_until: null, version: sql`version + 1`, updated_at: now })
    .where('id', '=', input.documentId)
    .where('file_id', '=', input.fileId)
    .where(input.anyHolder ? sql<boolean>`true` : freeFor(input.staffId, now))
    .returning(['id'])
    .executeTakeFirst();
}

export async function deleteDocumentRow(trx: Database, input: { fileId: string; documentId: string; staffId: string | null }, now: Date) {
  return trx
    .deleteFrom('case_document')
    .where('id', '=', input.documentId)
    .where('file_id', '=', input.fileId)
    .where(freeFor(input.staffId, now))
    .returning(['id', 'title', 'category'])
    .executeTakeFirst();
}

export async function insertDocumentNote(
  trx: Database,
  input: { fileId: string; documentId: string; text: string; staffId: string | null; label: string },
  now: Date,
): Promise<{ id: string }> {
  return trx
    .insertInto('case_note')
    .values({ file_id: input.fileId, document_id: input.documentId, text: input.text, by_staff_id: input.staffId, by_label: input.label, at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}
