import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from './browser.ts';
import { startPortal } from './portal-server.ts';

const portal = await startPortal();
const browser: Browser = await launchBrowser();

async function checkedAxe(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
}

/** Start page → concerns → location → day → time → details → confirmation, as a person clicks it. */
async function book(page: Page, lang: string, person: { name: string; email: string; dob: string }, options: { script: boolean }) {
  await page.goto(`${portal.baseUrl}/${lang}/`);
  await page.click(`main a[href="/${lang}/services"]`);
  await page.click(`a[href="/${lang}/book/extension"]`);
  await page.click(`a[href="/${lang}/book/extension/mitte"]`);
  await page.locator('.days a').first().click();
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/details\?start=/);
  await page.fill('#name', person.name);
  await page.fill('#dateOfBirth', person.dob);
  await page.fill('#email', person.email);
  await page.check('#consent');
  if (options.script) {
    const done = await page.locator('#pow-status').getAttribute('data-done');
    await page.waitForFunction((text) => document.getElementById('pow-status')?.textContent === text, done, { timeout: 30_000 });
    assert.ok((await page.inputValue('input[name="altcha"]')).length > 20, 'the proof of work is filled in');
  }
  await page.locator('main form button[type="submit"]').last().click();
  await page.waitForURL(/\/appointment\/[A-Z0-9]+/);
  const code = (await page.locator('p.code bdi').innerText()).trim();
  assert.match(code, /^[A-Z0-9]{8}$/);
  return code;
}

test('a full booking in German with JavaScript: proof of work, confirmation with code, QR and .ics', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const code = await book(page, 'de', { name: 'Jonas Weber', email: 'jonas@example.org', dob: '1988-05-04' }, { script: true });
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await assert.doesNotReject(page.locator('svg.qr').waitFor());
  assert.match(await page.locator('h1').innerText(), /gebucht/);
  const ics = await page.request.get(`${portal.baseUrl}/de/appointment/${code}/calendar.ics`);
  assert.equal(ics.status(), 200);
  assert.match(await ics.text(), /BEGIN:VEVENT/);
  await checkedAxe(page, 'the German confirmation');
  const row = await portal.db.selectFrom('appointment').select(['person_name', 'language']).where('code', '=', code).executeTakeFirstOrThrow();
  assert.equal(row.person_name, 'Jonas Weber');
  await context.close();
});

test('a full booking in Arabic is right-to-left and shows the code', async () => {
  const context = await browser.newContext({ locale: 'ar' });
  const page = await context.newPage();
  const code = await book(page, 'ar', { name: 'أمينة حداد', email: 'amina@example.org', dob: '1992-09-12' }, { script: true });
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.locator('p.code bdi').getAttribute('dir'), 'ltr');
  assert.match(await page.locator('main').innerText(), new RegExp(code));
  await checkedAxe(page, 'the Arabic confirmation');
  const row = await portal.db.selectFrom('appointment').select(['person_name', 'language']).where('code', '=', code).executeTakeFirstOrThrow();
  assert.equal(row.person_name, 'أمينة حداد');
  assert.equal(row.language, 'ar');
  await context.close();
});

test('a booking with JavaScript turned off works through the stricter no-script path', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'uk' });
  const page = await context.newPage();
  const code = await book(page, 'uk', { name: 'Олена Коваленко', email: 'olena@example.org', dob: '1985-07-01' }, { script: false });
  assert.match(await page.locator('h1').innerText(), /записані/);
  const counters = await portal.db.selectFrom('rate_limit_counter').select(['bucket']).where('bucket', '=', 'book-nojs-ip').execute();
  assert.ok(counters.length > 0, 'counted on the no-script limit');
  assert.ok(code);
  await context.close();
});

test("change and cancel from the e-mail's link", async () => {
  const context = await browser.newContext({ locale: 'fr' });
  const page = await context.newPage();
  const code = await book(page, 'fr', { name: 'Chloé Martin', email: 'chloe@example.org', dob: '1995-02-20' }, { script: true });
  await context.clearCookies();
  const confirmation = await portal.mail((m) => (m.text ?? '').includes(code) && /rendez-vous/.test(m.subject ?? ''));
  const link = /(http:\/\/127\.0\.0\.1:\d+\/fr\/appointment\/[A-Z0-9]+\?s=[A-Za-z0-9_-]+)/.exec(confirmation.text ?? '')?.[1];
  assert.ok(link, 'the confirmation carries the link');

  await page.goto(link);
  assert.doesNotMatch(page.url(), /\?s=/, 'the token leaves the address bar');
  await page.click('a[href$="/reschedule"]');
  await page.locator('.days a').nth(1).click();
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/notice=moved/);
  assert.match(await page.locator('.notice').innerText(), /déplacé/);
  await portal.mail((m) => (m.text ?? '').includes(code) && /déplacé/.test(m.subject ?? ''));

  await page.click(`main a[href="/fr/appointment/${code}/cancel"]`);
  await page.waitForURL(/\/cancel$/);
  await checkedAxe(page, 'the French cancel question');
  await page.locator('button.danger').click();
  await page.waitForURL(new RegExp(`/fr/appointment/${code}$`));
  assert.match(await page.locator('h1').innerText(), /annulé/);
  const cancelled = await portal.mail((m) => (m.text ?? '').includes(code) && /annulé/.test(m.subject ?? ''));
  assert.match(cancelled.text ?? '', /Deutsche Zusammenfassung/);
  const row = await portal.db.selectFrom('appointment').select('status').where('code', '=', code).executeTakeFirstOrThrow();
  assert.equal(row.status, 'cancelled');
  await context.close();
});

