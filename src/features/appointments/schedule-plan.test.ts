import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { createTestDatabase } from '../../../test/database.ts';
import { seedDemoOffice } from '../../demo/seed-demo-office.ts';
import { createLogger } from '../../platform/log.ts';
import { fixedClock } from '../../shared/clock.ts';
import { locationScheduleQuery } from './schedule-store.ts';

// On a stock PostgreSQL (jit=on, e.g. Debian's) the schedule load of a database whose tables were
// never analysed was estimated expensive enough to be JIT-compiled: 3–8 s instead of milliseconds.
// `npm run test:stock-postgres` runs this against such a server (.ci/run does).
const { db, url } = await createTestDatabase({ poolSize: 2 });
const asOf = new Date('2027-03-10T08:00:00Z');

test('a schedule load is planned without JIT, also on tables never analysed', { timeout: 60_000 }, async () => {
  await seedDemoOffice({ db, clock: fixedClock(asOf), logger: createLogger('silent') });
  const location = await db.selectFrom('location').select('id').orderBy('slug').executeTakeFirstOrThrow();
  const query = locationScheduleQuery(location.id, asOf);

  const { rows: setting } = await sql<{ jit: string }>`SHOW jit`.execute(db);
  assert.equal(setting[0]!.jit, 'off', "Lotse's sessions do not JIT-compile");
  const { rows: plan } = await sql<{ 'QUERY PLAN': [Record<string, unknown>] }>`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`.execute(db);
  assert.equal('JIT' in plan[0]!['QUERY PLAN'][0], false, 'the schedule load was not compiled');

  // The same statement in a session with the server's own settings: where the server can JIT
  // (Debian's packages can), it would, so the setting above is what keeps the load fast.
  const plain = new pg.Client({ connectionString: url });
  await plain.connect();
  try {
    const { rows: available } = await plain.query<{ jit: boolean }>("SELECT pg_jit_available() AND current_setting('jit')::bool AS jit");
    if (available[0]!.jit) {
      const compiled = query.compile(db);
      const { rows: stock } = await plain.query(`EXPLAIN (FORMAT JSON) ${compiled.sql}`, [...compiled.parameters]);
      assert.equal('JIT' in stock[0]['QUERY PLAN'][0], true, 'with the server default the statement would be JIT-compiled');
    }
  } finally {
    await plain.end();
  }
});
