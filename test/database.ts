import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import { createKysely, createPool, withDatabase, type Database } from '../src/db/database.ts';

export type TestDatabase = { db: Database; pool: pg.Pool; url: string; name: string };

/**
 * A fresh database cloned from the migrated template, dropped when the test file ends.
 * Call it at the top of a test file (or in `before`).
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.LOTSE_TEST_SERVER_URL;
  const template = process.env.LOTSE_TEST_TEMPLATE;
  if (!serverUrl || !template) throw new Error('No test database server: run the tests with `npm test` (its global setup starts PostgreSQL).');
  const name = `lotse_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabase(serverUrl, name);
  const pool = createPool(url, options.poolSize ?? 10);
  const db = createKysely(pool);
  after(async () => {
    await db.destroy();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return { db, pool, url, name };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  // CREATE DATABASE … TEMPLATE fails while another session is connected to the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
      return;
    } catch (error) {
      if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
  }
}
