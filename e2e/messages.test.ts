import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { openProcedure } from '../src/features/case-files/open-procedure.ts';
import { pdfWithText } from '../src/demo/demo-documents.ts';
import { seedStandardCatalogue } from '../src/features/case-files/procedure-types/seed-standard-catalogue.ts';
import { createBlobStore } from '../src/platform/storage/blob-store.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestApp, createTestJobs } from '../test/app.ts';
import { documentClerk } from '../test/case-document-fixtures.ts';
import { createPersonWithFile } from '../test/case-file-factory.ts';
import { createTestDatabase } from '../test/database.ts';
import { freePort } from '../test/global-setup.ts';
import { createOffice } from '../test/office-factory.ts';
import { createOutbox } from '../test/outbox.ts';
import { serveApp } from '../test/serve-app.ts';
import { addStaff } from '../test/staff.ts';
import { temporaryFolder } from '../test/temporary-folder.ts';
import { axeViolations, launchBrowser, signInStaff } from './browser.ts';

/**
 * Messages instead of calls in real Chromium: a person writes in Persian on a 360 px phone (right to
 * left, a name with a zero-width non-joiner), a clerk answers from the inbox, the e-mail says there
 * is an answer, and the person reads it behind the link with the date of birth. axe on every page.
 */
const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const jobs = createTestJobs(url);
const outbox = await createOutbox(jobs);
const blobs = createBlobStore({ folder: await temporaryFolder('lotse-e2e-messages-') });
const app = createTestApp(db, { clock, jobs, blobs, publicUrl: base, portal: { powMaxNumber: 5000 } });
await serveApp(app, { port });
const browser = await launchBrowser();

const office = await createOffice(db);
const types = await db.transaction().execute((trx) => seedStandardCatalogue(trx, clock.now()));
const name = 'مهر\u200cنوش رحیمی';
const file = await createPersonWithFile(db, { locationId: office.locationId, person: { familyName: 'رحیمی', givenNames: 'مهر\u200cنوش' } });
const setupClerk = await documentClerk(db, [office.locationId]);
const procedure = await openProcedure(
  { db, clock },
  { actor: setupClerk, screen: 'e2e', ip: undefined },
  { fileId: file.fileId, procedureTypeId: types.get('extension')! },
);
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const passportScan = await pdfWithText(['Reisepass Kopie']);

async function noAxeViolations(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
}

