import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestApp } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { until } from '../../../../test/until.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { pdfBytes, sha256Of } from './delivery.test-support.ts';
import { openZipSource } from './zip-source.ts';
import { renameInZip, zipBytes } from './zip.test-support.ts';

const { db, url } = await createTestDatabase();
const work = await temporaryFolder('xdomea-routes-');
const blobs = createBlobStore({ folder: path.join(work, 'blobs') });
const app = createTestApp(db, { url, blobs });
const office = await createOffice(db);
const otherOffice = await createOffice(db);
const admin = await addStaff(db, 'admin');
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const strangerClerk = await addStaff(db, 'clerk', { locationIds: [otherOffice.locationId] });

async function signedIn(username: string) {
  const browser = new Browser(app);
  assert.equal((await browser.signIn(username)).status, 303);
  return browser;
}

async function upload(browser: Browser, zip: Buffer) {
  const csrf = await browser.csrfFrom('/staff/admin/imports');
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('locationId', office.locationId);
  form.set('delivery', new File([new Uint8Array(zip)], 'lieferung.zip', { type: 'application/zip' }));
  return browser.request('/staff/admin/imports', { method: 'POST', body: form });
}

describe('the admin imports page', () => {
  test('upload a zip, follow the import to its end, download the per-row report', async () => {
    const browser = await signedIn(admin.username);
    const page = await browser.get('/staff/admin/imports');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Importe aus dem Scandienst|Imports from the scan provider/);
    const good = pdfBytes();
    const manifest = [
      'file_reference;family_name;given_names;date_of_birth;document_title;category;path;sha256',
      `UP-1;Haddad;Lina;1990;Antrag;Antrag;a.pdf;${sha256Of(good)}`,
      `UP-1;Haddad;Lina;1990;Pass;passport_copy;b.pdf;${'0'.repeat(64)}`,
    ].join('\n');
    const started = await upload(
      browser,
      await zipBytes([
        { name: 'manifest.csv', bytes: manifest },
        { name: 'a.pdf', bytes: good },
        { name: 'b.pdf', bytes: pdfBytes() },
      ]),
    );
    assert.equal(started.status, 303);
    const importPage = started.headers.get('location')!;
    assert.match(importPage, /^\/staff\/admin\/imports\/[0-9a-f-]{36}$/);
    const id = importPage.split('/').at(-1)!;
    await until(
      'the import is done',
      async () => (await db.selectFrom('case_import').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state === 'done',
    );
    const html = await (await browser.get(importPage)).text();
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /data-events="\/staff\/admin\/imports\/[0-9a-f-]{36}\/events"/);
    const live = await (await browser.get(`${importPage}/live`)).text();
    assert.match(live, /<progress id="progress" max="2" value="2">/);
    const events = await browser.get(`${importPage}/events`);
    assert.equal(events.headers.get('content-type'), 'text/event-stream');
    assert.match(await events.text(), /event: queue\ndata: done:1:1/);
    const report = await browser.get(`${importPage}/report.csv`);
    assert.equal(report.status, 200);
    const csv = await report.text();
    assert.match(csv, /UP-1\/a\.pdf,imported,,[0-9a-f-]{36},/);
    assert.match(csv, /UP-1\/b\.pdf,quarantined,"checksum mismatch for b\.pdf: the manifest says 0{64}, the file has [0-9a-f]{64}"/);
    const list = await (await browser.get('/api/v1/imports')).json();
    assert.equal(list.imports[0].id, id);
    assert.deepEqual([list.imports[0].rowsDone, list.imports[0].rowsQuarantined, list.imports[0].state], [1, 1, 'done']);
  });

  test('a zip with path traversal is refused with a clear message; nothing starts', async () => {
    const browser = await signedIn(admin.username);
    const before = await db.selectFrom('case_import').select('id').execute();
    const zip = renameInZip(
      await zipBytes([
        { name: 'manifest.csv', bytes: 'x' },
        { name: 'xx/a.pdf', bytes: 'x' },
      ]),
      'xx/a.pdf',
      '../a.pdf',
    );
    const refused = await upload(browser, zip);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Zip refused: invalid relative path: \.\.\/a\.pdf/);
    assert.equal((await db.selectFrom('case_import').select('id').execute()).length, before.length);
  });

  test('only administrators import', async () => {
    const browser = await signedIn(clerk.username);
    assert.equal((await browser.get('/staff/admin/imports')).status, 403);
    assert.equal((await browser.get('/api/v1/imports')).status, 403);
  });
});

describe('the export', () => {
  test("a clerk downloads a file of their location as an xdomea zip; another location's clerk may not", async () => {
    const file = await createPersonWithFile(db, { locationId: office.locationId, reference: 'EX-1' });
    const browser = await signedIn(clerk.username);
    const response = await browser.get(`/staff/files/${file.fileId}/export.zip`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="akte-EX-1-xdomea-0401.zip"/);
    const zipFile = path.join(work, 'export.zip');
    await writeFile(zipFile, Buffer.from(await response.arrayBuffer()));
    const zip = await openZipSource(zipFile);
    assert.equal([...zip.files.keys()].filter((name) => name.endsWith('_0401.xml')).length, 1);
    await zip.close();
    const api = await browser.get(`/api/v1/files/${file.fileId}/export`);
    assert.equal(api.status, 200);
    assert.ok((await api.arrayBuffer()).byteLength > 100);
    const audits = await db.selectFrom('audit_entry').select('action').where('target_id', '=', file.fileId).where('action', '=', 'case_file.export').execute();
    assert.equal(audits.length, 2, 'both downloads are audited');
    const stranger = await signedIn(strangerClerk.username);
    assert.equal((await stranger.get(`/staff/files/${file.fileId}/export.zip`)).status, 403);
    assert.equal((await stranger.get('/staff/files/00000000-0000-4000-8000-000000000000/export.zip')).status, 404);
  });
});
