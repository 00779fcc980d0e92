/**
 * npm run bench:status — status look-ups (issue 14) against 50,000 procedures: look-ups per second
 * and the server time of one look-up through the HTTP API in process (validation, the rate-limit
 * counters, the look-up, the day's count), each paired with the raw PostgreSQL baseline: the one
 * statement that finds a procedure by number with its person's date of birth, on the same data.
 *
 * A fresh embedded PostgreSQL (durable, as in production) with BENCH_PROCEDURES (50,000) persons,
 * files and procedures of the standard types, each with its status change; every fifth procedure
 * has two documents asked for, every tenth an ordered eAT. Generated in PostgreSQL, not row by row.
 * BENCH_QUERIES (default 2,000) look-ups: 80 % right, 10 % wrong date of birth, 10 % by card.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { createApp } from '../src/app.tsx';
import { seedStandardCatalogue } from '../src/features/case-files/index.ts';
import type { Jobs } from '../src/platform/jobs/jobs.ts';
import { createLogger } from '../src/platform/log.ts';
import { systemClock } from '../src/shared/clock.ts';
import { percentile, round, startBenchDatabase } from './bench-support.ts';

const procedures = Number(process.env.BENCH_PROCEDURES ?? 50_000);
const queries = Number(process.env.BENCH_QUERIES ?? 2_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const database = await startBenchDatabase({ poolSize: 10 });
const db = database.db;
const started = performance.now();

// --- data -------------------------------------------------------------------------------------
const location = await db.insertInto('location').values({ slug: 'wetzlar', name: 'Wetzlar', address: 'Wetzlar' }).returning('id').executeTakeFirstOrThrow();
// Every "now" of the generated data comes from the clock, as in the application.
const seededAt = systemClock.now();
const threeDaysBefore = new Date(seededAt.getTime() - 3 * 86_400_000);
await db.transaction().execute((trx) => seedStandardCatalogue(trx, seededAt));
// Numbers from md5 in the Vorgangsnummer's alphabet (0 → G, 1 → H): unique for these counts.
await sql`
  WITH p AS (
    INSERT INTO case_person (family_name, given_names, birth_year, birth_month, birth_day, preferred_language, created_at, updated_at)
    SELECT 'Person ' || i, 'Bench', 1950 + i % 60, CASE WHEN i % 10 = 0 THEN NULL ELSE 1 + i % 12 END,
           CASE WHEN i % 10 < 2 THEN NULL ELSE 1 + i % 28 END, (ARRAY['de','ar','uk','fa','tr'])[1 + i % 5], ${seededAt}::timestamptz, ${seededAt}::timestamptz
      FROM generate_series(1, ${procedures}) AS i
    RETURNING id, family_name
  ), f AS (
    INSERT INTO case_file (person_id, reference, location_id, created_at, updated_at)
    SELECT id, 'B-' || substr(family_name, 8), ${location.id}::uuid, ${seededAt}::timestamptz, ${seededAt}::timestamptz FROM p
    RETURNING id, reference
  )
  INSERT INTO case_procedure (file_id, procedure_type_id, status_id, number, card_serial, opened_at, updated_at)
  SELECT f.id, t.id, s.id,
         substr(h, 1, 4) || '-' || substr(h, 5, 4) || '-' || substr(h, 9, 2),
         CASE WHEN n % 10 = 0 THEN 'L' || substr(h, 11, 8) END, ${seededAt}::timestamptz, ${seededAt}::timestamptz
    FROM f
    CROSS JOIN LATERAL (SELECT substr(f.reference, 3)::int AS n) k
    CROSS JOIN LATERAL (SELECT translate(upper(md5(k.n::text)), '01', 'GH') AS h) m
    JOIN procedure_type t ON t.code = 'extension'
    JOIN procedure_status s ON s.procedure_type_id = t.id AND s.code = CASE WHEN k.n % 10 = 0 THEN 'card_ordered' WHEN k.n % 5 = 0 THEN 'documents_missing' ELSE 'in_review' END
`.execute(db);
await sql`
  INSERT INTO case_procedure_status_change (procedure_id, status_id, at, by_label)
  SELECT id, status_id, ${threeDaysBefore}::timestamptz, 'Bench' FROM case_procedure`.execute(db);
await sql`
  INSERT INTO procedure_document_request (procedure_id, kind, requested_at)
  SELECT p.id, k.kind, ${threeDaysBefore}::timestamptz
    FROM case_procedure p JOIN procedure_status s ON s.id = p.status_id AND s.code = 'documents_missing'
   CROSS JOIN (VALUES ('passport'), ('proof_of_income')) AS k(kind)`.execute(db);
await sql`VACUUM ANALYZE`.execute(db);
const generatedSeconds = round((performance.now() - started) / 1000, 1);

const { rows: sample } = await sql<{ number: string; card_serial: string | null; y: number; m: number | null; d: number | null }>`
  SELECT p.number, p.card_serial, per.birth_year AS y, per.birth_month AS m, per.birth_day AS d
    FROM case_procedure p JOIN case_file f ON f.id = p.file_id JOIN case_person per ON per.id = f.person_id
   ORDER BY random() LIMIT ${queries}`.execute(db);
const cards = sample.filter((s) => s.card_serial);
const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (s: (typeof sample)[number], shift = 0) =>
  s.m === null ? String(s.y + shift) : s.d === null ? `${pad(s.m)}.${s.y + shift}` : `${pad(s.d)}.${pad(s.m)}.${s.y + shift}`;

const noJobs = { send: async () => '', register: async () => {}, stop: async () => {} } as unknown as Jobs;
// The limits stay on; every look-up comes from another address, as the citizens' would.
const app = createApp({
  db,
  jobs: noJobs,
  logger: createLogger('silent'),
  clock: systemClock,
  bodyLimitBytes: 1 << 20,
  publicUrl: 'http://localhost',
  trustedProxies: ['loopback'],
  portal: { lookupsPerIpPerHour: 1_000_000 },
});
const viaProxy = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

type Lookup = { body: { number: string; dateOfBirth: string } | { cardSerial: string }; number: string };
const lookups: Lookup[] = sample.map((s, i) => {
  if (i % 10 === 9 && cards.length > 0) {
    const card = cards[i % cards.length]!;
    return { body: { cardSerial: card.card_serial! }, number: card.number };
  }
  return { body: { number: s.number, dateOfBirth: dateOf(s, i % 10 === 8 ? 1 : 0) }, number: s.number };
});

async function viaApi(lookup: Lookup, i: number): Promise<number> {
  const response = await app.request(
    '/api/v1/status-lookups',
    {
      method: 'POST',
      body: JSON.stringify(lookup.body),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
    },
    viaProxy,
  );
  await response.arrayBuffer();
  return response.status;
}
// The baseline: the one statement that finds the procedure and the date of birth to compare with.
const bare = (number: string) =>
  sql`
  SELECT p.id, p.status_id, per.birth_year, per.birth_month, per.birth_day
    FROM case_procedure p JOIN case_file f ON f.id = p.file_id JOIN case_person per ON per.id = f.person_id
   WHERE p.number = ${number}`.execute(db);

// --- latency: one at a time, the API and the bare statement alternating ---------------------------
const timed = async (work: () => Promise<unknown>) => {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
};
const apiMs: number[] = [];
const sqlMs: number[] = [];
const statuses: Record<string, number> = {};
for (const [i, lookup] of lookups.entries()) {
  const sqlFirst = i % 2 === 1;
  const before = sqlFirst ? await timed(() => bare(lookup.number)) : undefined;
  const answer = await timed(() => viaApi(lookup, i));
  const baseline = before ?? (await timed(() => bare(lookup.number)));
  statuses[String(answer.value)] = (statuses[String(answer.value)] ?? 0) + 1;
  if (i < 50) continue;
  apiMs.push(answer.ms);
  sqlMs.push(baseline.ms);
}
apiMs.sort((a, b) => a - b);
sqlMs.sort((a, b) => a - b);

// --- throughput: `concurrency` callers at once, the API; then the bare statement the same way ---------
async function throughput(work: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < lookups.length; i = next++) await work(i);
    }),
  );
  return round(lookups.length / ((performance.now() - t0) / 1000), 0);
}
const apiPerSecond = await throughput((i) => viaApi(lookups[i]!, i + lookups.length));
const sqlPerSecond = await throughput((i) => bare(lookups[i]!.number));

const stats = (ms: number[]) => ({ p50: round(percentile(ms, 50), 2), p95: round(percentile(ms, 95), 2), p99: round(percentile(ms, 99), 2) });
const counted = await sql<{ lookups: number; found: number }>`SELECT sum(lookups)::int AS lookups, sum(found)::int AS found FROM status_lookup_day`.execute(db);
console.log(
  JSON.stringify(
    {
      benchmark: 'status look-up',
      date: systemClock.now().toISOString().slice(0, 10),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg().map((n) => round(n, 2)) },
      data: { procedures, generatedSeconds },
      lookups: lookups.length,
      answers: statuses,
      counted: counted.rows[0],
      target: 'p95 < 20 ms server time',
      serverMs: stats(apiMs),
      bareSqlMs: stats(sqlMs),
      ratioP95: round(percentile(apiMs, 95) / percentile(sqlMs, 95), 2),
      met: percentile(apiMs, 95) < 20,
      perSecond: { concurrency, api: apiPerSecond, bareSql: sqlPerSecond },
    },
    null,
    2,
  ),
);
await database.stop();
