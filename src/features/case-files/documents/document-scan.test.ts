import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { createTestApp } from '../../../../test/app.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { clamdMissing, eicar, startClamd } from '../../../../test/clamd.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { clamdScanner } from '../../../platform/virus-scan/clamd.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { translate } from '../../../web/i18n.ts';
import { createApiToken } from '../../staff/index.ts';

const skip = clamdMissing();

test('with clamd: staff uploads and new versions (pages and API) are scanned; infected 422, clamd unreachable 503, nothing written either way', {
  skip,
}, async () => {
  const { db, url } = await createTestDatabase();
  const clock = fixedClock('2026-11-23T07:00:00Z');
  const folder = await temporaryFolder('lotse-doc-scan-');
  const blobs = createBlobStore({ folder });
  const { socket } = await startClamd();
  const scanned = createTestApp(db, { url, clock, blobs, uploadMaxBytes: 1024 * 1024, virusScanner: clamdScanner(socket) });
  const down = createTestApp(db, { url, clock, blobs, uploadMaxBytes: 1024 * 1024, virusScanner: clamdScanner(`${socket}.gone`) });
  const office = await createOffice(db);
  const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
  const browser = new Browser(scanned);
  await browser.signIn(clerk.username);
  const browserOnDown = new Browser(down);
  browserOnDown.cookies = browser.cookies;
  const bearer = `Bearer ${(await createApiToken({ db, clock }, { staffId: clerk.id, name: 'test', role: 'clerk' })).token}`;
  const file = await createPersonWithFile(db, { locationId: office.locationId });
  const documentsPage = `/staff/files/${file.fileId}/documents`;
  const clean = Buffer.from('Aktenvermerk: Unterlagen vollständig.\n');
  const infected = Buffer.from(`Anlage\n${eicar}\n`);

  const documentCount = async () =>
    Number(
      (
        await db
          .selectFrom('case_document')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('file_id', '=', file.fileId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const versionCount = async () =>
    Number(
      (
        await db
          .selectFrom('case_document_version')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const staging = async () => (await fs.readdir(path.join(folder, 'tmp'), { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile());
  const nothingWritten = async (documents: number, versions: number) => {
    assert.equal(await documentCount(), documents, 'no document row');
    assert.equal(await versionCount(), versions, 'no version row');
    assert.deepEqual(await staging(), [], 'no staged bytes left');
  };
  const form = async (who: Browser, action: string, bytes: Buffer) => {
    const html = await (await who.get(documentsPage)).text();
    const csrf = /\?_csrf=([^"&]+)"/.exec(html)?.[1];
    assert.ok(csrf);
    const body = new FormData();
    for (const [key, value] of Object.entries({ title: 'Vermerk', category: 'other' })) body.append(key, value);
    body.append('file', new Blob([Uint8Array.from(bytes)], { type: 'text/plain' }), 'vermerk.txt');
    return who.request(`${action}?_csrf=${csrf}`, { method: 'POST', body });
  };
  const api = (target: typeof scanned, address: string, bytes: Buffer) =>
    target.request(address, { method: 'POST', body: Uint8Array.from(bytes), headers: { authorization: bearer, 'content-type': 'text/plain' } });
  const apiUpload = `/api/v1/files/${file.fileId}/documents?title=Vermerk&category=other&fileName=vermerk.txt`;

  // The staff form: infected refused with the clerk's page; nothing stored.
  const refused = await form(browser, `${documentsPage}/upload`, infected);
  assert.equal(refused.status, 422);
  const refusedPage = await refused.text();
  assert.match(refusedPage, /^<!doctype html>/);
  assert.ok(refusedPage.includes(translate('de', 'staff.documents.refused.infected.text')));
  await nothingWritten(0, 0);
  // The API: a 422 problem naming it.
  const refusedApi = await api(scanned, apiUpload, infected);
  assert.equal(refusedApi.status, 422);
  assert.equal(((await refusedApi.json()) as { problem: string }).problem, 'infected');
  await nothingWritten(0, 0);

  // Clean files pass the scan: one by the form, one by the API.
  const accepted = await form(browser, `${documentsPage}/upload`, clean);
  assert.equal(accepted.status, 303);
  const documentId = accepted.headers.get('location')!.split('/').pop()!;
  const acceptedApi = await api(scanned, apiUpload, clean);
  assert.equal(acceptedApi.status, 201);
  await nothingWritten(2, 2);

  // A new version: infected refused (form and API), clean accepted.
  const versionForm = `${documentsPage}/${documentId}/versions/upload`;
  const versionApi = `/api/v1/files/${file.fileId}/documents/${documentId}/versions?fileName=vermerk.txt`;
  assert.equal((await form(browser, versionForm, infected)).status, 422);
  assert.equal((await api(scanned, versionApi, infected)).status, 422);
  await nothingWritten(2, 2);
  assert.equal((await form(browser, versionForm, Buffer.from('Zweite Fassung.\n'))).status, 303);
  assert.equal((await api(scanned, versionApi, Buffer.from('Dritte Fassung.\n'))).status, 201);
  await nothingWritten(2, 4);

  // clamd unreachable: 503 with Retry-After, never accepted unscanned (pages and API, new documents and versions).
  const unavailable = await form(browserOnDown, `${documentsPage}/upload`, clean);
  assert.equal(unavailable.status, 503);
  assert.ok(unavailable.headers.get('retry-after'));
  assert.ok((await unavailable.text()).includes(translate('de', 'staff.documents.refused.scan_unavailable.text')));
  assert.equal((await form(browserOnDown, versionForm, clean)).status, 503);
  const unavailableApi = await api(down, apiUpload, clean);
  assert.equal(unavailableApi.status, 503);
  assert.equal(((await unavailableApi.json()) as { problem: string }).problem, 'scan_unavailable');
  assert.equal((await api(down, versionApi, clean)).status, 503);
  await nothingWritten(2, 4);
});