test('a person writes in Persian, a clerk answers, the person reads the answer behind the date of birth', async () => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fa-IR', isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(`${base}/fa/`);
  await page.click('main a[href="/fa/contact"]');
  await page.click('main a[href="/fa/contact/procedure"]');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await noAxeViolations(page, 'the contact form in Persian');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'nothing wider than the phone');

  // A wrong date of birth first: the problem in Persian, nothing sent.
  await page.fill('#procedureNumber', procedure.number);
  await page.fill('#name', name);
  await page.fill('#dateOfBirth', '1990-05-18');
  await page.fill('#email', 'mehrnoosh@example.org');
  await page.fill('#body', 'سلام،\nکارت اقامت من کی آماده می‌شود؟');
  await page.locator('main form button[type="submit"]').click();
  await page.locator('.error-summary').waitFor();
  assert.match((await page.locator('.error-summary').innerText()) ?? '', /شماره پرونده و تاریخ تولد با هم جور نیستند/);
  await noAxeViolations(page, 'the form with its problems');

  await page.fill('#dateOfBirth', '1990-05-17');
  const done = await page.locator('#pow-status').getAttribute('data-done');
  await page.waitForFunction((text) => document.getElementById('pow-status')?.textContent === text, done, { timeout: 30_000 });
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/fa\/messages\/N-[A-Z0-9-]+\/sent$/);
  const reference = /messages\/(N-[A-Z0-9-]+)\/sent/.exec(page.url())![1]!;
  assert.match(await page.locator('main').innerText(), new RegExp(reference));
  await noAxeViolations(page, 'the receipt with the reference');
  const stored = await db.selectFrom('portal_message').select(['id', 'sender_name']).where('reference', '=', reference).executeTakeFirstOrThrow();
  assert.equal(stored.sender_name, name, 'the zero-width non-joiner arrives as typed');

  // The clerk: inbox, message, answer.
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const staff = await desk.newPage();
  await signInStaff(staff, base, clerk.username);
  await staff.click('a[href="/staff/messages"]');
  await noAxeViolations(staff, 'the inbox');
  await staff.click(`a[href="/staff/messages/${stored.id}"]`);
  assert.match(await staff.locator('main').innerText(), /کارت اقامت من/);
  await noAxeViolations(staff, 'the message page');
  await staff.fill('#body', 'کارت شما آماده است. لطفاً با وقت قبلی بیایید.');
  await staff.locator('form[action$="/answer"] button[type="submit"]').click();
  await staff.waitForURL(`${base}/staff/messages/${stored.id}`);
  await staff.goto(`${base}/staff/files/${file.fileId}`);
  assert.match(await staff.locator('main').innerText(), new RegExp(`Antwort auf die Nachricht ${reference}`));
  await desk.close();

  // The e-mail says there is an answer, and where; the person opens the link in a fresh browser.
  const mail = await outbox.waitForMail('mehrnoosh@example.org');
  assert.equal(mail.headers.get('content-language'), 'fa');
  const link = new RegExp(`${base}/fa/messages/${reference}`).exec(mail.text ?? '')?.[0];
  assert.ok(link, 'the mail has the link');
  const later = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fa-IR', isMobile: true, hasTouch: true });
  const reader = await later.newPage();
  await reader.goto(link);
  assert.equal(
    await reader
      .locator('main')
      .innerText()
      .then((text) => text.includes('کارت شما آماده است')),
    false,
    'nothing before the date of birth',
  );
  await noAxeViolations(reader, 'the date-of-birth form');
  await reader.fill('#dateOfBirth', '1990-05-17');
  await reader.locator('main form button[type="submit"]').click();
  await reader.waitForURL(link);
  assert.match(await reader.locator('main').innerText(), /کارت شما آماده است/);
  assert.equal(await reader.getAttribute('html', 'dir'), 'rtl');
  await noAxeViolations(reader, 'the answer');
  await later.close();
  await phone.close();
});

test('a clerk asks for a document; the person sees it at the status look-up in Ukrainian, sends it from there, and it is in the file', async () => {
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const staff = await desk.newPage();
  await signInStaff(staff, base, clerk.username);
  await staff.goto(`${base}/staff/procedures/${procedure.id}/citizen`);
  await staff.locator('form[action$="/request"] input[name="kinds"][value="passport"]').check();
  await staff.locator('form[action$="/request"] button[type="submit"]').click();
  await staff.waitForURL((u) => u.pathname.startsWith(`/staff/procedures/${procedure.id}`));
  await desk.close();

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'uk-UA', isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(`${base}/uk/status`);
  await page.fill('#number', procedure.number);
  await page.fill('#dateOfBirth', '17.05.1990');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('ul.missing-documents');
  assert.match(await page.locator('ul.missing-documents').innerText(), /[Пп]аспорт/);
  await noAxeViolations(page, 'the status with the missing passport');
  await page.click('main a[href^="/uk/contact/procedure?number="]');
  assert.equal(await page.inputValue('#procedureNumber'), procedure.number, 'the number comes along');
  await noAxeViolations(page, 'the contact form for the documents');
  await page.fill('#name', 'Олена Коваленко');
  await page.fill('#dateOfBirth', '1990-05-17');
  await page.fill('#email', 'olena@example.org');
  await page.fill('#body', 'Надсилаю копію паспорта.');
  await page.setInputFiles('input[type="file"]', { name: 'pasport.pdf', mimeType: 'application/pdf', buffer: passportScan });
  const done = await page.locator('#pow-status').getAttribute('data-done');
  await page.waitForFunction((text) => document.getElementById('pow-status')?.textContent === text, done, { timeout: 30_000 });
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/uk\/messages\/N-[A-Z0-9-]+\/sent$/);
  await noAxeViolations(page, 'the receipt');
  await phone.close();

  const documents = await db
    .selectFrom('case_document')
    .select(['title', 'category', 'procedure_id'])
    .where('file_id', '=', file.fileId)
    .where('category', '=', 'correspondence')
    .execute();
  assert.ok(
    documents.some((d) => d.procedure_id === procedure.id),
    `the passport copy is a document of the procedure in the file: ${JSON.stringify(documents)}`,
  );
});
