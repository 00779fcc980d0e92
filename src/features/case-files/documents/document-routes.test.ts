import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../../../../test/app.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { pdfWithText } from '../../../demo/demo-documents.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { fixedClock } from '../../../shared/clock.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T07:00:00Z');
const blobs = createBlobStore({ folder: await temporaryFolder('lotse-doc-routes-') });
const app = createTestApp(db, { url, clock, blobs, uploadMaxBytes: 1024 * 1024 });
const office = await createOffice(db);
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const browser = new Browser(app);
await browser.signIn(clerk.username);
const pdf = await pdfWithText(['Bescheid über die Verlängerung der Aufenthaltserlaubnis']);

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Uint8Array }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([Uint8Array.from(file.bytes)], { type: file.type }), file.name);
  return form;
}
async function uploadForm(fileId: string, file: { name: string; type: string; bytes: Uint8Array }) {
  const page = `/staff/files/${fileId}/documents`;
  const html = await (await browser.get(page)).text();
  const action = /action="([^"]*\/upload\?_csrf=[^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(action, 'the page has a streaming upload form');
  return browser.request(action, { method: 'POST', body: multipart({ title: 'Bescheid', category: 'decision', receivedOn: '2026-11-20' }, file) });
}

test('the documents page lists the file’s documents and uploads through a plain form; the viewer shows the PDF', async () => {
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const listed = await browser.get(`/staff/files/${file.fileId}/documents`);
  assert.equal(listed.status, 200);
  const html = await listed.text();
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /enctype="multipart\/form-data"/);
  const uploaded = await uploadForm(file.fileId, { name: 'bescheid.pdf', type: 'application/pdf', bytes: pdf });
  assert.equal(uploaded.status, 303);
  const viewer = uploaded.headers.get('location') ?? '';
  assert.match(viewer, /^\/staff\/files\/[0-9a-f-]+\/documents\/[0-9a-f-]+$/);
  const page = await (await browser.get(viewer)).text();
  assert.match(page, /<iframe class="document-frame" src="[^"]+\/versions\/1\/content"/);
  assert.match(await (await browser.get(`/staff/files/${file.fileId}/documents`)).text(), /Bescheid/);
});

test('downloads: whole, by range (206), out of range (416), If-Range, headers that keep it private; each opening audited', async () => {
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const viewer = (await uploadForm(file.fileId, { name: 'Bescheid Müller.pdf', type: 'application/pdf', bytes: pdf })).headers.get('location');
  const content = `${viewer}/versions/1/content`;
  const whole = await browser.get(content);
  assert.equal(whole.status, 200);
  assert.deepEqual(Buffer.from(await whole.arrayBuffer()), pdf);
  assert.equal(whole.headers.get('content-type'), 'application/pdf');
  assert.equal(whole.headers.get('x-content-type-options'), 'nosniff');
  assert.match(whole.headers.get('cache-control') ?? '', /no-store/);
  assert.equal(whole.headers.get('content-disposition'), `inline; filename="Bescheid M_ller.pdf"; filename*=UTF-8''Bescheid%20M%C3%BCller.pdf`);
  assert.match(whole.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
  const etag = whole.headers.get('etag') ?? '';
  assert.match(etag, /^"[0-9a-f]{64}"$/);

  const part = await browser.request(content, { headers: { range: 'bytes=10-19' } });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), `bytes 10-19/${pdf.length}`);
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), pdf.subarray(10, 20));
  const tail = await browser.request(content, { headers: { range: 'bytes=-5' } });
  assert.deepEqual(Buffer.from(await tail.arrayBuffer()), pdf.subarray(pdf.length - 5));
  const beyond = await browser.request(content, { headers: { range: `bytes=${pdf.length}-` } });
  assert.equal(beyond.status, 416);
  assert.equal(beyond.headers.get('content-range'), `bytes */${pdf.length}`);
  const stale = await browser.request(content, { headers: { range: 'bytes=0-9', 'if-range': '"0000"' } });
  assert.equal(stale.status, 200);
  await stale.arrayBuffer();
  const fresh = await browser.request(content, { headers: { range: 'bytes=0-9', 'if-range': etag } });
  assert.equal(fresh.status, 206);
  await fresh.arrayBuffer();
  const download = await browser.get(`${content}?download=1`);
  assert.match(download.headers.get('content-disposition') ?? '', /^attachment;/);
  await download.arrayBuffer();
  const documentId = viewer?.split('/').pop() ?? '';
  const reads = await db.selectFrom('audit_entry').select('action').where('action', '=', 'case_document.read').where('target_id', '=', documentId).execute();
  // whole, stale If-Range (whole again), fresh range from 0, download: the pieces further in are not new openings
  assert.equal(reads.length, 4);
  assert.equal((await browser.get(`${viewer}/versions/9/content`)).status, 404);
});

test('an upload over the limit is refused with 413 while it streams; a fake PDF with 422; nothing is kept', async () => {
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const tooLarge = await uploadForm(file.fileId, { name: 'scan.tif', type: 'image/tiff', bytes: new Uint8Array(2 * 1024 * 1024) });
  assert.equal(tooLarge.status, 413);
  const fake = await uploadForm(file.fileId, { name: 'antrag.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('kein PDF') });
  assert.equal(fake.status, 422);
  assert.match(await fake.text(), /kein PDF/);
  const documents = await db.selectFrom('case_document').select('id').where('file_id', '=', file.fileId).execute();
  assert.deepEqual(documents, []);
});

test('a form post without the token in its address is held to the body limit; another clerk’s location is refused', async () => {
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const noToken = await browser.request(`/staff/files/${file.fileId}/documents/upload`, {
    method: 'POST',
    body: multipart({ title: 'x', category: 'other' }, { name: 'a.pdf', type: 'application/pdf', bytes: new Uint8Array(2 * 1024 * 1024) }),
  });
  assert.equal(noToken.status, 413);
  const otherOffice = await createOffice(db);
  const stranger = await createPersonWithFile(db, { locationId: otherOffice.locationId });
  assert.equal((await browser.get(`/staff/files/${stranger.fileId}/documents`)).status, 403);
});
