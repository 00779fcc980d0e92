/**
 * `npm run bench:calls`: 300 call displays connected over SSE to a real Lotse process, 20
 * clerks calling (and finishing) as fast as the queue allows. Measures the time from each
 * call's commit to its arrival on every display (p50/p99), double calls (must be 0) and
 * missed deliveries, and — in the same run, on the same database — the raw PostgreSQL
 * NOTIFY→LISTEN latency as the baseline floor. Prints one JSON document.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createKysely, createPool, ensureDatabaseExists, withDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { callNextTicket, createWalkInTicket, finishTicket } from '../src/features/front-desk/index.ts';
import { systemClock } from '../src/shared/clock.ts';
import { freePort } from '../test/global-setup.ts';
import { createClerk, createFrontOffice, deviceToken } from '../test/front-desk-fixtures.ts';

const displays = Number(process.env.BENCH_DISPLAYS ?? 300);
const clerks = Number(process.env.BENCH_CLERKS ?? 20);
const tickets = Number(process.env.BENCH_TICKETS ?? 400);
const now = () => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-bench-calls-'));
await fs.chmod(folder, 0o755);
const server = await startEmbeddedPostgres({ clusterDir: path.join(folder, 'pg'), port: await freePort(), durable: false });
let lotse: ReturnType<typeof spawn> | undefined;
let displayProcess: ChildProcess | undefined;
try {
  await ensureDatabaseExists(server.url, 'lotse_bench');
  const url = withDatabase(server.url, 'lotse_bench');
  const db = createKysely(createPool(url, clerks + 5));
  await migrateToLatest(db);

  // The office: one location, a counter and a clerk per desk, enough waiting tickets.
  const office = await createFrontOffice(db, { counters: clerks, slug: 'bench' });
  await db.updateTable('service').set({ walk_in_daily_quota: null }).where('id', '=', office.service).execute();
  const reception = await createClerk(db, office.location.id, [], 'reception');
  const languages = ['de', 'uk', 'ar', 'fa', 'tr', 'ru', 'en', 'fr'];
  for (let i = 0; i < tickets; i++) {
    await createWalkInTicket({ db, clock: systemClock }, reception, {
      locationId: office.location.id,
      serviceId: office.service,
      language: languages[i % languages.length]!,
    });
  }
  const desks = await Promise.all(office.counters.map(() => createClerk(db, office.location.id, [office.front])));
  const displayToken = await deviceToken(db, 'display', office.location.id);

  // A real Lotse process on this database.
  const port = await freePort();
  lotse = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      LOTSE_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '20',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (i > 300) throw new Error('Lotse did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // Every display follows the stream from "now" on; the displays run in a process of their own.
  const child = fork(new URL('./calls-displays.ts', import.meta.url).pathname, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  displayProcess = child;
  const fromDisplays = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`display process exited with ${code}`)));
      child.on('message', (message: { type: string }) => message.type === type && resolve(message as T));
    });
  const ready = fromDisplays<{ type: 'ready' }>('ready');
  child.send({ type: 'open', url: `${base}/display/${office.location.slug}/events?after=0`, token: displayToken, count: displays });
  await ready;
  await new Promise((resolve) => setTimeout(resolve, 500));

  // 20 clerks: call, finish, call again … until the queue is empty.
  const committedAt = new Map<number, number>();
  const calledTickets: string[] = [];
  const started = now();
  await Promise.all(
    desks.map(async (clerk, i) => {
      for (;;) {
        const called = await callNextTicket({ db, clock: systemClock }, clerk, { locationId: office.location.id, counterId: office.counters[i]!.id });
        if (!called) return;
        committedAt.set(called.eventId, now());
        calledTickets.push(called.id);
        await finishTicket({ db, clock: systemClock }, clerk, { ticketId: called.id, outcome: { result: 'done' } });
      }
    }),
  );
  const callingMs = now() - started;
  const collected = fromDisplays<{ type: 'arrivals'; duplicates: number; arrivals: [number, number[]][] }>('arrivals');
  child.send({ type: 'collect', ids: [...committedAt.keys()], displays });
  const { arrivals, duplicates } = await collected;

  const latencies: number[] = [];
  let missed = 0;
  for (const [id, list] of arrivals) {
    const at = committedAt.get(id)!;
    missed += displays - list.length;
    for (const arrival of list) latencies.push(arrival - at);
  }
  latencies.sort((a, b) => a - b);
  const doubleCalls = calledTickets.length - new Set(calledTickets).size;
  const dbDouble = await db
    .selectFrom('display_event')
    .select((eb) => [eb.fn.count<number>('ticket_id').as('events'), eb.fn.count<number>('ticket_id').distinct().as('tickets')])
    .where('kind', '=', 'call')
    .executeTakeFirstOrThrow();

  // Baseline: the same path in raw PostgreSQL — pg_notify committed by one client, heard by a LISTEN client.
  const listener = new pg.Client({ connectionString: url });
  const notifier = new pg.Client({ connectionString: url });
  await Promise.all([listener.connect(), notifier.connect()]);
  await listener.query('LISTEN bench_baseline');
  const sentAt = new Map<string, number>();
  const heardAt = new Map<string, number>();
  const heard = new Promise<void>((resolve) => {
    listener.on('notification', (message) => {
      heardAt.set(message.payload ?? '', now());
      if (heardAt.size === committedAt.size) resolve();
    });
  });
  for (let i = 0; i < committedAt.size; i++) {
    await notifier.query('SELECT pg_notify($1, $2)', ['bench_baseline', String(i)]);
    sentAt.set(String(i), now());
  }
  await Promise.race([heard, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await Promise.all([listener.end(), notifier.end()]);
  const rawLatencies = [...sentAt]
    .filter(([key]) => heardAt.has(key))
    .map(([key, at]) => heardAt.get(key)! - at)
    .sort((a, b) => a - b);

  const result = {
    benchmark: 'calls',
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10,
    },
    displays,
    clerks,
    calls: committedAt.size,
    callsPerSecond: Math.round((committedAt.size / callingMs) * 1000 * 10) / 10,
    commitToDisplayMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
      deliveries: latencies.length,
    },
    missedDeliveries: missed,
    duplicateDeliveries: duplicates,
    doubleCalls: doubleCalls + (Number(dbDouble.events) - Number(dbDouble.tickets)),
    baselineRawNotifyMs: { p50: percentile(rawLatencies, 50), p99: percentile(rawLatencies, 99), samples: rawLatencies.length },
    target: { p99Ms: 250, doubleCalls: 0 },
    pass: percentile(latencies, 99) < 250 && doubleCalls === 0 && missed === 0,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  await db.destroy();
} finally {
  if (displayProcess && displayProcess.exitCode === null) displayProcess.kill();
  if (lotse && lotse.exitCode === null) {
    lotse.kill('SIGTERM');
    await new Promise((resolve) => lotse?.once('exit', resolve));
  }
  await server.stop();
  await fs.rm(folder, { recursive: true, force: true });
}
