import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/database.ts';
import { createTestJobs } from '../../../test/app.ts';
import { until } from '../../../test/until.ts';
import { sql } from 'kysely';

const { db, url } = await createTestDatabase();
const jobs = createTestJobs(url);

test('jobs fetched together are settled one by one: a failing job is retried alone, the others run once', async () => {
  const runs = new Map<number, number>();
  let failures = 0;
  await jobs.register<{ n: number }>({
    name: 'test.batch',
    options: { retryLimit: 3, retryDelay: 1, retryBackoff: false },
    async handle({ n }) {
      runs.set(n, (runs.get(n) ?? 0) + 1);
      if (n === 3 && failures++ === 0) throw new Error('first attempt fails');
    },
  });
  // Inserted in one statement, so one fetch finds them all.
  await db.transaction().execute((trx) =>
    jobs.batched(trx, async () => {
      for (let n = 0; n < 8; n++) await jobs.send('test.batch', { n }, { trx });
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

test('a definition with lanes runs that many jobs of a fetch at the same time; jobs of one key stay in order', async () => {
  let running = 0;
  let most = 0;
  const finished: { n: number; person: string }[] = [];
  // Sent one by one (each its own time), before the worker starts: its first fetch finds them all.
  for (let n = 0; n < 12; n++) await jobs.send('test.lanes', { n, person: `p${n % 4}` });
  await jobs.register<{ n: number; person: string }>({
    name: 'test.lanes',
    lanes: 3,
    laneKey: (data) => data.person,
    async handle(data) {
      most = Math.max(most, ++running);
      // Later jobs finish sooner: only the lane keeps one person's jobs in order.
      await new Promise((resolve) => setTimeout(resolve, 80 - 5 * data.n));
      running--;
      finished.push(data);
    },
  });
  await until('the twelve jobs finished', () => finished.length >= 12);
  assert.equal(finished.length, 12);
  assert.equal(most, 3);
  for (const person of ['p0', 'p1', 'p2', 'p3']) {
    const order = finished.filter((f) => f.person === person).map((f) => f.n);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      person,
    );
  }
});
