import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { languages } from '../src/web/i18n.ts';
import { axeViolations, launchBrowser } from './browser.ts';
import { startPortal } from './portal-server.ts';

const portal = await startPortal();
const browser = await launchBrowser();

/** No horizontal scrolling at 320 CSS pixels (WCAG 1.4.10 reflow; the same as 1280 px at 400 %, 640 px at 200 %). */
async function reflows(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
}

test('every portal page in every language: zero axe violations, reflow at 320 px, lang and dir right', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  // One appointment to look at from every language.
  await page.goto(`${portal.baseUrl}/de/book/extension/mitte/details?start=${encodeURIComponent('2026-11-24T08:00:00.000Z')}`);
  await page.fill('#name', 'Sam Test');
  await page.fill('#dateOfBirth', '1990-01-01');
  await page.fill('#email', 'sam@example.org');
  await page.check('#consent');
  await page.locator('main form button[type="submit"]').last().click();
  await page.waitForURL(/\/appointment\/[A-Z0-9]+/);
  const code = /appointment\/([A-Z0-9]+)/.exec(page.url())![1]!;

  const problems: string[] = [];
  const visit = async (lang: string, what: string, action: () => Promise<unknown>) => {
    await action();
    await page.waitForLoadState();
    if ((await page.getAttribute('html', 'lang')) !== lang) problems.push(`${lang} ${what}: html lang`);
    const dir = lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr';
    if ((await page.getAttribute('html', 'dir')) !== dir) problems.push(`${lang} ${what}: html dir`);
    for (const violation of await axeViolations(page)) problems.push(`${lang} ${what}: ${violation}`);
    if (!(await reflows(page))) problems.push(`${lang} ${what}: scrolls sideways at 320 px`);
  };
  for (const lang of languages) {
    const base = `${portal.baseUrl}/${lang}`;
    await visit(lang, 'start', () => page.goto(`${base}/`));
    await visit(lang, 'services', () => page.goto(`${base}/services`));
    await visit(lang, 'privacy', () => page.goto(`${base}/privacy`));
    await visit(lang, 'location', () => page.goto(`${base}/book/extension`));
    await visit(lang, 'calendar', () => page.goto(`${base}/book/extension/mitte`));
    await visit(lang, 'times', () => page.goto(`${base}/book/extension/mitte/2026-11-25`));
    await visit(lang, 'details', () => page.goto(`${base}/book/extension/mitte/details?start=${encodeURIComponent('2026-11-25T09:00:00.000Z')}`));
    await visit(lang, 'details with errors', async () => {
      await page.locator('main form button[type="submit"]').last().click();
      await page.waitForSelector('#error-summary');
    });
    await visit(lang, 'taken time', () => page.goto(`${base}/book/extension/mitte/details?start=${encodeURIComponent('2026-11-24T08:00:00.000Z')}`));
    await visit(lang, 'appointment', () => page.goto(`${base}/appointment/${code}`));
    await visit(lang, 'reschedule calendar', () => page.goto(`${base}/appointment/${code}/reschedule`));
    await visit(lang, 'reschedule times', () => page.goto(`${base}/appointment/${code}/reschedule/2026-11-26`));
    await visit(lang, 'lookup', () => page.goto(`${base}/manage`));
    await visit(lang, 'lookup with errors', async () => {
      await page.fill('#code', 'NOPE');
      await page.locator('main form button[type="submit"]').click();
      await page.waitForSelector('#error-summary');
    });
    await visit(lang, 'problem page', () => page.goto(`${base}/book/no-such-service`));
    await visit(lang, 'broken link', () => page.goto(`${base}/appointment/AAAAAAAA?s=wrong`));
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard only: skip link, visible focus, the error summary takes focus and links to its field', async () => {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/fa/book/extension/mitte/details?start=${encodeURIComponent('2026-11-25T09:30:00.000Z')}`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.locator('#email').focus();
  await page.keyboard.type('not-an-email');
  await page.locator('main form button[type="submit"]').last().press('Enter');
  await page.waitForSelector('#error-summary');
  assert.equal(await page.getAttribute('#error-summary', 'role'), 'alert');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the summary takes focus');
  assert.equal(await page.getAttribute('#email', 'aria-describedby'), 'email-hint email-error');
  assert.equal(await page.getAttribute('#email', 'aria-invalid'), 'true');
  await page.locator('#error-summary a[href="#email"]').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
  await context.close();
});

test('no request leaves our own origin', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(portal.baseUrl) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  for (const path of ['/ar/', '/ar/services', `/ar/book/extension/mitte/details?start=${encodeURIComponent('2026-11-25T10:00:00.000Z')}`]) {
    await page.goto(`${portal.baseUrl}${path}`);
    await page.waitForLoadState('networkidle');
  }
  assert.deepEqual(foreign, []);
  await context.close();
});
