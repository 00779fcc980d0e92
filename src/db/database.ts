import { createHash } from 'node:crypto';
import path from 'node:path';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.generated.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.ts';

export type Database = Kysely<DB>;

// timestamptz and date come back as Date objects by default; dates are calendar days, keep them as text.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint counts (count(*)) fit comfortably in a JS number for this domain.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return pool;
}

export function createKysely(pool: pg.Pool): Database {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
}

/** Marks a hot query to run as a named prepared statement: put `/* prepared:<name> *\/` in its SQL. */
export const preparedMarker = (name: string) => `/* prepared:${name} */`;
const preparedName = /\/\* prepared:([a-z_]+) \*\//;

const statementNames = new Map<string, string | null>();

/** The marker's name plus a hash of the text: a builder query may come out in more than one shape. */
function statementName(text: string): string | null {
  let name = statementNames.get(text);
  if (name === undefined) {
    const marker = preparedName.exec(text)?.[1];
    name = marker ? `${marker}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}` : null;
    if (statementNames.size > 1000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

const customPlans = new WeakSet<pg.PoolClient>();

// A class rather than two closures per connect: every statement connects once, and the closures
// (named by the TypeScript loader at each creation) showed in the booking's profile.
class PreparingClient {
  private readonly client: pg.PoolClient;

  constructor(client: pg.PoolClient) {
    this.client = client;
  }

  query(text: string, values: readonly unknown[]) {
    const name = statementName(text);
    return name ? this.client.query({ name, text, values: [...values] }) : this.client.query(text, [...values]);
  }

  release(): void {
    this.client.release();
  }
}

/**
 * Kysely cannot name statements; this pool lets a query marked with preparedMarker() run as a
 * named prepared statement, so PostgreSQL parses it once per connection instead of on every call.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      // Named statements skip parsing; their generic plans, though, are built once per connection
      // with the statistics of that moment and were several times slower when the appointment
      // table was still empty then: always plan for the actual values. (The booking function
      // plans its own index probes once: migration 0104.)
      // No JIT: Lotse's statements run in milliseconds, compiling them takes hundreds. A stock
      // PostgreSQL (jit=on) compiled whenever an estimate crossed jit_above_cost, e.g. on tables
      // never analysed: a schedule load took seconds (docs/decisions.md).
      if (!customPlans.has(client)) {
        try {
          await client.query('SET plan_cache_mode = force_custom_plan; SET jit = off');
        } catch (error) {
          client.release(error as Error);
          throw error;
        }
        customPlans.add(client);
      }
      return new PreparingClient(client) as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
    // Kysely opens a control connection with these to cancel a running query.
    Client: pg.Client,
    options: pool.options,
  };
}

export type DatabaseHandle = { db: Database; pool: pg.Pool; url: string; close(): Promise<void> };

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under the data folder.
 * Fails fast with a readable message when the server cannot be reached.
 */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  poolSize: number;
  onLog?: (line: string) => void;
}): Promise<DatabaseHandle> {
  let embedded: EmbeddedServer | undefined;
  let url = options.databaseUrl;
  if (!url) {
    const embeddedOptions = { clusterDir: path.join(options.dataDir, 'pg'), port: options.embeddedPort, durable: true };
    embedded = await startEmbeddedPostgres(options.onLog ? { ...embeddedOptions, onLog: options.onLog } : embeddedOptions);
    url = embedded.url;
    await ensureDatabaseExists(url, 'lotse');
    url = withDatabase(url, 'lotse');
  }
  const pool = createPool(url, options.poolSize);
  try {
    await checkServer(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    await embedded?.stop();
    throw error;
  }
  const db = createKysely(pool);
  return {
    db,
    pool,
    url,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

async function checkServer(pool: pg.Pool): Promise<void> {
  let version: number;
  try {
    const result = await pool.query<{ server_version_num: string }>('SHOW server_version_num');
    version = Number(result.rows[0]?.server_version_num);
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL: ${(error as Error).message || (error as { code?: string }).code || 'no answer'}`, { cause: error });
  }
  if (version < 150000) throw new Error(`PostgreSQL ${Math.floor(version / 10000)} is too old: Lotse needs PostgreSQL 15 or newer.`);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function ensureDatabaseExists(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
