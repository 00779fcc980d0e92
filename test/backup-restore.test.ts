import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { withDatabase } from '../src/db/database.ts';
import { seedDemoOffice } from '../src/demo/seed-demo-office.ts';
import { createBlobStore } from '../src/platform/storage/blob-store.ts';
import { seedDemoStaff } from '../src/demo/seed-demo-staff.ts';
import { reminderJobType } from '../src/features/appointments/appointment-mails.ts';
import { createJobs } from '../src/platform/jobs/jobs.ts';
import { enqueueMail } from '../src/platform/mail/index.ts';
import { createLogger } from '../src/platform/log.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestDatabase } from './database.ts';

// `npm run backup` and `npm run restore` run as real processes against real databases.
const root = new URL('..', import.meta.url).pathname;
const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-backup-'));
const serverUrl = process.env.LOTSE_TEST_SERVER_URL!;
const created: string[] = [];
after(async () => {
  for (const name of created) await query(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await fs.rm(folder, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const name = `lotse_restore_${created.length}_${process.pid}`;
  await query(serverUrl, `CREATE DATABASE "${name}"`);
  created.push(name);
  return withDatabase(serverUrl, name);
}

function npmScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', `${script}.ts`), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

/** Every table of schema public, its row count and a digest of its content, and the sequences. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(url, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: string; digest: string | null }>(
      url,
      `SELECT count(*)::text AS n, md5(string_agg(r, '|' ORDER BY r)) AS digest FROM (SELECT row_to_json(t)::text AS r FROM "${name}" t) x`,
    );
    result[name] = `${row!.n}:${row!.digest}`;
  }
  for (const { name } of await query<{ name: string }>(
    url,
    "SELECT relname AS name FROM pg_class WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace",
  )) {
    const [state] = await query<{ v: string }>(url, `SELECT last_value::text || is_called::text AS v FROM "${name}"`);
    result[`sequence ${name}`] = state!.v;
  }
  return result;
}

const clock = fixedClock('2026-12-01T08:00:00Z');
const source = await createTestDatabase({ poolSize: 2 });
const sourceData = path.join(folder, 'source-data');
const backupFile = path.join(folder, 'office.lotse-backup');
const photo = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));

before(async () => {
  await seedDemoOffice({ db: source.db, clock, logger: createLogger('silent') });
  await seedDemoStaff({ db: source.db, clock });
  const jobs = createJobs({ connectionString: source.url, logger: createLogger('silent') });
  const reminder = { appointmentId: '0f6f2a3e-8c1d-4e52-9a7b-3d4c5e6f7a8b', startsAt: '2027-01-11T08:00:00.000Z' };
  await jobs.send(reminderJobType, reminder, { startAfter: new Date('2027-01-10T08:00:00Z') });
  await enqueueMail(
    jobs,
    { to: 'Olena@example.org', subject: 'Terminbestätigung', text: 'Ihr Termin', language: 'uk' },
    { startAfter: new Date('2027-01-10T08:00:00Z') },
  );
  await jobs.stop();
  // Two documents' bytes in the document store's folder (LOTSE_DATA_DIR/blobs).
  const store = createBlobStore({ folder: path.join(sourceData, 'blobs') });
  stored.push((await store.put(bytesOf(photo))).sha256, (await store.put(bytesOf(Buffer.from('Aktenvermerk')))).sha256);
});

const stored: string[] = [];
async function* bytesOf(buffer: Buffer) {
  yield new Uint8Array(buffer);
}
async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

test('backup, then restore into a new database and data folder: every table, sequence, file and pending job comes back', { timeout: 180_000 }, async () => {
  const backup = await npmScript('backup', ['--files', '--out', backupFile], { DATABASE_URL: source.url, LOTSE_DATA_DIR: sourceData });
  assert.equal(backup.code, 0, backup.output);
  assert.match(backup.output, /Backup written: .* tables, \d+ rows, 2 files/);
  assert.equal((await fs.stat(backupFile)).mode & 0o077, 0, 'only the owner may read a backup');

  const target = await emptyDatabase();
  const targetData = path.join(folder, 'target-data');
  const restore = await npmScript('restore', [backupFile], { DATABASE_URL: target, LOTSE_DATA_DIR: targetData });
  assert.equal(restore.code, 0, restore.output);
  assert.match(restore.output, /Restored \d+ tables, \d+ rows, 2 files and 2 pending jobs/);

  const expected = await fingerprint(source.url);
  assert.ok(Number(expected.appointment!.split(':')[0]) > 0 && Number(expected.staff!.split(':')[0]) > 0, 'the source has data');
  assert.deepEqual(await fingerprint(target), expected);
  // The restored store reads them back with their checksums verified.
  const restored = createBlobStore({ folder: path.join(targetData, 'blobs') });
  assert.deepEqual(await readAll(await restored.get(stored[0]!)), photo);
  assert.equal((await readAll(await restored.get(stored[1]!))).toString('utf8'), 'Aktenvermerk');
  const reminders = await query<{ start_after: Date }>(target, "SELECT start_after FROM pgboss.job WHERE name = 'portal.reminder' AND state = 'created'");
  assert.deepEqual(
    reminders.map((r) => r.start_after.toISOString()),
    ['2027-01-10T08:00:00.000Z'],
  );
  // A pending mail keeps its id and its group (one person's mails stay in order).
  const mailJob = "SELECT id, group_id FROM pgboss.job WHERE name = 'mail.send'";
  assert.deepEqual(await query(target, mailJob), await query(source.url, mailJob));
  assert.equal((await query<{ group_id: string }>(target, mailJob))[0]?.group_id, 'olena@example.org');
  const [queue] = await query<{ retry_limit: number }>(target, "SELECT retry_limit FROM pgboss.queue WHERE name = 'portal.reminder'");
  const [sourceQueue] = await query<{ retry_limit: number }>(source.url, "SELECT retry_limit FROM pgboss.queue WHERE name = 'portal.reminder'");
  assert.equal(queue!.retry_limit, sourceQueue!.retry_limit);

  // The restored database is a working Lotse database: the booking function and the triggers are there.
  const [version] = await query<{ n: number }>(target, 'SELECT count(*)::int AS n FROM kysely_migration');
  assert.equal(version!.n, Number(expected.kysely_migration!.split(':')[0]));

  // A database with data is refused without --force, and stays as it is.
  await query(target, "DELETE FROM service_text WHERE lang = 'fr'");
  const changed = await fingerprint(target);
  const refused = await npmScript('restore', [backupFile], { DATABASE_URL: target, LOTSE_DATA_DIR: path.join(folder, 'other-data') });
  assert.equal(refused.code, 1);
  assert.match(refused.output, /already has Lotse tables.*--force/);
  assert.deepEqual(await fingerprint(target), changed);
  const filesInTheWay = await npmScript('restore', [backupFile], { DATABASE_URL: await emptyDatabase(), LOTSE_DATA_DIR: targetData });
  assert.equal(filesInTheWay.code, 1);
  assert.match(filesInTheWay.output, /files folder .* is not empty/);

  const forced = await npmScript('restore', [backupFile, '--force'], { DATABASE_URL: target, LOTSE_DATA_DIR: targetData });
  assert.equal(forced.code, 0, forced.output);
  assert.deepEqual(await fingerprint(target), expected);
});

test('a corrupt or cut-off backup is refused and the database is untouched', { timeout: 120_000 }, async () => {
  await fs.access(backupFile);
  const good = await fs.readFile(backupFile);
  const content = zlib.gunzipSync(good);

  const altered = Buffer.from(content);
  const at = altered.indexOf('"display_name":"') + 20;
  altered[at] = altered[at] === 0x41 ? 0x42 : 0x41;
  const cases: [string, Buffer, RegExp][] = [
    ['altered', zlib.gzipSync(altered), /does not match its checksum/],
    ['cut off', good.subarray(0, Math.floor(good.length / 2)), /not a complete Lotse backup/],
    ['not a backup', Buffer.from('PGDMP this is something else'), /not a complete Lotse backup/],
  ];
  const target = await emptyDatabase();
  const withData = await emptyDatabase();
  const restore = await npmScript('restore', [backupFile], { DATABASE_URL: withData, LOTSE_DATA_DIR: path.join(folder, 'with-data') });
  assert.equal(restore.code, 0, restore.output);
  const before = await fingerprint(withData);
  for (const [what, bytes, message] of cases) {
    const file = path.join(folder, `${what}.lotse-backup`);
    await fs.writeFile(file, bytes);
    const empty = await npmScript('restore', [file], { DATABASE_URL: target, LOTSE_DATA_DIR: path.join(folder, `${what}-data`) });
    assert.equal(empty.code, 1, `${what}: ${empty.output}`);
    assert.match(empty.output, message, what);
    assert.deepEqual(await fingerprint(target), {}, `${what}: the empty database stays empty`);
    const forced = await npmScript('restore', [file, '--force'], { DATABASE_URL: withData, LOTSE_DATA_DIR: path.join(folder, `${what}-data`) });
    assert.equal(forced.code, 1, `${what} with --force: ${forced.output}`);
    assert.deepEqual(await fingerprint(withData), before, `${what}: --force changes nothing either`);
  }
});
