import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { DocumentCategory } from './document-deps.ts';

export type DocumentMetadata = {
  title: string;
  category: DocumentCategory;
  receivedOn: string | null;
  datedOn: string | null;
  sender: string | null;
  procedureId: string | null;
};

/**
 * The document's search vector as the search helper expects it (docs/case-files.md): the title
 * weighs more than the text of the current version.
 */
export const searchVectorOf = (title: unknown, text: unknown) =>
  sql<string>`setweight(to_tsvector('german', ${title}), 'A') || setweight(to_tsvector('german', coalesce(${text}, '')), 'B')`;

/** The blob's row; an existing row is kept, and one being deleted by retention is waited for (see the migration). */
export async function insertBlobRow(trx: Database, blob: { sha256: string; size: number; mediaType: string }, now: Date): Promise<void> {
  await trx
    .insertInto('blob')
    .values({ sha256: blob.sha256, size: blob.size, media_type: blob.mediaType, created_at: now })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function insertDocument(
  trx: Database,
  input: DocumentMetadata & { fileId: string; importKey?: string | undefined },
  now: Date,
): Promise<{ id: string }> {
  return trx
    .insertInto('case_document')
    .values({
      file_id: input.fileId,
      procedure_id: input.procedureId,
      title: input.title,
      category: input.category,
      received_on: input.receivedOn,
      dated_on: input.datedOn,
      sender: input.sender,
      import_key: input.importKey ?? null,
      search_vector: searchVectorOf(input.title, null),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * Takes the next version number under the document's row lock (two uploads at once get n+1 and
 * n+2, never the same), unless someone else holds an unexpired lock. Undefined when the document
 * is not in this file or is locked: `documentState` tells which.
 */
export async function claimNextVersion(trx: Database, input: { documentId: string; fileId: string; staffId: string | null }, now: Date) {
  return trx
    .updateTable('case_document')
    .set({
      current_version: sql`current_version + 1`,
      version: sql`version + 1`,
      text_state: 'pending',
      search_vector: searchVectorOf(sql.ref('title'), null),
      updated_at: now,
    })
    .where('id', '=', input.documentId)
    .where('file_id', '=', input.fileId)
    .where(freeFor(input.staffId, now))
    .returning(['current_version'])
    .executeTakeFirst();
}

/** Free for this staff member: unlocked, lock run out, or their own lock. */
export const freeFor = (staffId: string | null, now: Date) =>
  sql<boolean>`(locked_by_staff_id IS NULL OR locked_until <= ${now} OR locked_by_staff_id IS NOT DISTINCT FROM ${staffId})`;

export async function insertVersion(
  trx: Database,
  input: {
    documentId: string;
    number: number;
    sha256: string;
    size: number;
    mediaType: string;
    fileName: string;
    createdByStaffId: string | null;
    createdBy: string;
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('case_document_version')
    .values({
      document_id: input.documentId,
      number: input.number,
      blob_sha256: input.sha256,
      media_type: input.mediaType,
      size: input.size,
      file_name: input.fileName,
      created_by_staff_id: input.createdByStaffId,
      created_by: input.createdBy,
      created_at: now,
    })
    .execute();
}

/** The document as far as a change needs it, or undefined when it is not in this file. */
export async function documentState(db: Database, fileId: string, documentId: string) {
  return db
    .selectFrom('case_document')
    .leftJoin('staff', 'staff.id', 'case_document.locked_by_staff_id')
    .select([
      'case_document.id',
      'case_document.title',
      'case_document.version',
      'case_document.current_version',
      'case_document.locked_by_staff_id',
      'case_document.locked_until',
      'staff.display_name as locked_by_name',
    ])
    .where('case_document.id', '=', documentId)
    .where('case_document.file_id', '=', fileId)
    .executeTakeFirst();
}
