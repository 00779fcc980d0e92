import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { createTestDatabase } from './database.ts';
import { freePort } from './global-setup.ts';
import { startLotse, waitUntilReady, withTimeout } from './lotse-process.ts';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-start-'));
await fs.chmod(dataDir, 0o755);
after(() => fs.rm(dataDir, { recursive: true, force: true }));

test('embedded database: survives SIGKILL with data intact, stops cleanly on SIGTERM', { timeout: 240_000 }, async () => {
  const port = await freePort();
  const pgPort = await freePort();
  const env = { PORT: String(port), LOTSE_DATA_DIR: dataDir, LOTSE_EMBEDDED_PG_PORT: String(pgPort) };

  const first = startLotse(env);
  await waitUntilReady(port, first);
  const secret = (await fs.readFile(path.join(dataDir, 'pg.secret'), 'utf8')).trim();
  const url = `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${pgPort}/lotse`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE survivor (note text)');
  await client.query("INSERT INTO survivor VALUES ('still here')");
  await client.end();

  first.child.kill('SIGKILL');
  await first.exited;

  const second = startLotse(env);
  await waitUntilReady(port, second);
  const again = new pg.Client({ connectionString: url });
  await again.connect();
  const rows = await again.query('SELECT note FROM survivor');
  await again.end();
  assert.deepEqual(rows.rows, [{ note: 'still here' }]);

  second.child.kill('SIGTERM');
  assert.equal(await withTimeout(second.exited, 20_000, 'shutdown'), 0);
  await assert.rejects(fs.access(path.join(dataDir, 'pg', 'postmaster.pid')), 'the embedded database was stopped');
});

test('a stale postmaster.pid from a crash does not stop the next start', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const pgPort = await freePort();
  const env = { PORT: String(port), LOTSE_DATA_DIR: dataDir, LOTSE_EMBEDDED_PG_PORT: String(pgPort) };
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  await fs.writeFile(pidFile, `999999\n${path.join(dataDir, 'pg')}\n1700000000\n${pgPort}\n`);
  const running = startLotse(env);
  await waitUntilReady(port, running);
  running.child.kill('SIGTERM');
  assert.equal(await withTimeout(running.exited, 20_000, 'shutdown'), 0);
});

/**
 * A failing start must end rather than hang; how fast it ends is not asserted here (the suite runs
 * on busy machines where starting Node alone can take seconds), only that it does.
 */
const failingStartLimitMs = 60_000;

test('DATABASE_URL pointing at nothing fails (does not wait for ever) with a clear message', { timeout: 90_000 }, async () => {
  const deadPort = await freePort();
  const running = startLotse({ PORT: String(await freePort()), DATABASE_URL: `postgres://lotse:x@127.0.0.1:${deadPort}/lotse` });
  const code = await withTimeout(running.exited, failingStartLimitMs, 'failing start');
  assert.notEqual(code, 0);
  assert.match(running.output(), /Cannot reach PostgreSQL/);
});

test('a port in use fails with a clear message', { timeout: 90_000 }, async () => {
  const blocker = net.createServer();
  const port = await new Promise<number>((resolve) => blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as net.AddressInfo).port)));
  try {
    const running = startLotse({ PORT: String(port), DATABASE_URL: 'postgres://lotse:x@127.0.0.1:1/lotse' });
    assert.notEqual(await withTimeout(running.exited, failingStartLimitMs, 'failing start'), 0);
    assert.match(running.output(), new RegExp(`port ${port} .*already in use`));
  } finally {
    blocker.close();
  }
});

test('a wrong setting names the setting and exits non-zero', { timeout: 90_000 }, async () => {
  const running = startLotse({ PORT: 'eighty' });
  assert.equal(await withTimeout(running.exited, failingStartLimitMs, 'failing start'), 2);
  assert.match(running.output(), /PORT/);
});

test('with DATABASE_URL set Lotse uses that server and starts no database of its own', { timeout: 120_000 }, async () => {
  const { url } = await createTestDatabase({ poolSize: 1 });
  const ownDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-external-'));
  const port = await freePort();
  const running = startLotse({ PORT: String(port), DATABASE_URL: url, LOTSE_DATA_DIR: ownDataDir });
  try {
    await waitUntilReady(port, running);
    await assert.rejects(fs.access(path.join(ownDataDir, 'pg')), 'no embedded cluster was created');
  } finally {
    running.child.kill('SIGTERM');
    assert.equal(await withTimeout(running.exited, 20_000, 'shutdown'), 0);
    await fs.rm(ownDataDir, { recursive: true, force: true });
  }
});

test('a running Lotse keeps its embedded database: migrate attaches, a second Lotse on the same folder is refused', { timeout: 240_000 }, async () => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-shared-'));
  await fs.chmod(folder, 0o755);
  const port = await freePort();
  const pgPort = String(await freePort());
  const running = startLotse({ PORT: String(port), LOTSE_DATA_DIR: folder, LOTSE_EMBEDDED_PG_PORT: pgPort });
  try {
    await waitUntilReady(port, running);

    const migrate = spawn(process.execPath, ['--import', 'tsx', new URL('../src/db/migrate-cli.ts', import.meta.url).pathname], {
      env: { PATH: process.env.PATH ?? '', LOTSE_DATA_DIR: folder, LOTSE_EMBEDDED_PG_PORT: pgPort },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let migrateOutput = '';
    migrate.stdout.on('data', (chunk) => (migrateOutput += chunk));
    migrate.stderr.on('data', (chunk) => (migrateOutput += chunk));
    const migrateCode = await withTimeout(new Promise<number | null>((resolve) => migrate.on('exit', resolve)), 60_000, 'migrate');
    assert.equal(migrateCode, 0, migrateOutput);
    assert.match(migrateOutput, /up to date/);

    const second = startLotse({ PORT: String(await freePort()), LOTSE_DATA_DIR: folder, LOTSE_EMBEDDED_PG_PORT: pgPort });
    assert.notEqual(await withTimeout(second.exited, 60_000, 'refused start'), 0);
    assert.match(second.output(), /Another Lotse \(pid \d+\) is running/);

    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    assert.equal(response.status, 200, 'the first Lotse still has its database');
  } finally {
    running.child.kill('SIGTERM');
    await withTimeout(running.exited, 30_000, 'shutdown');
    await fs.rm(folder, { recursive: true, force: true });
  }
});
