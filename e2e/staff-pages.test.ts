import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { deviceCookieName } from '../src/features/front-desk/index.ts';
import { languages } from '../src/web/i18n.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestApp } from '../test/app.ts';
import { createTestDatabase } from '../test/database.ts';
import { bookAppointment, createFrontOffice, deviceToken } from '../test/front-desk-fixtures.ts';
import { freePort } from '../test/global-setup.ts';
import { addStaff, testPassword } from '../test/staff.ts';
import { axeViolations, launchBrowser } from './browser.ts';

// Monday 2026-11-23, 10:00 in Berlin: the kiosk, desk and figures see this as "now".
const clock = fixedClock('2026-11-23T09:00:00Z');
const { db } = await createTestDatabase();
const app = createTestApp(db, { clock });
const port = await freePort();
const server: ServerType = await new Promise((resolve) => {
  const running = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(running));
});
after(async () => {
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
const base = `http://127.0.0.1:${port}`;
const browser = await launchBrowser();
const shots = process.env.LOTSE_SCREENSHOTS;

const office = await createFrontOffice(db, { slug: 'wetzlar' });
const second = await createFrontOffice(db, { slug: 'dillenburg' });
const kioskToken = await deviceToken(db, 'kiosk', office.location.id);

type Viewport = { width: number; height: number };
const kioskLandscape = { width: 1280, height: 800 };
const desktop = { width: 1366, height: 768 };

async function pageAs(who: string | { username: string }, viewport: Viewport): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport, hasTouch: typeof who === 'string' });
  if (typeof who === 'string') await context.addCookies([{ name: deviceCookieName, value: who, url: base }]);
  const page = await context.newPage();
  if (typeof who !== 'string') {
    await page.goto(`${base}/staff/sign-in`);
    await page.fill('#username', who.username);
    await page.fill('#password', testPassword);
    await page.locator('form button[type=submit]').first().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/staff/sign-in'));
  }
  return page;
}

async function screenshot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
}

/** The element lies wholly inside the viewport (visible without scrolling). */
async function assertInViewport(page: Page, selector: string, where: string) {
  const box = await page.locator(selector).boundingBox();
  const viewport = page.viewportSize()!;
  assert.ok(box, `${where}: ${selector} is rendered`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `${where}: ${selector} at ${JSON.stringify(box)} is outside ${viewport.width}×${viewport.height}`);
}

function assertNoViolations(violations: string[], where: string) {
  assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 2)}`);
}

test('kiosk at 1280×800: "no appointment" is above the fold in every language, the keypad reads left to right in Arabic and Persian', { timeout: 120_000 }, async () => {
  const page = await pageAs(kioskToken, kioskLandscape);
  for (const lang of languages) {
    await page.goto(`${base}/kiosk/${office.location.slug}?lang=${lang}`);
    assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat', lang);
    await screenshot(page, `kiosk-${lang}`);
    await assertInViewport(page, '.kiosk-secondary', `kiosk ${lang}`);
    await assertInViewport(page, '.kiosk-primary', `kiosk ${lang}`);
    if (lang === 'ar' || lang === 'fa' || lang === 'de') assertNoViolations(await axeViolations(page), `kiosk ${lang}`);
  }
  // A kiosk mounted upright (1080×1920) keeps one column, everything on screen as well.
  await page.setViewportSize({ width: 1080, height: 1920 });
  for (const lang of ['de', 'ar']) {
    await page.goto(`${base}/kiosk/${office.location.slug}?lang=${lang}`);
    await screenshot(page, `kiosk-portrait-${lang}`);
    for (const selector of ['.kiosk-keypad', '.kiosk-primary', '.kiosk-secondary']) await assertInViewport(page, selector, `portrait ${lang}`);
  }
  await page.setViewportSize(kioskLandscape);
  for (const lang of ['ar', 'fa']) {
    await page.goto(`${base}/kiosk/${office.location.slug}?lang=${lang}`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.locator('.kiosk-keypad').evaluate((el) => getComputedStyle(el).direction), 'ltr');
    assert.equal(await page.locator('#code').evaluate((el) => getComputedStyle(el).direction), 'ltr');
    // The first key of the alphabet sits left of the second, as on every keyboard.
    const keys = page.locator('.kiosk-key');
    const [first, next] = [await keys.nth(0).boundingBox(), await keys.nth(1).boundingBox()];
    assert.ok(first && next && first.x < next.x, `${lang}: keypad runs left to right`);
    await keys.nth(0).click();
    await keys.nth(1).click();
    assert.equal(await page.inputValue('#code'), '23');
  }
});

test('kiosk in Arabic: the "too early" message leaves the submit button and "no appointment" on screen', { timeout: 60_000 }, async () => {
  const staff = await addStaff(db, 'clerk', { locationIds: [office.location.id], specialtyIds: [office.front] });
  const booked = await bookAppointment(db, { locationId: office.location.id, serviceId: office.service, staffId: staff.id, startsAt: new Date('2026-11-23T12:00:00Z'), language: 'ar' });
  const page = await pageAs(kioskToken, kioskLandscape);
  await page.goto(`${base}/kiosk/${office.location.slug}?lang=ar`);
  await page.locator('#code').fill(booked.code);
  await page.locator('.kiosk-primary').click();
  await page.locator('.kiosk-error').waitFor();
  assert.match((await page.locator('.kiosk-error').textContent()) ?? '', /مبكراً/);
  await screenshot(page, 'kiosk-ar-too-early');
  await assertInViewport(page, '.kiosk-error', 'too early (ar)');
  await assertInViewport(page, '.kiosk-primary', 'too early (ar)');
  await assertInViewport(page, '.kiosk-secondary', 'too early (ar)');
  assertNoViolations(await axeViolations(page), 'kiosk too early (ar)');
});
