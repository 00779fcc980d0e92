/**
 * npm run bench:availability — server time of GET /api/v1/availability.
 *
 * A fresh embedded PostgreSQL with one location, 40 clerks working 07:00–18:00 every day, a
 * 15-minute service bookable 60 days ahead, and half of all clerk-slots over those 60 days booked
 * (≈ 52,800 appointments). Requests go through the whole app in-process (routing, validation,
 * queries, computation, JSON), so the time is server time without network. Three shapes: a 7-day
 * page at a random offset (what the portal shows), the full 60-day window, and the full window
 * with one new booking before every request (each request then finds one clerk's day changed).
 * A breakdown times the cold loading query and the pure computation separately.
 * BENCH_QUERIES (default 200) per shape.
 *
 * Milliseconds depend on the machine and on what else runs on it, so every request is paired with
 * the bare SQL that reads the same bookings (same window, clerks, connection), run right after or
 * before it (alternating): `ratio` is Lotse's time over that query's, comparable across machines.
 */
import os from 'node:os';
import { CompiledQuery, sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { createApp } from '../src/app.tsx';
import { BookingsCache } from '../src/features/appointments/bookings-cache.ts';
import { loadLocationSchedule } from '../src/features/appointments/schedule-store.ts';
import { freeStartsByDay, zoneDay } from '../src/features/appointments/availability.ts';
import type { Jobs } from '../src/platform/jobs/jobs.ts';
import { createLogger } from '../src/platform/log.ts';
import { systemClock } from '../src/shared/clock.ts';
import { percentile, round, seedBenchOffice, startBenchDatabase, threadRunNanoseconds } from './bench-support.ts';

const queries = Number(process.env.BENCH_QUERIES ?? 200);
const zone = 'Europe/Berlin';
// One connection, so the PostgreSQL backend doing the work is known and its CPU time can be read.
const database = await startBenchDatabase({ poolSize: 1 });
const office = await seedBenchOffice(database.db, 40, { maxDaysAhead: 60 });
const today = Temporal.Now.plainDateISO(zone);

await sql`
  INSERT INTO appointment (code, manage_secret_hash, service_id, location_id, staff_id, starts_at, ends_at, person_name, date_of_birth, email, email_normalized, created_by)
  SELECT upper(substr(md5(random()::text), 1, 10)), md5(random()::text), ${office.serviceId}, ${office.locationId}, c.id, t, t + interval '15 minutes',
         'Bench', date '1990-01-01', 'b' || row_number() OVER () || '@example.org', 'b' || row_number() OVER () || '@example.org', 'online'
    FROM staff c
   CROSS JOIN generate_series(1, 60) AS d
   CROSS JOIN generate_series(0, 43) AS s
   CROSS JOIN LATERAL (SELECT ((${today.toString()}::date + d) + time '07:00' + s * interval '15 minutes') AT TIME ZONE ${zone} AS t) slot
   WHERE random() < 0.5
`.execute(database.db);
await sql`VACUUM ANALYZE`.execute(database.db);
const { rows: counted } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM appointment`.execute(database.db);
const { rows: backend } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
const backendPid = backend[0]!.pid;

const noJobs: Jobs = { send: async () => '', register: async () => {}, stop: async () => {} } as unknown as Jobs;
const app = createApp({
  db: database.db,
  jobs: noJobs,
  logger: createLogger('silent'),
  clock: systemClock,
  bodyLimitBytes: 1 << 20,
  publicUrl: 'http://localhost',
});

const url = (from: Temporal.PlainDate, days: number) =>
  `/api/v1/availability?service=${office.serviceId}&location=${office.locationId}&from=${from}&to=${from.add({ days: days - 1 })}`;

// The baseline: the bookings the answer is made of, read by one bare statement (no cache, no app).
const bareBookings = `SELECT staff_id, starts_at, ends_at FROM appointment
  WHERE location_id = $1 AND staff_id = ANY($2::uuid[]) AND status <> 'cancelled' AND starts_at < $4 AND ends_at > $3`;
const { rows: clerkRows } = await sql<{ id: string }>`SELECT id FROM staff`.execute(database.db);
const clerkIds = clerkRows.map((r) => r.id);
const windowOf = (from: Temporal.PlainDate, days: number) => ({
  from: new Date(zoneDay(zone, from.toString()).pieces[0]!.start).toISOString(),
  to: new Date(zoneDay(zone, from.add({ days: days - 1 }).toString()).pieces.at(-1)!.end).toISOString(),
});

/** Wall and CPU time (this process plus the backend answering, which shares the one connection) of one call. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const backend0 = await threadRunNanoseconds(backendPid);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const backendNs = (await threadRunNanoseconds(backendPid)) - backend0;
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 + backendNs / 1e6 };
}

type Shape = { ms: number[]; cpuMs: number[]; sqlMs: number[]; sqlCpuMs: number[]; pairRatios: number[]; slotsPerQuery: number; rowsPerQuery: number };

/**
 * Wall time suffers when other programs share the CPU; CPU time (this process plus the backend
 * answering) less so, so both are reported. Each request is paired with the bare query of its
 * bookings; the order alternates so neither side always runs on a warmer cache.
 */
async function measure(days: number, before: () => Promise<void> = async () => {}): Promise<Shape> {
  const shape: Shape = { ms: [], cpuMs: [], sqlMs: [], sqlCpuMs: [], pairRatios: [], slotsPerQuery: 0, rowsPerQuery: 0 };
  let slots = 0;
  let rows = 0;
  for (let i = 0; i < queries + 20; i++) {
    await before();
    const from = today.add({ days: 1 + (days >= 60 ? 0 : Math.floor(Math.random() * (60 - days))) });
    const span = Math.min(days, 59);
    const lotse = () =>
      timed(async () => {
        const response = await app.request(url(from, span));
        const body = (await response.json()) as { days: { starts: string[] }[] };
        if (response.status !== 200) throw new Error(`status ${response.status}: ${JSON.stringify(body)}`);
        return body;
      });
    const window = windowOf(from, span);
    const bare = () => timed(() => database.db.executeQuery(CompiledQuery.raw(bareBookings, [office.locationId, clerkIds, window.from, window.to])));
    const sqlFirst = i % 2 === 1;
    const baseline = sqlFirst ? await bare() : undefined;
    const answer = await lotse();
    const query = baseline ?? (await bare());
    if (i >= 20) {
      shape.ms.push(answer.ms);
      shape.cpuMs.push(answer.cpuMs);
      shape.sqlMs.push(query.ms);
      shape.sqlCpuMs.push(query.cpuMs);
      shape.pairRatios.push(answer.ms / query.ms);
      slots += answer.value.days.reduce((n, d) => n + d.starts.length, 0);
      rows += query.value.rows.length;
    }
  }
  for (const list of [shape.ms, shape.cpuMs, shape.sqlMs, shape.sqlCpuMs, shape.pairRatios]) list.sort((a, b) => a - b);
  shape.slotsPerQuery = Math.round(slots / queries);
  shape.rowsPerQuery = Math.round(rows / queries);
  return shape;
}

const week = await measure(7);
const full = await measure(60);
// The same window while the office books: one appointment (another instance's, written straight
// into the table) before every request, so each request finds one clerk's day changed.
let booked = 0;
const whileBooking = await measure(60, async () => {
  const clerk = clerkRows[Math.floor(Math.random() * clerkRows.length)]!.id;
  const day = today.add({ days: 1 + Math.floor(Math.random() * 59) });
  const start = day.toZonedDateTime({
    timeZone: zone,
    plainTime: Temporal.PlainTime.from({ hour: 7 + Math.floor(Math.random() * 11), minute: 15 * Math.floor(Math.random() * 4) }),
  });
  const inserted = await sql`
    INSERT INTO appointment (code, manage_secret_hash, service_id, location_id, staff_id, starts_at, ends_at, person_name, date_of_birth, email, email_normalized, created_by)
    VALUES (upper(substr(md5(random()::text), 1, 10)), md5(random()::text), ${office.serviceId}, ${office.locationId}, ${clerk}, ${new Date(start.epochMilliseconds)},
            ${new Date(start.epochMilliseconds + 15 * 60_000)}, 'Bench', date '1990-01-01', ${`w${booked}@example.org`}, ${`w${booked}@example.org`}, 'staff')
    ON CONFLICT DO NOTHING`.execute(database.db);
  booked += Number(inserted.numAffectedRows ?? 0);
});

// Breakdown for the full window: the loading query against the pure computation.
const schedule = (await loadLocationSchedule(database.db, office.locationId, systemClock.now()))!;
const offered = schedule.services.get(office.serviceId)!;
const first = today.add({ days: 1 });
const last = today.add({ days: 59 });
const range = {
  from: new Date(zoneDay(zone, first.toString()).pieces[0]!.start),
  to: new Date(zoneDay(zone, last.toString()).pieces.at(-1)!.end),
  locationId: office.locationId,
  clerkIds: offered.clerkIds,
  resourceIds: [],
  heldSince: new Date(Date.now() - 60 * 60_000),
};
const loadMs: number[] = [];
const computeMs: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  // A fresh cache each time: the cold path, reading every booking of the window.
  const bookings = await new BookingsCache(60).load(database.db, range, Date.now());
  const t1 = performance.now();
  const clerks = offered.clerkIds.map((id) => ({ ...schedule.clerks.get(id)!, busy: bookings.clerks.get(id) ?? [] }));
  freeStartsByDay({
    timeZone: zone,
    rules: offered.rules,
    from: first.toString(),
    to: last.toString(),
    now: Date.now(),
    channel: 'online',
    clerks,
    resources: [],
  });
  const t2 = performance.now();
  loadMs.push(t1 - t0);
  computeMs.push(t2 - t1);
}
loadMs.sort((a, b) => a - b);
computeMs.sort((a, b) => a - b);

const stats = (ms: number[]) => ({ p50: round(percentile(ms, 50), 2), p95: round(percentile(ms, 95), 2), p99: round(percentile(ms, 99), 2) });
/** A shape's figures, and the same as multiples of the bare query of its bookings in the same run. */
const report = (shape: Shape, days: number) => ({
  days,
  slotsPerQuery: shape.slotsPerQuery,
  serverMs: stats(shape.ms),
  serverCpuMs: stats(shape.cpuMs),
  bareSql: { rowsPerQuery: shape.rowsPerQuery, ms: stats(shape.sqlMs), cpuMs: stats(shape.sqlCpuMs) },
  ratio: {
    p50: round(percentile(shape.ms, 50) / percentile(shape.sqlMs, 50), 2),
    p95: round(percentile(shape.ms, 95) / percentile(shape.sqlMs, 95), 2),
    cpuP95: round(percentile(shape.cpuMs, 95) / percentile(shape.sqlCpuMs, 95), 2),
    medianOfPairs: round(percentile(shape.pairRatios, 50), 2),
  },
});
const result = {
  benchmark: 'availability',
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg().map((l) => round(l, 2)) },
  data: { clerks: 40, days: 60, gridMinutes: 15, appointments: counted[0]!.n, bookedShare: round(counted[0]!.n / (40 * 60 * 44), 3) },
  queries,
  week: report(week, 7),
  fullWindow: { ...report(full, 59), breakdownMs: { loadQuery: stats(loadMs), computation: stats(computeMs) } },
  fullWindowWhileBooking: { ...report(whileBooking, 59), bookingsBetweenRequests: booked },
  target: { p95BelowMs: 15 },
  met: {
    week: { wall: percentile(week.ms, 95) < 15, cpu: percentile(week.cpuMs, 95) < 15 },
    fullWindow: { wall: percentile(full.ms, 95) < 15, cpu: percentile(full.cpuMs, 95) < 15 },
    fullWindowWhileBooking: { wall: percentile(whileBooking.ms, 95) < 15, cpu: percentile(whileBooking.cpuMs, 95) < 15 },
  },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await database.stop();
