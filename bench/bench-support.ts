import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createKysely, createPool, ensureDatabaseExists, withDatabase, type Database } from '../src/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { freePort } from '../test/global-setup.ts';

/** A fresh embedded PostgreSQL (durable settings, as in production) with a migrated `lotse` database. */
export async function startBenchDatabase(options: { poolSize?: number } = {}): Promise<BenchDatabase> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-bench-'));
  await fs.chmod(folder, 0o755);
  const settings = statementsWanted
    ? ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all', 'pg_stat_statements.track_planning=on']
    : [];
  const server: EmbeddedServer = await startEmbeddedPostgres({ clusterDir: path.join(folder, 'pg'), port: await freePort(), durable: true, settings });
  await ensureDatabaseExists(server.url, 'lotse');
  const url = withDatabase(server.url, 'lotse');
  const db = createKysely(createPool(url, options.poolSize ?? 10));
  await migrateToLatest(db);
  if (statementsWanted) await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`.execute(db);
  const postmasterPid = Number((await fs.readFile(path.join(folder, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  return {
    url,
    db,
    async resetStatements() {
      if (statementsWanted) await sql`SELECT pg_stat_statements_reset()`.execute(db);
    },
    async topStatements(operations: number) {
      if (!statementsWanted) return undefined;
      const { rows } = await sql<{ query: string; calls: string; exec_ms: number; plan_ms: number }>`
        SELECT query, calls::text, total_exec_time AS exec_ms, total_plan_time AS plan_ms FROM pg_stat_statements
         WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`.execute(db);
      return rows.map((r) => ({
        msPerOperation: round((r.exec_ms + r.plan_ms) / operations, 3),
        planMsPerOperation: round(r.plan_ms / operations, 3),
        callsPerOperation: round(Number(r.calls) / operations, 2),
        query: r.query.replace(/\s+/g, ' ').slice(0, 160),
      }));
    },
    /** CPU seconds used so far by this PostgreSQL: the postmaster, its live children and the reaped ones. */
    async postgresCpuSeconds() {
      let total = await processCpuSeconds(postmasterPid, true);
      for (const pid of await childrenOf(postmasterPid)) total += await processCpuSeconds(pid, false);
      return total;
    },
    async stop() {
      await db.destroy();
      await server.stop();
      await fs.rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * BENCH_STATEMENTS=1 loads pg_stat_statements (nested statements included) so a benchmark can print
 * where PostgreSQL's time went per operation. It costs some throughput: for diagnosis, not figures.
 */
const statementsWanted = process.env.BENCH_STATEMENTS === '1';

export type BenchDatabase = {
  url: string;
  db: Database;
  postgresCpuSeconds(): Promise<number>;
  /** Forgets the statement times gathered so far (BENCH_STATEMENTS=1 only). */
  resetStatements(): Promise<void>;
  /** The 25 statements that took most time, per operation (BENCH_STATEMENTS=1 only). */
  topStatements(operations: number): Promise<{ msPerOperation: number; planMsPerOperation: number; callsPerOperation: number; query: string }[] | undefined>;
  stop(): Promise<void>;
};

export type BenchOffice = { locationId: string; serviceId: string; clerkIds: string[] };

/** One location, one 15-minute service, `clerks` clerks working 07:00–18:00 every day. */
export async function seedBenchOffice(db: Database, clerks: number, service: { maxDaysAhead: number }): Promise<BenchOffice> {
  const location = await db.insertInto('location').values({ slug: 'bench', name: 'Bench', address: 'Bench' }).returning('id').executeTakeFirstOrThrow();
  const specialty = await db.insertInto('specialty').values({ slug: 'bench', name: 'Bench', queue_prefix: 'A' }).returning('id').executeTakeFirstOrThrow();
  const svc = await db
    .insertInto('service')
    .values({ slug: 'bench', duration_minutes: 15, slot_minutes: 15, min_lead_minutes: 0, max_days_ahead: service.maxDaysAhead })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('service_text').values({ service_id: svc.id, lang: 'de', name: 'Bench' }).execute();
  await db.insertInto('service_specialty').values({ service_id: svc.id, specialty_id: specialty.id }).execute();
  await db.insertInto('service_location').values({ service_id: svc.id, location_id: location.id }).execute();
  const clerkIds: string[] = [];
  for (let i = 0; i < clerks; i++) {
    const staff = await db
      .insertInto('staff')
      .values({ display_name: `Clerk ${i}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    clerkIds.push(staff.id);
    await db.insertInto('staff_specialty').values({ staff_id: staff.id, specialty_id: specialty.id }).execute();
    await db.insertInto('staff_location').values({ staff_id: staff.id, location_id: location.id }).execute();
    await db
      .insertInto('working_hours')
      .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ staff_id: staff.id, location_id: location.id, weekday, starts: '07:00', ends: '18:00' })))
      .execute();
  }
  await sql`ANALYZE`.execute(db);
  return { locationId: location.id, serviceId: svc.id, clerkIds };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const ticksPerSecond = 100; // USER_HZ on Linux

/** utime + stime of a process (all threads) from /proc, optionally with its reaped children. */
export async function processCpuSeconds(pid: number, withReapedChildren: boolean): Promise<number> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    const children = withReapedChildren ? Number(fields[13]) + Number(fields[14]) : 0;
    return (own + children) / ticksPerSecond;
  } catch {
    return 0; // exited meanwhile
  }
}

async function childrenOf(parent: number): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** Nanoseconds a thread has run on a CPU (/proc/<pid>/schedstat), for per-query CPU time. */
export async function threadRunNanoseconds(pid: number): Promise<number> {
  const schedstat = await fs.readFile(`/proc/${pid}/schedstat`, 'utf8');
  return Number(schedstat.split(' ')[0]);
}