test('cancelling asks first, also with JavaScript off: "keep" keeps it, "yes" cancels it', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
  const page = await context.newPage();
  const code = await book(page, 'de', { name: 'Hanna Schulz', email: 'hanna@example.org', dob: '1979-10-10' }, { script: false });
  assert.equal(await page.locator('main button').count(), 0, 'no button on the confirmation cancels at one tap');
  const status = async () => (await portal.db.selectFrom('appointment').select('status').where('code', '=', code).executeTakeFirstOrThrow()).status;

  await page.click(`main a[href="/de/appointment/${code}/cancel"]`);
  assert.match(await page.locator('h1').innerText(), /Termin wirklich absagen\?/);
  assert.match(await page.locator('main').innerText(), new RegExp(code));
  await page.click('main a.button.secondary');
  await page.waitForURL(new RegExp(`/de/appointment/${code}$`));
  assert.equal(await status(), 'booked', '"keep" keeps it');

  await page.click(`main a[href="/de/appointment/${code}/cancel"]`);
  await page.locator('main button.danger').click();
  await page.waitForURL(new RegExp(`/de/appointment/${code}$`));
  assert.match(await page.locator('h1').innerText(), /Termin abgesagt/);
  assert.equal(await status(), 'cancelled');
  await context.close();
});

test('back after booking and sending the form again shows the person their own booking', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const code = await book(page, 'de', { name: 'Lukas Becker', email: 'lukas@example.org', dob: '1991-01-31' }, { script: true });
  await page.goBack();
  await page.waitForLoadState();
  if (/\/details\?start=/.test(page.url())) {
    // The details page came back (from the browser's cache) with the filled-in form: send it again.
    const done = await page.locator('#pow-status').getAttribute('data-done');
    await page.waitForFunction((text) => document.getElementById('pow-status')?.textContent === text, done, { timeout: 30_000 });
    await page.locator('main form button[type="submit"]').last().click();
  }
  await page.waitForURL(new RegExp(`/de/appointment/${code}\\?notice=already$`));
  const notice = await page.locator('main .notice').innerText();
  assert.match(notice, /schon gebucht/);
  assert.doesNotMatch(await page.locator('main').innerText(), /Sicherheitsprüfung|gerade vergeben/);
  assert.match(await page.locator('p.code').innerText(), new RegExp(code));
  await checkedAxe(page, 'the own booking after back');
  const rows = await portal.db.selectFrom('appointment').select('id').where('email', '=', 'lukas@example.org').execute();
  assert.equal(rows.length, 1);
  await context.close();
});

test('a Persian booking with a ZWNJ in the name shows the Gregorian date in Latin digits', async () => {
  const context = await browser.newContext({ locale: 'fa' });
  const page = await context.newPage();
  const name = 'علی\u200Cرضا محمدی';
  const code = await book(page, 'fa', { name, email: 'alireza@example.org', dob: '1987-06-01' }, { script: true });
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const main = await page.locator('main').innerText();
  assert.ok(main.includes(name), 'the name with its ZWNJ is shown');
  assert.match(main, /(دوشنبه|سه‌شنبه|چهارشنبه|پنجشنبه|جمعه) \d{1,2} (نوامبر|دسامبر) 2026/, 'a weekday of November or December 2026, Gregorian');
  assert.doesNotMatch(main, /آذر|1405/, 'no Solar Hijri date');
  assert.doesNotMatch(main, /[\u06F0-\u06F9]/, 'no Persian digits beside the Latin ones');
  await checkedAxe(page, 'the Persian confirmation');
  const row = await portal.db.selectFrom('appointment').select('person_name').where('code', '=', code).executeTakeFirstOrThrow();
  assert.equal(row.person_name, name);
  await context.close();
});
