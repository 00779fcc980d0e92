import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/database.ts';
import { createTestJobs } from '../../../test/app.ts';
import { until } from '../../../test/until.ts';
import { sql } from 'kysely';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { createLogger } from '../log.ts';
import { createJobs, JobPayloadError, jobType, timeOrderedUuid } from './jobs.ts';

const { db, url } = await createTestDatabase();
const jobs = createTestJobs(url);

test('jobs fetched together are settled one by one: a failing job is retried alone, the others run once', async () => {
  const runs = new Map<number, number>();
  let failures = 0;
  const batch = jobType('test.batch', z.strictObject({ n: z.number().int() }));
  await jobs.register({
    type: batch,
    options: { retryLimit: 3, retryDelay: 1, retryBackoff: false },
    async handle({ n }) {
      runs.set(n, (runs.get(n) ?? 0) + 1);
      if (n === 3 && failures++ === 0) throw new Error('first attempt fails');
    },
  });
  // Inserted in one statement, so one fetch finds them all.
  await db.transaction().execute((trx) =>
    jobs.batched(trx, async () => {
      for (let n = 0; n < 8; n++) await jobs.send(batch, { n }, { trx });
    }),
  );
  // Settled for good: every job completed, so no further run can come (pg-boss runs only created or retry jobs).
  await until('all eight jobs are completed', async () => {
    const { rows } = await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = 'test.batch'`.execute(db);
    return rows.length === 8 && rows.every((r) => r.state === 'completed');
  });
  assert.deepEqual(
    [...runs.entries()].sort((a, b) => a[0] - b[0]),
    [
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 1],
      [5, 1],
      [6, 1],
      [7, 1],
    ],
  );
});

test('a definition with a concurrency runs that many jobs of a fetch at the same time', async () => {
  const parallel = jobType('test.concurrency', z.strictObject({ n: z.number() }));
  let running = 0;
  let most = 0;
  let finished = 0;
  // Sent before the worker starts: its first fetch finds them all.
  for (let n = 0; n < 12; n++) await jobs.send(parallel, { n });
  await jobs.register({
    type: parallel,
    concurrency: 3,
    async handle() {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 40));
      running--;
      finished++;
    },
  });
  await until('the twelve jobs finished', () => finished >= 12);
  assert.equal(most, 3);
});

const personal = z.strictObject({ n: z.number(), person: z.string() });

test('jobs of one group never run at the same time, not even fetched by another instance, and run in the order they were sent', async () => {
  const grouped = jobType('test.grouped', personal, { group: (data) => data.person });
  const instanceA = createTestJobs(url);
  const instanceB = createTestJobs(url);
  const started: string[] = [];
  const running = new Set<string>();
  const overlaps: string[] = [];
  let releaseFirst!: () => void;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  const handle = async (data: z.infer<typeof personal>) => {
    if (running.has(data.person)) overlaps.push(`${data.person}#${data.n}`);
    running.add(data.person);
    started.push(`${data.person}#${data.n}`);
    if (data.person === 'amina' && data.n === 0) await firstHeld;
    running.delete(data.person);
  };
  await instanceA.send(grouped, { n: 0, person: 'amina' });
  await instanceA.register({ type: grouped, handle });
  await until('instance A runs amina#0', () => started.includes('amina#0'));
  // Instance A is busy with amina#0. Her next job and someone else's arrive; instance B starts working.
  await instanceA.send(grouped, { n: 1, person: 'amina' });
  await instanceA.send(grouped, { n: 0, person: 'olena' });
  await instanceB.register({ type: grouped, handle });
  await until('instance B ran olena#0, fetched after amina#1 was queued', () => started.includes('olena#0'));
  // One more polling round of instance B (it polls every second) with amina#1 still waiting.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.deepEqual(started, ['amina#0', 'olena#0'], 'amina#1 waits while amina#0 runs');
  releaseFirst();
  await until('amina#1 ran', () => started.includes('amina#1'));
  assert.deepEqual(overlaps, []);
});

test('jobs of one group sent in one transaction run in the order they were sent', async () => {
  const grouped = jobType('test.grouped-batch', personal, { group: (data) => data.person });
  const order: number[] = [];
  await db.transaction().execute((trx) =>
    jobs.batched(trx, async () => {
      for (let n = 0; n < 5; n++) await jobs.send(grouped, { n, person: 'yusuf' }, { trx });
    }),
  );
  await jobs.register({
    type: grouped,
    concurrency: 4,
    async handle(data) {
      order.push(data.n);
    },
  });
  await until('the five jobs ran', () => order.length >= 5);
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
});

test('time-ordered ids sort in the order they were made, within one millisecond too', () => {
  const ids = Array.from({ length: 5000 }, (_, i) => timeOrderedUuid(1_800_000_000_000 + Math.floor(i / 1000)));
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  assert.match(ids[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('a payload that does not fit is refused when sent: nothing is queued, and the error names the field, not its value', async () => {
  const strict = jobType('test.refused-at-send', personal);
  const bad = { n: 'amina.haddad@example.org', person: 'Amina Haddad' } as unknown as z.infer<typeof personal>;
  await assert.rejects(jobs.send(strict, bad), (error: unknown) => {
    assert.ok(error instanceof JobPayloadError);
    assert.match(error.message, /test\.refused-at-send.*n: invalid_type/);
    assert.doesNotMatch(error.message, /amina|Haddad/i);
    return true;
  });
  await db.transaction().execute((trx) => jobs.batched(trx, () => assert.rejects(jobs.send(strict, bad, { trx }), JobPayloadError)));
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.refused-at-send'`.execute(db);
  assert.equal(rows[0]!.n, 0);
});

test('a payload in the queue that does not fit is failed without retry and logged without its content', async () => {
  const log = new PassThrough();
  const lines: string[] = [];
  log.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  const worker = createJobs({ connectionString: url, logger: createLogger('info', log), poolSize: 2 });
  // An older version (or a hand-written row) queued a shape the handler does not take.
  const older = jobType('test.refused-in-queue', z.object({ n: z.unknown(), person: z.unknown() }));
  const current = jobType('test.refused-in-queue', personal);
  const handled: number[] = [];
  await jobs.send(older, { n: 'amina.haddad@example.org', person: 'Amina Haddad' });
  await jobs.send(current, { n: 1, person: 'Olena' });
  await worker.register({ type: current, options: { retryLimit: 5, retryDelay: 1, retryBackoff: false }, handle: async (data) => void handled.push(data.n) });
  const settled = await until('both jobs are settled', async () => {
    const { rows } = await sql<{ state: string; retry_count: number; output: unknown }>`
      SELECT state, retry_count, output FROM pgboss.job WHERE name = 'test.refused-in-queue' ORDER BY state`.execute(db);
    return rows.length === 2 && rows.every((row) => row.state === 'completed' || row.state === 'failed') ? rows : undefined;
  });
  await worker.stop();
  assert.deepEqual(handled, [1], 'the handler never saw the bad payload');
  assert.deepEqual(
    settled.map((row) => [row.state, row.retry_count]),
    [
      ['completed', 0],
      ['failed', 0],
    ],
  );
  const refusal = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'job payload refused');
  assert.ok(refusal, 'the refusal is logged');
  assert.equal(refusal.queue, 'test.refused-in-queue');
  assert.deepEqual(refusal.issues, [{ path: 'n', code: 'invalid_type' }]);
  assert.doesNotMatch(lines.join('\n') + JSON.stringify(settled), /amina|haddad/i, 'no personal data in the log or the stored outcome');
});
