import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBlobStore } from '../src/platform/storage/blob-store.ts';
import { clamdScanner } from '../src/platform/virus-scan/clamd.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { translate } from '../src/web/i18n.ts';
import { createTestApp } from '../test/app.ts';
import { createPersonWithFile } from '../test/case-file-factory.ts';
import { clamdMissing, eicar, startClamd } from '../test/clamd.ts';
import { createTestDatabase } from '../test/database.ts';
import { createOffice } from '../test/office-factory.ts';
import { serveApp } from '../test/serve-app.ts';
import { addStaff } from '../test/staff.ts';
import { temporaryFolder } from '../test/temporary-folder.ts';
import { axeViolations, launchBrowser, signInStaff } from './browser.ts';

const skip = clamdMissing();

/** The clerk's pages when the virus scan refuses an upload, in real Chromium: with JavaScript (the upload script shows the answer) and without. */
test('a clerk uploading an infected file sees why it was refused, and that clamd is unreachable; both pages without axe violations', { skip }, async () => {
  const { db, url } = await createTestDatabase();
  const blobs = createBlobStore({ folder: await temporaryFolder('lotse-e2e-doc-scan-') });
  const { socket } = await startClamd();
  const clock = fixedClock('2026-12-01T09:00:00Z');
  const scanned = await serveApp(createTestApp(db, { url, clock, blobs, virusScanner: clamdScanner(socket) }));
  const down = await serveApp(createTestApp(db, { url, clock, blobs, virusScanner: clamdScanner(`${socket}.gone`) }));
  const browser = await launchBrowser();
  const office = await createOffice(db);
  const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
  const file = await createPersonWithFile(db, { locationId: office.locationId });

  const upload = async (base: string, javaScriptEnabled: boolean, bytes: string) => {
    const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled });
    const page = await context.newPage();
    await signInStaff(page, base, clerk.username);
    await page.goto(`${base}/staff/files/${file.fileId}/documents`);
    await page.fill('#title', 'Anlage');
    await page.setInputFiles('#file', { name: 'anlage.txt', mimeType: 'text/plain', buffer: Buffer.from(bytes) });
    await page.locator('form.upload-form button[type=submit]').click();
    await page.locator('h1', { hasNotText: 'Dokumente' }).first().waitFor({ timeout: 20_000 });
    return { page, context };
  };

  for (const javaScriptEnabled of [false, true]) {
    const infected = await upload(scanned.base, javaScriptEnabled, `Anlage\n${eicar}\n`);
    await infected.page.getByText(translate('de', 'staff.documents.refused.infected.text')).waitFor({ timeout: 20_000 });
    assert.equal(await infected.page.locator('h1').textContent(), translate('de', 'staff.documents.refused.infected.title'));
    // axe runs as a script: with JavaScript on, on the answer the upload script shows.
    if (javaScriptEnabled) assert.deepEqual(await axeViolations(infected.page), [], 'the infected page');
    await infected.context.close();
  }
  const unavailable = await upload(down.base, true, 'Ein sauberer Vermerk.\n');
  assert.equal(await unavailable.page.locator('h1').textContent(), translate('de', 'staff.documents.refused.scan_unavailable.title'));
  assert.deepEqual(await axeViolations(unavailable.page), [], 'the scan-unavailable page');
  await unavailable.context.close();
  const stored = await db.selectFrom('case_document').select('id').where('file_id', '=', file.fileId).execute();
  assert.deepEqual(stored, [], 'nothing stored');
  await browser.close();
});
