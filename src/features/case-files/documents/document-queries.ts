import type { Database } from '../../../db/database.ts';

export type DocumentSummary = {
  id: string;
  title: string;
  category: string;
  receivedOn: string | null;
  datedOn: string | null;
  sender: string | null;
  procedureId: string | null;
  currentVersion: number;
  version: number;
  textState: string;
  lockedById: string | null;
  lockedByName: string | null;
  lockedUntil: Date | null;
  mediaType: string;
  pageCount: number | null;
  createdAt: Date;
};

const summaryColumns = [
  'd.id',
  'd.title',
  'd.category',
  'd.received_on',
  'd.dated_on',
  'd.sender',
  'd.procedure_id',
  'd.current_version',
  'd.version',
  'd.text_state',
  'd.locked_by_staff_id',
  'd.locked_until',
  'd.created_at',
  'staff.display_name as locked_by_name',
  'v.media_type',
  'v.page_count',
] as const;

function documentsQuery(db: Database) {
  return db
    .selectFrom('case_document as d')
    .innerJoin('case_document_version as v', (join) => join.onRef('v.document_id', '=', 'd.id').onRef('v.number', '=', 'd.current_version'))
    .leftJoin('staff', 'staff.id', 'd.locked_by_staff_id')
    .select(summaryColumns);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof documentsQuery>['executeTakeFirstOrThrow']>>;
const toSummary = (row: SummaryRow): DocumentSummary => ({
  id: row.id,
  title: row.title,
  category: row.category,
  receivedOn: row.received_on,
  datedOn: row.dated_on,
  sender: row.sender,
  procedureId: row.procedure_id,
  currentVersion: row.current_version,
  version: row.version,
  textState: row.text_state,
  lockedById: row.locked_by_staff_id,
  lockedByName: row.locked_by_name,
  lockedUntil: row.locked_until,
  mediaType: row.media_type,
  pageCount: row.page_count,
  createdAt: row.created_at,
});

/** A file's documents, newest received first (then newest added). */
export async function documentsOfFile(db: Database, fileId: string): Promise<DocumentSummary[]> {
  const rows = await documentsQuery(db)
    .where('d.file_id', '=', fileId)
    .orderBy('d.received_on', (ob) => ob.desc().nullsLast())
    .orderBy('d.created_at', 'desc')
    .execute();
  return rows.map(toSummary);
}

export async function documentOfFile(db: Database, fileId: string, documentId: string): Promise<DocumentSummary | undefined> {
  const row = await documentsQuery(db).where('d.file_id', '=', fileId).where('d.id', '=', documentId).executeTakeFirst();
  return row && toSummary(row);
}

export type VersionRow = {
  number: number;
  mediaType: string;
  size: number;
  fileName: string;
  sha256: string;
  pageCount: number | null;
  createdBy: string;
  createdAt: Date;
};

export async function versionsOf(db: Database, documentId: string): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('case_document_version')
    .select(['number', 'media_type', 'size', 'file_name', 'blob_sha256', 'page_count', 'created_by', 'created_at'])
    .where('document_id', '=', documentId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    mediaType: r.media_type,
    size: Number(r.size),
    fileName: r.file_name,
    sha256: r.blob_sha256,
    pageCount: r.page_count,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/** One version of a document in this file (the current one when `number` is left out). */
export async function versionOf(db: Database, input: { fileId: string; documentId: string; number?: number | undefined }) {
  let query = db
    .selectFrom('case_document_version as v')
    .innerJoin('case_document as d', 'd.id', 'v.document_id')
    .select(['v.number', 'v.media_type', 'v.size', 'v.file_name', 'v.blob_sha256', 'v.page_count', 'd.title'])
    .where('d.id', '=', input.documentId)
    .where('d.file_id', '=', input.fileId);
  query = input.number === undefined ? query.whereRef('v.number', '=', 'd.current_version') : query.where('v.number', '=', input.number);
  return query.executeTakeFirst();
}

export async function notesOf(db: Database, documentId: string) {
  return db.selectFrom('case_note').select(['id', 'text', 'by_label', 'at']).where('document_id', '=', documentId).orderBy('at').execute();
}
