import fs from 'node:fs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { languages, textDirection } from '../src/web/i18n.ts';
import { axeViolations, launchBrowser } from './browser.ts';
import { addInfoPages } from '../test/portal/info-page-fixture.ts';
import { startPortal } from './portal-server.ts';
import { confirmEntry } from '../src/features/waiting-list/confirm-entry.ts';
import { joinWaitingList } from '../src/features/waiting-list/join-waiting-list.ts';

const portal = await startPortal();
const extension = await portal.db.selectFrom('service').select('id').where('slug', '=', 'extension').executeTakeFirstOrThrow();
// Information pages: a current, an outdated, a machine-translated and many missing translations (German shown).
await addInfoPages(portal.db, { serviceId: extension.id });
// A waiting-list entry, confirmed, to show its page (place in line, leave) in every language.
const mitte = await portal.db.selectFrom('location').select('id').where('slug', '=', 'mitte').executeTakeFirstOrThrow();
const { token: entryToken } = await joinWaitingList(
  { db: portal.db, clock: portal.clock, jobs: portal.jobs, publicUrl: portal.baseUrl },
  {
    serviceId: extension.id,
    locationId: mitte.id,
    person: { name: 'Sam Wartend', dateOfBirth: '1990-01-01', email: 'sam.wait@example.org' },
    language: 'de',
    acceptable: { weekdays: [1, 2, 3], fromMinute: 8 * 60, untilMinute: 12 * 60 },
    names: { service: 'Verlängerung', location: 'Mitte' },
  },
);
await confirmEntry({ db: portal.db, clock: portal.clock, jobs: portal.jobs }, entryToken);
// Today's times by lottery, open from 07:00 (the portal's clock) for 30 minutes (docs/lottery.md).
await portal.db.updateTable('service').set({ same_day_release: '07:00', same_day_lottery_minutes: 30 }).where('id', '=', extension.id).execute();
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

  await context.close();

  const problems: string[] = [];
  const visit = async (page: Page, lang: string, what: string, action: () => Promise<unknown>) => {
    await action();
    await page.waitForLoadState();
    if ((await page.getAttribute('html', 'lang')) !== lang) problems.push(`${lang} ${what}: html lang`);
    if ((await page.getAttribute('html', 'dir')) !== textDirection(lang)) problems.push(`${lang} ${what}: html dir`);
    // translate() shows the key itself when no catalog has it.
    const keys = await page.evaluate(() =>
      document.body.innerText.match(/\b(?:portal|kiosk|display|error|app|waitingList|lottery|status)\.[a-z_]+(?:\.[a-z_-]+)*/g),
    );
    if (keys) problems.push(`${lang} ${what}: untranslated ${keys.join(', ')}`);
    for (const violation of await axeViolations(page)) problems.push(`${lang} ${what}: ${violation}`);
    if (!(await reflows(page))) problems.push(`${lang} ${what}: scrolls sideways at 320 px`);
  };
  const check = async (page: Page, lang: string) => {
    const base = `${portal.baseUrl}/${lang}`;
    await visit(page, lang, 'start', () => page.goto(`${base}/`));
    await visit(page, lang, 'services', () => page.goto(`${base}/services`));
    await visit(page, lang, 'privacy', () => page.goto(`${base}/privacy`));
    await visit(page, lang, 'information', () => page.goto(`${base}/info`));
    await visit(page, lang, 'information page', () => page.goto(`${base}/info/eat-karte`));
    await visit(page, lang, 'printed notice', () => page.goto(`${base}/info/eat-karte/notice?langs=de,ar,uk`));
    await visit(page, lang, 'unknown information page', () => page.goto(`${base}/info/no-such-page`));
    await visit(page, lang, 'location', () => page.goto(`${base}/book/extension`));
    await visit(page, lang, 'calendar', () => page.goto(`${base}/book/extension/mitte`));
    await visit(page, lang, 'times', () => page.goto(`${base}/book/extension/mitte/2026-11-25`));
    await visit(page, lang, 'details', () => page.goto(`${base}/book/extension/mitte/details?start=${encodeURIComponent('2026-11-25T09:00:00.000Z')}`));
    await visit(page, lang, 'details with errors', async () => {
      await page.locator('main form button[type="submit"]').last().click();
      await page.waitForSelector('#error-summary');
    });
    await visit(page, lang, 'taken time', () => page.goto(`${base}/book/extension/mitte/details?start=${encodeURIComponent('2026-11-24T08:00:00.000Z')}`));
    await visit(page, lang, 'appointment', () => page.goto(`${base}/appointment/${code}`));
    await visit(page, lang, 'reschedule calendar', () => page.goto(`${base}/appointment/${code}/reschedule`));
    await visit(page, lang, 'reschedule times', () => page.goto(`${base}/appointment/${code}/reschedule/2026-11-26`));
    await visit(page, lang, 'lottery', () => page.goto(`${base}/lottery/extension/mitte`));
    await visit(page, lang, 'lottery with errors', async () => {
      await page.locator('main form button[type="submit"]').last().click();
      await page.waitForSelector('#error-summary');
    });
    await visit(page, lang, 'lookup', () => page.goto(`${base}/manage`));
    await visit(page, lang, 'lookup with errors', async () => {
      await page.fill('#code', 'NOPE');
      await page.locator('main form button[type="submit"]').click();
      await page.waitForSelector('#error-summary');
    });
    await visit(page, lang, 'waiting list', () => page.goto(`${base}/waiting-list/join/extension/mitte`));
    await visit(page, lang, 'waiting list with errors', async () => {
      await page.locator('main form button[type="submit"]').last().click();
      await page.waitForSelector('#error-summary');
    });
    await visit(page, lang, 'waiting list joined', () => page.goto(`${base}/waiting-list/joined`));
    await visit(page, lang, 'waiting-list entry', () => page.goto(`${base}/waiting-list/entry/${entryToken}`));
    await visit(page, lang, 'tampered offer link', () => page.goto(`${base}/waiting-list/offer/${'x'.repeat(32)}`));
    await visit(page, lang, 'status look-up', () => page.goto(`${base}/status`));
    await visit(page, lang, 'status look-up with errors', async () => {
      await page.fill('#number', 'NOPE');
      await page.locator('main form button[type="submit"]').click();
      await page.waitForSelector('#error-summary');
    });
    await visit(page, lang, 'card look-up', () => page.goto(`${base}/status/card`));
    await visit(page, lang, 'problem page', () => page.goto(`${base}/book/no-such-service`));
    await visit(page, lang, 'broken link', () => page.goto(`${base}/appointment/AAAAAAAA?s=wrong`));
  };
  // A few browser tabs at once, each in its own context (own CSRF cookie), a language at a time:
  // twenty languages one after another took four minutes on a busy machine.
  const queue = [...languages];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      const tab = await (await browser.newContext({ viewport: { width: 320, height: 800 } })).newPage();
      for (let lang = queue.shift(); lang; lang = queue.shift()) await check(tab, lang);
      await tab.context().close();
    }),
  );
  assert.deepEqual(problems, []);
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

