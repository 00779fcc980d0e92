import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';

export type ImportOutcome = 'imported' | 'replaced' | 'unchanged' | 'quarantined';
export type ImportState = 'running' | 'done' | 'failed' | 'interrupted';

export type ImportSummary = {
  id: string;
  kind: 'xdomea' | 'csv';
  sourceName: string;
  state: ImportState;
  rowsTotal: number;
  rowsDone: number;
  rowsQuarantined: number;
  startedBy: string;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
  message: string | null;
};

// Selected under the names of ImportSummary, so rows need no mapping.
const summaryColumns = [
  'id',
  'kind',
  'source_name as sourceName',
  'state',
  'rows_total as rowsTotal',
  'rows_done as rowsDone',
  'rows_quarantined as rowsQuarantined',
  'started_by as startedBy',
  'started_at as startedAt',
  'heartbeat_at as heartbeatAt',
  'finished_at as finishedAt',
  'message',
] as const;

const toSummary = (row: Omit<ImportSummary, 'kind' | 'state'> & { kind: string; state: string }): ImportSummary => row as ImportSummary;

/**
 * Holds the delivery for this session: a session-level advisory lock on its key. A killed import
 * loses its connection and with it the lock, so a re-run can tell a dead run from a live one
 * without waiting for a heartbeat to age.
 */
export async function tryLockDelivery(connection: Database, deliveryKey: string): Promise<boolean> {
  const result = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(hashtextextended(${`case_import:${deliveryKey}`}, 0)) AS locked`.execute(
    connection,
  );
  return result.rows[0]!.locked;
}

export async function unlockDelivery(connection: Database, deliveryKey: string): Promise<void> {
  await sql`SELECT pg_advisory_unlock(hashtextextended(${`case_import:${deliveryKey}`}, 0))`.execute(connection);
}

/** An unfinished import of the delivery (killed, interrupted or failed): a new run resumes it. */
export async function findUnfinishedImport(trx: Database, deliveryKey: string): Promise<{ id: string } | undefined> {
  return trx
    .selectFrom('case_import')
    .select('id')
    .where('delivery_key', '=', deliveryKey)
    .where('state', 'in', ['running', 'interrupted', 'failed'])
    .orderBy('started_at', 'desc')
    .forUpdate()
    .executeTakeFirst();
}

export async function resumeImport(trx: Database, id: string, rowsTotal: number, now: Date): Promise<void> {
  await trx
    .updateTable('case_import')
    .set({ state: 'running', rows_total: rowsTotal, heartbeat_at: now, finished_at: null, message: null })
    .where('id', '=', id)
    .execute();
}

export async function insertImport(
  trx: Database,
  input: { kind: 'xdomea' | 'csv'; sourceName: string; deliveryKey: string; rowsTotal: number; staffId: string | null; startedBy: string },
  now: Date,
): Promise<{ id: string }> {
  return trx
    .insertInto('case_import')
    .values({
      kind: input.kind,
      source_name: input.sourceName,
      delivery_key: input.deliveryKey,
      rows_total: input.rowsTotal,
      started_by_staff_id: input.staffId,
      started_by: input.startedBy,
      started_at: now,
      heartbeat_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function runningImportOf(db: Database, deliveryKey: string): Promise<ImportSummary | undefined> {
  const row = await db
    .selectFrom('case_import')
    .select(summaryColumns)
    .where('delivery_key', '=', deliveryKey)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return row && toSummary(row);
}

export async function finishedRowKeys(db: Database, importId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('case_import_row').select('row_key').where('import_id', '=', importId).execute();
  return new Set(rows.map((row) => row.row_key));
}

export async function recordRow(
  trx: Database,
  row: { importId: string; rowKey: string; outcome: ImportOutcome; reason?: string; documentId?: string },
  now: Date,
): Promise<void> {
  await recordRows(trx, [row], now);
}

export async function recordRows(
  trx: Database,
  rows: { importId: string; rowKey: string; outcome: ImportOutcome; reason?: string | undefined; documentId?: string | undefined }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('case_import_row')
    .values(
      rows.map((row) => ({
        import_id: row.importId,
        row_key: row.rowKey,
        outcome: row.outcome,
        reason: row.reason?.slice(0, 1000) ?? null,
        document_id: row.documentId ?? null,
        at: now,
      })),
    )
    .onConflict((conflict) => conflict.columns(['import_id', 'row_key']).doNothing())
    .execute();
}

/** Counts from the rows themselves (so parallel rows never contend for the import's row), plus the heartbeat. */
export async function beat(db: Database, importId: string, now: Date, finish?: { state: ImportState; message: string | null }): Promise<ImportSummary> {
  const row = await db
    .updateTable('case_import')
    .set((eb) => ({
      heartbeat_at: now,
      rows_done: eb
        .selectFrom('case_import_row')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('import_id', '=', importId)
        .where('outcome', '<>', 'quarantined'),
      rows_quarantined: eb
        .selectFrom('case_import_row')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('import_id', '=', importId)
        .where('outcome', '=', 'quarantined'),
      ...(finish ? { state: finish.state, message: finish.message?.slice(0, 2000) ?? null, finished_at: now } : {}),
    }))
    .where('id', '=', importId)
    .returning(summaryColumns)
    .executeTakeFirstOrThrow();
  return toSummary(row);
}

export async function listImports(db: Database, limit = 50): Promise<ImportSummary[]> {
  const rows = await db.selectFrom('case_import').select(summaryColumns).orderBy('started_at', 'desc').limit(limit).execute();
  return rows.map(toSummary);
}

export async function findImport(db: Database, id: string): Promise<ImportSummary | undefined> {
  const row = await db.selectFrom('case_import').select(summaryColumns).where('id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}

export type ReportRow = { rowKey: string; outcome: ImportOutcome; reason: string | null; documentId: string | null; at: Date };

export async function importRows(db: Database, importId: string): Promise<ReportRow[]> {
  const rows = await db
    .selectFrom('case_import_row')
    .select(['row_key', 'outcome', 'reason', 'document_id', 'at'])
    .where('import_id', '=', importId)
    .orderBy('at')
    .orderBy('row_key')
    .execute();
  return rows.map((row) => ({ rowKey: row.row_key, outcome: row.outcome as ImportOutcome, reason: row.reason, documentId: row.document_id, at: row.at }));
}

/** Serializes the find-or-create of one file reference across parallel rows and imports. */
export async function lockReference(trx: Database, reference: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`case_file_reference:${reference}`}, 0))`.execute(trx);
}

/** The imported documents with these keys and the SHA-256 of each one's current version. */
export async function documentsByImportKey(trx: Database, importKeys: string[]): Promise<Map<string, { id: string; fileId: string; sha256: string }>> {
  if (importKeys.length === 0) return new Map();
  const rows = await trx
    .selectFrom('case_document as d')
    .innerJoin('case_document_version as v', (join) => join.onRef('v.document_id', '=', 'd.id').onRef('v.number', '=', 'd.current_version'))
    .select(['d.id', 'd.file_id', 'd.import_key', 'v.blob_sha256'])
    .where('d.import_key', 'in', importKeys)
    .execute();
  return new Map(rows.map((row) => [row.import_key!, { id: row.id, fileId: row.file_id, sha256: row.blob_sha256 }]));
}
