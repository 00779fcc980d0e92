import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from './database.ts';

/**
 * Run only by test/year-ahead.test.ts, under libfaketime: proves that the shift reached both
 * this process and the PostgreSQL it started (otherwise the year-ahead run would prove nothing).
 */
const realNow = Number(process.env.LOTSE_REAL_NOW);
const yearMs = 364 * 86_400_000;

test('the clock of Node and of the embedded PostgreSQL both stand a year ahead', async () => {
  assert.ok(Number.isFinite(realNow), 'LOTSE_REAL_NOW is set by the parent');
  // Reading the real clocks is the point here (test/clock-guard.test.ts leaves this file out).
  const nodeNow = Date.now();
  assert.ok(nodeNow - realNow > yearMs, `Node: ${new Date(nodeNow).toISOString()}`);
  const { db } = await createTestDatabase({ poolSize: 1 });
  const { rows } = await sql<{ now: Date }>`SELECT statement_timestamp() AS now`.execute(db);
  assert.ok(rows[0]!.now.getTime() - realNow > yearMs, `PostgreSQL: ${rows[0]!.now.toISOString()}`);
});