// A phone without the script's font shows empty boxes. Android ships Noto Sans Ethiopic and
// Noto Naskh Arabic (Pashto's letters included), and so does Debian's fonts-noto-core; Chromium
// reports which installed font drew each heading's glyphs (docs/languages.md, "Fonts").
test('Tigrinya and Pashto headings are drawn with a font that has their letters', async () => {
  assert.ok(fs.existsSync('/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf'), 'fonts-noto-core is missing (apt-get install -y fonts-noto-core)');
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const expected: Record<string, RegExp> = { ti: /Ethiopic|Abyssinica/, ps: /Arabic|Naskh/ };
  for (const [lang, family] of Object.entries(expected)) {
    await page.goto(`${portal.baseUrl}/${lang}/`);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'main h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const drawing = fonts.filter((f) => family.test(f.familyName));
    assert.ok(drawing.length > 0 && drawing.every((f) => f.glyphCount > 0), `${lang}: ${JSON.stringify(fonts)}`);
    // Other fonts draw at most the spaces and punctuation, never a letter (a box).
    const others = (await page.textContent('main h1'))!.replace(/[^\s\p{P}]/gu, '').length;
    const byOthers = fonts.filter((f) => !family.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
    assert.ok(byOthers <= others, `${lang}: ${JSON.stringify(fonts)}`);
  }
  await context.close();
});
