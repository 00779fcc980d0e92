import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/database.ts';
import { createLogger } from '../log.ts';
import { createLiveEvents } from './live-events.ts';

const { db, url, name } = await createTestDatabase();

async function listeners(): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity where datname = ${name} and query like 'LISTEN%'`.execute(db);
  return rows[0]!.n;
}

test('stopping while the LISTEN connection is still opening leaves no connection behind', async () => {
  const logger = createLogger('silent');
  for (let round = 0; round < 5; round++) {
    const events = createLiveEvents({ connectionString: url, logger });
    const opening = events.ready();
    await events.stop();
    await opening;
  }
  // pg_stat_activity shows a session's last query; an ended connection is gone from it.
  for (let waited = 0; (await listeners()) > 0 && waited < 2_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(await listeners(), 0);
});

test('a started listener is counted, and stop() ends it', async () => {
  const events = createLiveEvents({ connectionString: url, logger: createLogger('silent') });
  await events.ready();
  assert.equal(await listeners(), 1);
  await events.stop();
  for (let waited = 0; (await listeners()) > 0 && waited < 2_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(await listeners(), 0);
});
