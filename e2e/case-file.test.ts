import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBlobStore } from '../src/platform/storage/blob-store.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestApp } from '../test/app.ts';
import { addPersonWithFile, oleksandrPetrenko } from '../test/case-search-fixtures.ts';
import { createTestDatabase } from '../test/database.ts';
import { createOffice } from '../test/office-factory.ts';
import { serveApp } from '../test/serve-app.ts';
import { addStaff } from '../test/staff.ts';
import { temporaryFolder } from '../test/temporary-folder.ts';
import { axeViolations, launchBrowser, signInStaff } from './browser.ts';

/**
 * The clerk's journey through the case file in real Chromium: find a person by the Cyrillic
 * spelling of the name, open the file, open a document in the viewer, upload a new version.
 */
const { db, url } = await createTestDatabase();
const blobs = createBlobStore({ folder: await temporaryFolder('lotse-e2e-case-file-') });
const app = createTestApp(db, { url, clock: fixedClock('2026-12-01T09:00:00Z'), blobs });
const { base } = await serveApp(app);
const browser = await launchBrowser();

const wetzlar = (await createOffice(db)).locationId;
const clerk = await addStaff(db, 'clerk', { locationIds: [wetzlar] });
const petrenko = await addPersonWithFile(db, wetzlar, oleksandrPetrenko);

// Two different 1×1 PNG images: a scan and its rescan.
const scan = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const rescan = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('a clerk finds a person by the Cyrillic name, opens the file and a document, and uploads a new version', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const page = await context.newPage();
  await signInStaff(page, base, clerk.username);

  // Search as you type, by the Cyrillic spelling of a person stored in Latin.
  await page.locator('a[href="/staff/files/search"]').first().click();
  await page.locator('#q').pressSequentially('Петренко', { delay: 30 });
  const result = page.locator(`#search-results a[href="/staff/files/${petrenko.fileId}"]`);
  await result.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'search page with results');

  // The file.
  await result.click();
  await page.waitForURL(`${base}/staff/files/${petrenko.fileId}`);
  assert.match((await page.locator('main').textContent()) ?? '', /WZ-2024\/00123/);
  assert.deepEqual(await axeViolations(page), [], 'file page');

  // Its documents: add one (the plain form), then it opens in the viewer.
  await page.locator('#documents a[href$="/documents"]').click();
  await page.waitForURL(`${base}/staff/files/${petrenko.fileId}/documents`);
  await page.fill('#title', 'Reisepass Kopie');
  await page.setInputFiles('#file', { name: 'pass.png', mimeType: 'image/png', buffer: scan });
  await page.locator('form.upload-form button[type=submit]').click();
  await page.waitForURL(new RegExp(`/staff/files/${petrenko.fileId}/documents/[0-9a-f-]{36}$`)).catch(async (error) => {
    throw new Error(`${error}: at ${page.url()}: ${(await page.locator('main').textContent())?.slice(0, 600)}`);
  });
  assert.equal(await page.locator('h1').textContent(), 'Reisepass Kopie');
  const viewerUrl = page.url();

  // A new version through the viewer's form.
  await page.setInputFiles('section[aria-labelledby="version-h"] input[type=file]', { name: 'pass-rescan.png', mimeType: 'image/png', buffer: rescan });
  await page.locator('section[aria-labelledby="version-h"] form.upload-form button[type=submit]').click();
  await page.waitForURL(viewerUrl);
  await page.locator('section[aria-labelledby="version-h"]', { hasText: 'Fassung 2' }).waitFor();
  const versions = await db.selectFrom('case_document_version').select(['number', 'size']).orderBy('number').execute();
  assert.deepEqual(
    versions.map((version) => [version.number, Number(version.size)]),
    [
      [1, scan.length],
      [2, rescan.length],
    ],
  );
  await context.close();
});
