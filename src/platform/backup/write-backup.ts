import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Clock } from '../../shared/clock.ts';
import { backupFormat, backupFormatVersion, createBackupSink, fileChunkBytes } from './backup-file.ts';

export type BackupResult = { file: string; tables: number; rows: number; files: number };

const batchRows = 1000;
export const pgbossQueues = 'pgboss.queue';
export const pgbossJobs = 'pgboss.job';
const queueColumns = ['name', 'policy', 'retry_limit', 'retry_delay', 'retry_backoff', 'expire_seconds', 'retention_seconds', 'deletion_seconds'];
// id and group_id: one person's pending mails keep their group and their order (jobs.ts).
const jobColumns = [
  'id',
  'name',
  'priority',
  'data',
  'start_after',
  'singleton_key',
  'group_id',
  'retry_limit',
  'retry_delay',
  'retry_backoff',
  'expire_seconds',
];

/**
 * Writes the database (schema `public`: every table Lotse's migrations made) from one
 * REPEATABLE READ snapshot, so the backup is consistent while Lotse keeps running; with
 * `filesDir`, the files under it as well. Of pg-boss (schema `pgboss`) only the jobs still to run.
 */
export async function writeBackup(options: { databaseUrl: string; file: string; filesDir?: string; clock: Clock }): Promise<BackupResult> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const sink = await createBackupSink(options.file);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await client
      .query<{ name: string; timestamp: string }>('SELECT name, "timestamp" FROM kysely_migration ORDER BY "timestamp", name')
      .catch(() => {
        throw new Error('The database has no Lotse tables: there is nothing to back up.');
      });
    const sequences = await client.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1",
    );
    const sequenceStates = [];
    for (const { name } of sequences.rows) {
      const state = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${pg.escapeIdentifier(name)}`);
      sequenceStates.push({ name, lastValue: state.rows[0]!.last_value, isCalled: state.rows[0]!.is_called });
    }
    await sink.header({
      format: backupFormat,
      version: backupFormatVersion,
      createdAt: options.clock.now().toISOString(),
      migrations: migrations.rows,
      sequences: sequenceStates,
    });

    const section = async (table: string, names: string[], from: string) => {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${from}`);
      await sink.table({ table, columns: names, rows: Number(rows[0]!.n) });
      const list = names.map((name) => pg.escapeIdentifier(name)).join(', ');
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS j FROM (SELECT ${list} FROM ${from}) r`);
      for (;;) {
        const batch = await client.query<{ j: string }>(`FETCH ${batchRows} FROM backup_rows`);
        for (const row of batch.rows) await sink.row(row.j);
        if (batch.rows.length < batchRows) break;
      }
      await client.query('CLOSE backup_rows');
    };
    for (const table of await tablesInInsertOrder(client)) {
      const columns = await client.query<{ name: string }>(
        `SELECT a.attname AS name FROM pg_attribute a
          WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
          ORDER BY a.attnum`,
        [pg.escapeIdentifier(table)],
      );
      await section(
        table,
        columns.rows.map((c) => c.name),
        pg.escapeIdentifier(table),
      );
    }
    // Jobs still to run (reminders are jobs due the day before an appointment) and their queues'
    // settings; restore queues them again through pg-boss, whose own tables belong to its version.
    const queues = await client.query<{ found: boolean }>("SELECT to_regclass('pgboss.job') IS NOT NULL AS found");
    if (queues.rows[0]?.found) {
      await section(pgbossQueues, queueColumns, "pgboss.queue WHERE name NOT LIKE '\\_\\_pgboss%'");
      await section(pgbossJobs, jobColumns, "pgboss.job WHERE state IN ('created', 'retry') AND name NOT LIKE '\\_\\_pgboss%'");
    }
    await client.query('COMMIT');
    if (options.filesDir) await writeFiles(sink, options.filesDir);
    const counts = await sink.finish();
    return { file: options.file, ...counts };
  } catch (error) {
    await sink.abandon();
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Tables of schema `public`, each after the tables its foreign keys point at. */
async function tablesInInsertOrder(client: pg.Client): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1",
  );
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`,
  );
  const parents = new Map<string, Set<string>>(tables.rows.map((t) => [t.name, new Set()]));
  for (const r of references.rows) parents.get(r.child)?.add(r.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < parents.size) {
    const ready = [...parents].filter(([name, from]) => !placed.has(name) && [...from].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new Error('The tables reference each other in a cycle; this backup cannot order them.');
    for (const [name] of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}

async function writeFiles(sink: Awaited<ReturnType<typeof createBackupSink>>, root: string): Promise<void> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const relative of files) {
    const handle = await fs.open(path.join(root, relative), 'r');
    try {
      const { size } = await handle.stat();
      await sink.file({ file: relative.split(path.sep).join('/'), size });
      const buffer = Buffer.alloc(fileChunkBytes);
      for (let left = size; left > 0; ) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(fileChunkBytes, left));
        if (bytesRead === 0) throw new Error(`The file ${relative} shrank while it was backed up.`);
        await sink.chunk(buffer.subarray(0, bytesRead));
        left -= bytesRead;
      }
    } finally {
      await handle.close();
    }
  }
}
