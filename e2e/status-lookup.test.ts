import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { requestDocuments } from '../src/features/status-lookup/document-requests.ts';
import { loadStaffActor } from '../src/features/staff/session-store.ts';
import { addStaff } from '../test/staff.ts';
import { procedureWithPerson } from '../test/status-lookup-fixture.ts';
import { axeViolations, launchBrowser } from './browser.ts';
import { startPortal } from './portal-server.ts';

/**
 * The citizen asks how far the case is, on a 360 px phone: in Arabic (right to left) with
 * JavaScript off, and with JavaScript on (the proof of work solved by the page's script).
 */
const portal = await startPortal();
const browser = await launchBrowser();
const location = await portal.db.selectFrom('location').select('id').executeTakeFirstOrThrow();
const p = await procedureWithPerson(portal.db, { locationId: location.id, now: portal.clock.now() });
const { id: clerkId } = await addStaff(portal.db, 'clerk', { locationIds: [location.id] });
const actor = (await loadStaffActor(portal.db, clerkId, 'session'))!;
await requestDocuments(
  { db: portal.db, clock: portal.clock, jobs: portal.jobs },
  { actor, screen: 'test', ip: undefined },
  {
    procedureId: p.procedureId,
    kinds: ['health_insurance'],
  },
);

async function clean(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), `${what} fits 360 px`);
}

/**
 * axe needs JavaScript, which the first journey has turned off: the page it got is shown again, at
 * the same address (so its stylesheet loads), in a tab with JavaScript, and checked there.
 */
async function cleanWithoutScript(page: Page, what: string) {
  const html = await page.content();
  const checker = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const tab = await checker.newPage();
  await tab.route(page.url(), (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await tab.goto(page.url());
  await clean(tab, what);
  await checker.close();
}

test('Arabic, JavaScript off: a wrong date first, then the status with the missing document, right to left', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 }, locale: 'ar' });
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/ar/status`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await cleanWithoutScript(page, 'the Arabic form');
  await page.fill('#number', p.number.toLowerCase());
  await page.fill('#dateOfBirth', '18.05.1990');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('#error-summary');
  assert.match(await page.locator('#error-summary').innerText(), /لم نجد معاملة/);
  await cleanWithoutScript(page, 'the Arabic form with its error');
  await page.fill('#dateOfBirth', '17.05.1990');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('ul.missing-documents');
  const main = await page.locator('main').innerText();
  assert.match(main, /مستندات ناقصة/);
  assert.match(main, /إثبات التأمين الصحي/);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.locator('main bdi').first().getAttribute('dir'), 'ltr', 'the number reads left to right');
  await cleanWithoutScript(page, 'the Arabic answer');
  await context.close();
});

test('English, JavaScript on: the page solves the proof of work; the card look-up answers for an unknown serial', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/en/status`);
  await page.fill('#number', p.number);
  await page.fill('#dateOfBirth', '17.05.1990');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('ul.missing-documents');
  assert.match(await page.locator('main').innerText(), /Proof of health insurance/);
  const spent = await portal.db.selectFrom('proof_of_work_used').select('challenge').execute();
  assert.ok(spent.length > 0, 'the look-up came with a solved proof of work');
  await page.goto(`${portal.baseUrl}/en/status/card`);
  await clean(page, 'the card form');
  await page.fill('#serial', 'L01X00T47');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForSelector('#error-summary');
  assert.match(await page.locator('#error-summary').innerText(), /no ordered card/);
  await clean(page, 'the card form with its error');
  await context.close();
});
