import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { lotteryJob } from '../src/features/lottery/index.ts';
import { portalKeyLoader } from '../src/features/portal/index.ts';
import { createLogger } from '../src/platform/log.ts';
import { axeViolations, launchBrowser } from './browser.ts';
import { startPortal } from './portal-server.ts';

// Monday 2026-11-23, 07:00 in Berlin: the release time, so the lottery is open until 07:30.
const portal = await startPortal();
await portal.db.updateTable('service').set({ same_day_release: '07:00', same_day_lottery_minutes: 30 }).where('slug', '=', 'extension').execute();
const browser = await launchBrowser();

async function clean(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), `${what} fits 360 px`);
}

test('in Arabic on a phone: enter the lottery from the calendar with the proof of work, see "registered", then the result, and book the drawn time', async () => {
  const context = await browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/ar/book/extension/mitte`);
  await page.click('main .notice a[href="/ar/lottery/extension/mitte"]');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  await clean(page, 'the lottery page');
  await page.fill('#name', 'أمينة حداد');
  await page.fill('#dateOfBirth', '1992-09-12');
  await page.fill('#email', 'amina.lottery@example.org');
  await page.check('#consent');
  const done = await page.locator('#pow-status').getAttribute('data-done');
  await page.waitForFunction((text) => document.getElementById('pow-status')?.textContent === text, done, { timeout: 30_000 });
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/ar\/lottery\/entry\//);
  assert.equal(await page.locator('h1').innerText(), 'أنت مسجّل');
  await clean(page, 'the registered page');
  const entryUrl = page.url();

  // The window closes at 07:30; the job draws.
  portal.clock.set('2026-11-23T06:30:00Z');
  const tick = lotteryJob({
    db: portal.db,
    clock: portal.clock,
    jobs: portal.jobs,
    publicUrl: portal.baseUrl,
    key: portalKeyLoader(portal.db, undefined),
    logger: createLogger('silent'),
    retentionDays: 30,
  });
  await tick.handle({}, { id: 'tick', retryCount: 0 });
  const mail = await portal.mail((m) => m.subject?.startsWith('لقد ربحت موعدًا') === true);
  assert.ok(mail.text?.includes(entryUrl), "the result mail links to the person's page");
  await page.goto(entryUrl);
  assert.equal(await page.locator('h1').innerText(), 'لقد ربحت موعدًا');
  await clean(page, 'the result page');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/ar\/appointment\/[A-Z0-9]{8}/);
  await clean(page, 'the booked appointment');
  const booked = await portal.db.selectFrom('appointment').select(['status', 'language']).where('email_normalized', '=', 'amina.lottery@example.org').execute();
  assert.deepEqual(booked, [{ status: 'booked', language: 'ar' }]);
  // The link again: it says so, in Arabic, and books nothing.
  await page.goto(entryUrl);
  assert.equal(await page.locator('h1').innerText(), 'تم حجز الموعد');
  await clean(page, 'the used link');
  await context.close();
});

test('once the window has closed the lottery page says so in Arabic, without a form', async () => {
  const context = await browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/ar/lottery/extension/mitte`);
  assert.equal(await page.locator('main form').count(), 0, 'the window is closed: no form');
  assert.ok((await page.locator('main .notice').innerText()).includes('قرعة اليوم مغلقة'));
  await clean(page, 'the closed lottery');
  await context.close();
});
