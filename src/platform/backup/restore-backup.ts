import fs from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { FileMigrationProvider, type Migration } from 'kysely/migration';
import pg from 'pg';
import { PgBoss, type JobInsert } from 'pg-boss';
import { migrationsFolder } from '../../db/migrate.ts';
import { BackupError, readBackup, type BackupHeader } from './backup-file.ts';
import { pgbossJobs, pgbossQueues } from './write-backup.ts';

export type RestoreResult = { tables: number; rows: number; files: number; jobs: number };

const insertBatch = 500;

/**
 * Restores a backup into a database without Lotse tables (with `force`, into any: it is emptied
 * first). The whole file is checked before anything is written; the schema (the backup's own
 * migrations) and the rows go in one transaction, so a failure leaves the database as it was.
 * Then the files, then the jobs still to run.
 */
export async function restoreBackup(options: { databaseUrl: string; file: string; filesDir?: string; force: boolean }): Promise<RestoreResult> {
  let header: BackupHeader | undefined;
  let fileCount = 0;
  for await (const event of readBackup(options.file)) {
    if (event.kind === 'header') header = event.header;
    if (event.kind === 'file') {
      fileCount++;
      if (!safeRelativePath(event.file.file)) throw new BackupError('The backup is damaged: a file name points outside the files folder.');
    }
  }
  if (!header) throw new BackupError('The file is not a Lotse backup.');
  const known = await new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }).getMigrations();
  const unknown = header.migrations.find((m) => !known[m.name]);
  if (unknown) throw new BackupError(`The backup was made by a newer Lotse (migration ${unknown.name} is unknown here): restore it with that version.`);
  if (options.filesDir && fileCount > 0 && !options.force && (await fs.readdir(options.filesDir).catch(() => [])).length > 0) {
    throw new BackupError(`The files folder ${options.filesDir} is not empty: restore with --force to replace it.`);
  }

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const queues: Record<string, unknown>[] = [];
  const jobs: Record<string, unknown>[] = [];
  let counts = { tables: 0, rows: 0 };
  try {
    await client.query('BEGIN');
    const existing = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')",
    );
    if (existing.rows[0]!.n > 0) {
      if (!options.force)
        throw new BackupError('The database already has Lotse tables: restore only into an empty database, or add --force to replace everything in it.');
      await client.query('DROP SCHEMA public CASCADE; DROP SCHEMA IF EXISTS pgboss CASCADE; CREATE SCHEMA public');
    }
    // The tables Kysely's Migrator keeps (the same definition), so a later start sees the backup's migrations as applied.
    await client.query(`
      CREATE TABLE kysely_migration (name varchar(255) NOT NULL PRIMARY KEY, "timestamp" varchar(255) NOT NULL);
      CREATE TABLE kysely_migration_lock (id varchar(255) NOT NULL PRIMARY KEY, is_locked integer NOT NULL DEFAULT 0)`);
    const schema = onConnection(client);
    for (const migration of header.migrations) await (known[migration.name] as Migration).up(schema);
    await schema.destroy();

    const tables = await client.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')",
    );
    const names = tables.rows.map((t) => pg.escapeIdentifier(t.name));
    // Triggers would recompute what the backup holds (busy versions) or refuse (the audit trail's TRUNCATE guard).
    for (const name of names) await client.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
    // Migrations may have inserted defaults; the backup holds the rows as they were.
    await client.query(`TRUNCATE ${names.join(', ')}`);
    counts = await loadRows(client, options.file, { queues, jobs });
    for (const sequence of header.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [pg.escapeIdentifier(sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    for (const name of names) await client.query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
  const files = options.filesDir && fileCount > 0 ? await restoreFiles(options.file, options.filesDir) : 0;
  const requeued = await requeueJobs(options.databaseUrl, queues, jobs);
  return { ...counts, files, jobs: requeued };
}

async function loadRows(client: pg.Client, file: string, pgboss: { queues: Record<string, unknown>[]; jobs: Record<string, unknown>[] }) {
  const counts = { tables: 0, rows: 0 };
  let table: { name: string; columns: string[] } | undefined;
  let batch: string[] = [];
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const target = pg.escapeIdentifier(table.name);
    const list = table.columns.map((c) => pg.escapeIdentifier(c)).join(', ');
    await client.query(`INSERT INTO ${target} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${target}, $1::json)`, [
      `[${batch.join(',')}]`,
    ]);
    counts.rows += batch.length;
    batch = [];
  };
  for await (const event of readBackup(file)) {
    if (event.kind === 'table') {
      await flush();
      table = { name: event.table.table, columns: event.table.columns };
      if (table.name !== pgbossQueues && table.name !== pgbossJobs) counts.tables++;
    } else if (event.kind === 'row' && table) {
      if (table.name === pgbossQueues) pgboss.queues.push(JSON.parse(event.json));
      else if (table.name === pgbossJobs) pgboss.jobs.push(JSON.parse(event.json));
      else {
        batch.push(event.json);
        if (batch.length >= insertBatch) await flush();
      }
    }
  }
  await flush();
  return counts;
}

async function restoreFiles(file: string, filesDir: string): Promise<number> {
  const staging = `${filesDir}.restoring-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true });
  let count = 0;
  let handle: fs.FileHandle | undefined;
  try {
    for await (const event of readBackup(file)) {
      if (event.kind === 'file') {
        await handle?.close();
        const target = path.join(staging, event.file.file);
        await fs.mkdir(path.dirname(target), { recursive: true });
        handle = await fs.open(target, 'wx', 0o600);
        count++;
      } else if (event.kind === 'chunk') {
        await handle!.write(event.data);
      } else if (event.kind === 'table') {
        await handle?.close();
        handle = undefined;
      }
    }
    await handle?.close();
    await fs.rm(filesDir, { recursive: true, force: true });
    await fs.rename(staging, filesDir);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  return count;
}

async function requeueJobs(databaseUrl: string, queues: Record<string, unknown>[], jobs: Record<string, unknown>[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 2, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const q of queues) {
      await boss.createQueue(String(q.name), {
        retryLimit: Number(q.retry_limit),
        retryDelay: Number(q.retry_delay),
        retryBackoff: Boolean(q.retry_backoff),
        expireInSeconds: Number(q.expire_seconds),
        retentionSeconds: Number(q.retention_seconds),
        deleteAfterSeconds: Number(q.deletion_seconds),
      });
    }
    const byQueue = new Map<string, JobInsert[]>();
    for (const job of jobs) {
      const insert: JobInsert = {
        data: job.data as object,
        priority: Number(job.priority),
        startAfter: new Date(String(job.start_after)),
        retryLimit: Number(job.retry_limit),
        retryDelay: Number(job.retry_delay),
        retryBackoff: Boolean(job.retry_backoff),
        expireInSeconds: Number(job.expire_seconds),
      };
      if (typeof job.singleton_key === 'string') insert.singletonKey = job.singleton_key;
      if (typeof job.id === 'string') insert.id = job.id;
      if (typeof job.group_id === 'string') insert.group = { id: job.group_id };
      byQueue.set(String(job.name), [...(byQueue.get(String(job.name)) ?? []), insert]);
    }
    for (const [name, inserts] of byQueue) {
      if (!queues.some((q) => q.name === name)) await boss.createQueue(name);
      for (let i = 0; i < inserts.length; i += insertBatch) await boss.insert(name, inserts.slice(i, i + insertBatch));
    }
  } finally {
    await boss.stop({ graceful: false });
  }
  return jobs.length;
}

function safeRelativePath(name: string): boolean {
  return name.length > 0 && !path.isAbsolute(name) && !name.split('/').some((part) => part === '..' || part === '' || part === '.');
}

/** Kysely on the restore's own connection, so the migrations run inside its transaction. */
function onConnection(client: pg.Client): Kysely<any> {
  const pool: PostgresPool = {
    connect: async () => ({ query: (text: string, values: unknown[]) => client.query(text, values), release: () => {} }) as unknown as PostgresPoolClient,
    end: async () => {},
    options: {},
  };
  return new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
}
