import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { translate } from '../src/web/i18n.ts';
import { startApplicationServer } from './application-server.ts';
import { axeViolations, launchBrowser } from './browser.ts';

const { db, baseUrl } = await startApplicationServer();
const browser: Browser = await launchBrowser();

async function checkPage(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
}

// A photo of the passport, 3.5 MB: four pieces of the client's 1 MB.
const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]), randomBytes(3.5 * 1024 * 1024)]);

test('a § 24 application in Ukrainian whose passport upload is cut off mid-way and resumes where it stopped', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'uk' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${baseUrl}/uk/apply/temporary-protection`);
  await page.fill('#email', 'olena@example.org');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/a\/[A-Za-z0-9_-]{43}\/1$/);
  await page.fill('#f-family_name', 'Коваленко');
  await page.fill('#f-given_names', 'Олена');
  await page.fill('#f-birth_date', '17.05.1990');
  await page.check('input[name="a.nationality"][value="ua"]');
  await page.click('button[value="next"]');
  await page.waitForURL(/\/2$/);
  await page.check('input[name="a.in_ukraine_on_24_02_2022"][value="yes"]');
  await page.fill('#f-entry_date', '03.03.2022');
  await page.fill('#f-address-street', 'Bahnhofstraße 3');
  await page.fill('#f-address-postalCode', '35578');
  await page.fill('#f-address-city', 'Wetzlar');
  await page.click('button[value="next"]');
  await page.waitForURL(/\/3$/);
  await page.click('button[value="next"]');
  await page.waitForURL(/\/4$/);
  await checkPage(page, 'documents step with the resumable upload');

  // Every PATCH the browser sends, and what reached the server: the third piece is cut off.
  const pieces: { offset: number; bytes: number; delivered: boolean }[] = [];
  let cut = false;
  await page.route('**/tus/passport/**', async (route) => {
    const request = route.request();
    if (request.method() !== 'PATCH') return route.continue();
    const offset = Number(await request.headerValue('upload-offset'));
    const bytes = request.postDataBuffer()?.length ?? 0;
    if (!cut && pieces.length === 2) {
      cut = true;
      pieces.push({ offset, bytes, delivered: false });
      await context.setOffline(true);
      return route.abort('internetdisconnected');
    }
    pieces.push({ offset, bytes, delivered: true });
    return route.continue();
  });
  await page.setInputFiles('#f-passport', { name: 'паспорт.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.locator('form[data-tus] button[type="submit"]').first().click();
  const status = page.locator('form[data-tus] .upload-status').first();
  await status.filter({ hasText: translate('uk', 'apply.upload.interrupted') }).waitFor();
  await checkPage(page, 'documents step while the connection is lost');
  // What the status line says from here on, kept across the reload that follows the upload.
  await page.evaluate(() => {
    const line = document.querySelector('form[data-tus] .upload-status')!;
    new MutationObserver(() => sessionStorage.setItem('said', `${sessionStorage.getItem('said') ?? ''}\n${line.textContent}`)).observe(line, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await context.setOffline(false);
  // Back online: the client asks how far the server got and goes on from there.
  await page.waitForURL(/\/4$/, { waitUntil: 'load' });
  await page.locator('.uploaded').filter({ hasText: 'паспорт.jpg' }).waitFor();
  assert.ok(cut, 'the upload was cut off');
  const said = (await page.evaluate(() => sessionStorage.getItem('said'))) ?? '';
  assert.ok(said.includes(translate('uk', 'apply.upload.resumed')), `"resumed" was shown: ${said}`);
  assert.match(said, new RegExp(translate('uk', 'apply.upload.progress', { percent: 100 })));
  const delivered = pieces.filter((p) => p.delivered);
  let next = 0;
  for (const piece of delivered) {
    assert.equal(piece.offset, next, `each delivered piece starts where the last ended: ${JSON.stringify(pieces)}`);
    next += piece.bytes;
  }
  assert.equal(next, photo.length, 'the server got every byte exactly once');
  assert.equal(pieces[2]?.delivered, false);
  assert.equal(pieces[3]?.offset, pieces[2]?.offset, 'the resumed upload starts at the cut, not at 0');
  await checkPage(page, 'documents step after the upload');

  await page.click('button[value="next"]');
  await page.waitForURL(/\/review$/);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/receipt$/);
  await checkPage(page, 'receipt');
  const number = (await page.locator('[data-procedure-number]').innerText()).trim();
  const documents = await db
    .selectFrom('case_document')
    .innerJoin('case_procedure', 'case_procedure.id', 'case_document.procedure_id')
    .innerJoin('case_document_version', 'case_document_version.document_id', 'case_document.id')
    .select(['case_document.category', 'case_document_version.blob_sha256'])
    .where('case_procedure.number', '=', number)
    .execute();
  const sha256 = createHash('sha256').update(photo).digest('hex');
  assert.ok(
    documents.some((d) => d.category === 'evidence' && d.blob_sha256 === sha256),
    `the passport photo is a document of the submitted application: ${JSON.stringify(documents)}`,
  );
  await context.close();
});

test('the resumed text is shown in the visitor’s language, right to left in Arabic', async () => {
  const page = await browser.newPage({ locale: 'ar' });
  await page.goto(`${baseUrl}/ar/apply/temporary-protection`);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/1$/);
  const documents = page.url().replace(/\/1$/, '/4');
  await page.goto(documents);
  const form = page.locator('form[data-tus]').first();
  assert.equal(await form.getAttribute('data-text-resumed'), translate('ar', 'apply.upload.resumed'));
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.close();
});
