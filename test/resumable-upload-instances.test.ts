import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { pdfWithText } from '../src/demo/demo-documents.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createApplicationOffice } from './application-fixtures.ts';
import { createTestDatabase } from './database.ts';
import { clockAt, fakeTimeLibrary } from './faketime.ts';
import { freePort } from './global-setup.ts';
import { startLotse, waitUntilReady, type Running } from './lotse-process.ts';
import { PortalClient } from './portal/portal-client.ts';
import { temporaryFolder } from './temporary-folder.ts';
import { until } from './until.ts';

/**
 * docs/applications.md, "Several instances": two Lotse processes (main.ts, as in production) on
 * one PostgreSQL and one data folder, no sticky sessions. An upload is started on A, A is killed
 * (SIGKILL) while it holds the upload's lock, and the upload is continued on B.
 */

const officeMorning = '2026-11-23T08:00:00Z';
const publicUrl = 'http://localhost';

/** PortalClient's app, answered by a running instance over HTTP (redirects not followed, as app.request). */
const overHttp = (base: string) => ({
  request: ((address: string, init?: RequestInit) => fetch(`${base}${address}`, { ...init, redirect: 'manual' })) as unknown as Hono['request'],
});

test('two instances: an upload started on A, A killed while it receives a piece, continued on B and attached once, intact', { timeout: 240_000 }, async () => {
  assert.ok(fakeTimeLibrary, 'libfaketime is missing (apt-get install -y faketime): the instances cannot be started on the test day.');
  const { db, url } = await createTestDatabase({ poolSize: 2 });
  await createApplicationOffice(db, fixedClock(officeMorning));
  const dataDir = await temporaryFolder('lotse-tus-instances-');
  const ports = [await freePort(), await freePort()];
  const [a, b] = ports.map((port) =>
    startLotse({
      ...clockAt(officeMorning),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '3',
      PUBLIC_URL: publicUrl,
      LOTSE_DATA_DIR: dataDir,
    }),
  ) as [Running, Running];
  after(() => {
    for (const instance of [a, b]) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
  });
  await Promise.all([waitUntilReady(ports[0]!, a), waitUntilReady(ports[1]!, b)]);
  const uploadLocksHeld = async () =>
    (
      await sql<{ held: number }>`
        SELECT count(*)::int AS held FROM pg_locks JOIN pg_stat_activity USING (pid)
        WHERE locktype = 'advisory' AND granted AND application_name = 'lotse-upload-locks' AND datname = current_database()`.execute(db)
    ).rows[0]!.held;
  const [baseA, baseB] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];

  // A § 24 application in Ukrainian, started on A; its passport field's tus address.
  const client = new PortalClient(overHttp(baseA));
  const start = await client.get('/uk/apply/temporary-protection');
  const created = await client.post('/uk/apply/temporary-protection', start.html, { email: '' });
  const applicationBase = created.location!.replace(/\/1$/, '');
  const step = await client.get(`${applicationBase}/4`);
  const endpoint = (/data-tus="([^"]+)"/.exec(step.html)?.[1] ?? '').replace(/&amp;/g, '&');
  assert.match(endpoint, /\/tus\/passport\?_csrf=/);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const tusHeaders = { 'tus-resumable': '1.0.0', origin: publicUrl, cookie };

  const passport = await pdfWithText(['Паспорт громадянина України, два процеси']);
  const upload = await fetch(`${baseA}${endpoint}`, {
    method: 'POST',
    headers: { ...tusHeaders, 'upload-length': String(passport.length), 'upload-metadata': `filename ${Buffer.from('паспорт.pdf').toString('base64')}` },
  });
  assert.equal(upload.status, 201, await upload.clone().text());
  const location = upload.headers.get('location')!;
  const id = location.split('/').pop()!;

  // A piece to A whose sender goes silent after a third: A holds the upload's lock.
  const third = Math.floor(passport.length / 3);
  const piece = http.request(`${baseA}${location}`, {
    method: 'PATCH',
    headers: { ...tusHeaders, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
  });
  piece.on('error', () => {});
  piece.write(passport.subarray(0, third));
  const partial = path.join(dataDir, 'blobs', 'tmp', 'resumable', id);
  await until('A has received the third', async () => (await fs.stat(partial).catch(() => undefined))?.size === third);
  assert.equal(await uploadLocksHeld(), 1, 'A holds the upload in PostgreSQL');
  a.child.kill('SIGKILL');
  await a.exited;

  // The client's retry lands on B: its lock connection is gone with A, so B answers at once.
  const head = await fetch(`${baseB}${location}`, { method: 'HEAD', headers: tusHeaders });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('upload-offset'), String(third));
  const rest = await fetch(`${baseB}${location}`, {
    method: 'PATCH',
    headers: { ...tusHeaders, 'upload-offset': String(third), 'content-type': 'application/offset+octet-stream' },
    body: Uint8Array.from(passport.subarray(third)),
  });
  assert.equal(rest.status, 204, await rest.clone().text());

  const uploads = await db.selectFrom('application_upload').select(['file_name', 'blob_sha256', 'size']).where('file_name', '=', 'паспорт.pdf').execute();
  assert.deepEqual(uploads, [{ file_name: 'паспорт.pdf', blob_sha256: createHash('sha256').update(passport).digest('hex'), size: passport.length }]);
  await assert.rejects(fs.stat(partial), 'the partial file is removed');
  assert.equal(await uploadLocksHeld(), 0);
  // The stored document is the whole file, in the shared blob folder.
  const stored = await fs.readdir(path.join(dataDir, 'blobs'), { recursive: true });
  assert.ok(
    stored.some((name) => name.endsWith(uploads[0]!.blob_sha256)),
    stored.join(', '),
  );
});
