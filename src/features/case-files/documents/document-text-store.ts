import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { searchVectorOf } from './document-store.ts';

/** The current version of a document whose text is still to be read; undefined when there is none (done already). */
export async function pendingTextVersion(db: Database, documentId: string) {
  return db
    .selectFrom('case_document as d')
    .innerJoin('case_document_version as v', (join) => join.onRef('v.document_id', '=', 'd.id').onRef('v.number', '=', 'd.current_version'))
    .select(['d.id', 'v.number', 'v.blob_sha256', 'v.media_type'])
    .where('d.id', '=', documentId)
    .where('d.text_state', '=', 'pending')
    .executeTakeFirst();
}

/** Documents waiting for their text, oldest first (the sweep after a restart or an import). */
export async function pendingTextDocuments(db: Database, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('case_document').select('id').where('text_state', '=', 'pending').orderBy('created_at').limit(limit).execute();
  return rows.map((row) => row.id);
}

/**
 * Stores the text of version `number` and, if it is still the current one, the document's state
 * and search vector. A version added meanwhile keeps the document pending for its own run.
 */
export async function storeText(
  trx: Database,
  input: {
    documentId: string;
    number: number;
    text: string | null;
    searchText: string | null;
    pageCount: number | null;
    state: 'extracted' | 'no_text' | 'failed';
  },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('case_document_version')
    .set({ extracted_text: input.text, page_count: input.pageCount })
    .where('document_id', '=', input.documentId)
    .where('number', '=', input.number)
    .execute();
  await trx
    .updateTable('case_document')
    .set({ text_state: input.state, search_vector: searchVectorOf(sql.ref('title'), input.searchText), updated_at: now })
    .where('id', '=', input.documentId)
    .where('current_version', '=', input.number)
    .where('text_state', '=', 'pending')
    .execute();
}
