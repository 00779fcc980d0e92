import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../../../../test/app.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff } from '../../../../test/staff.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { pdfWithText } from '../../../demo/demo-documents.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { createApiToken } from '../../staff/index.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T07:00:00Z');
const app = createTestApp(db, { url, clock, blobs: createBlobStore({ folder: await temporaryFolder('lotse-doc-api-') }), uploadMaxBytes: 512 * 1024 });
const office = await createOffice(db);
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const other = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const bearer = async (staffId: string) => `Bearer ${(await createApiToken({ db, clock }, { staffId, name: 'test', role: 'clerk' })).token}`;
const mine = await bearer(clerk.id);
const theirs = await bearer(other.id);
const pdf = Uint8Array.from(await pdfWithText(['Schreiben der Ausländerbehörde']));
const call = (path: string, init: RequestInit & { as?: string } = {}) =>
  app.request(path, { ...init, headers: { authorization: init.as ?? mine, ...(init.headers as Record<string, string>) } });

test('upload, read, edit with If-Match, new version, lock, download by range and delete through the API', async () => {
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const base = `/api/v1/files/${file.fileId}/documents`;
  const created = await call(`${base}?title=Schreiben&category=letter&fileName=brief.pdf&receivedOn=2026-11-20`, {
    method: 'POST',
    body: pdf,
    headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(created.status, 201);
  const { documentId, number } = (await created.json()) as { documentId: string; number: number };
  assert.equal(number, 1);

  const listed = (await (await call(base)).json()) as { documents: { id: string; mediaType: string }[] };
  assert.deepEqual(
    listed.documents.map((d) => [d.id, d.mediaType]),
    [[documentId, 'application/pdf']],
  );
  const shown = await call(`${base}/${documentId}`);
  assert.equal(shown.headers.get('etag'), '"1"');

  const metadata = { title: 'Schreiben vom 20.11.', category: 'letter' };
  const noIfMatch = await call(`${base}/${documentId}`, { method: 'PATCH', body: JSON.stringify(metadata), headers: { 'content-type': 'application/json' } });
  assert.equal(noIfMatch.status, 428);
  const edited = await call(`${base}/${documentId}`, {
    method: 'PATCH',
    body: JSON.stringify(metadata),
    headers: { 'content-type': 'application/json', 'if-match': '"1"' },
  });
  assert.equal(edited.status, 200);
  assert.equal(edited.headers.get('etag'), '"2"');
  const stale = await call(`${base}/${documentId}`, {
    method: 'PATCH',
    body: JSON.stringify(metadata),
    headers: { 'content-type': 'application/json', 'if-match': '"1"' },
    as: theirs,
  });
  assert.equal(stale.status, 412);

  const locked = await call(`${base}/${documentId}/lock`, {
    method: 'PUT',
    body: JSON.stringify({ minutes: 15 }),
    headers: { 'content-type': 'application/json' },
  });
  assert.deepEqual(await locked.json(), { lockedUntil: '2026-11-23T07:15:00.000Z' });
  const blocked = await call(`${base}/${documentId}/versions?fileName=b.pdf`, {
    method: 'POST',
    body: pdf,
    headers: { 'content-type': 'application/pdf' },
    as: theirs,
  });
  assert.equal(blocked.status, 409);
  assert.equal((await call(`${base}/${documentId}/lock`, { method: 'DELETE' })).status, 204);
  const second = await call(`${base}/${documentId}/versions?fileName=b.pdf`, {
    method: 'POST',
    body: pdf,
    headers: { 'content-type': 'application/pdf' },
    as: theirs,
  });
  assert.deepEqual(await second.json(), { documentId, number: 2 });

  const piece = await call(`${base}/${documentId}/versions/2/content`, { headers: { range: 'bytes=0-3' } });
  assert.equal(piece.status, 206);
  assert.equal(await piece.text(), '%PDF');
  assert.equal((await call(`${base}/${documentId}`, { method: 'DELETE' })).status, 204);
  assert.equal((await call(`${base}/${documentId}`)).status, 404);
});

test('the API refuses a fake PDF (422), a body over the limit (413) and unknown ids (404); the OpenAPI document lists it', async () => {
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const base = `/api/v1/files/${file.fileId}/documents`;
  const fake = await call(`${base}?title=x&category=other&fileName=x.pdf`, {
    method: 'POST',
    body: 'kein PDF',
    headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(fake.status, 422);
  const big = await call(`${base}?title=x&category=other&fileName=x.txt`, {
    method: 'POST',
    body: 'a'.repeat(600 * 1024),
    headers: { 'content-type': 'text/plain' },
  });
  assert.equal(big.status, 413);
  assert.equal((await call(`/api/v1/files/00000000-0000-4000-8000-000000000000/documents`)).status, 404);
  const spec = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(spec.paths['/api/v1/files/{fileId}/documents/{documentId}/versions/{number}/content']);
});
