import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestApp } from '../test/app.ts';
import { addPersonWithFile, oleksandrPetrenko } from '../test/case-search-fixtures.ts';
import { createTestDatabase } from '../test/database.ts';
import { createOffice } from '../test/office-factory.ts';
import { serveApp } from '../test/serve-app.ts';
import { addStaff } from '../test/staff.ts';
import { axeViolations, launchBrowser, signInStaff } from './browser.ts';

const { db } = await createTestDatabase();
const app = createTestApp(db, { clock: fixedClock('2026-12-01T09:00:00Z') });
const { base } = await serveApp(app);
const browser = await launchBrowser();

const wetzlar = (await createOffice(db)).locationId;
const clerk = await addStaff(db, 'clerk', { locationIds: [wetzlar] });
const petrenko = await addPersonWithFile(db, wetzlar, oleksandrPetrenko);
await addPersonWithFile(db, wetzlar, { familyName: 'Haddad', givenNames: 'Mohammed', birth: { year: 1985 }, nationalities: ['SY'] });

async function signedIn(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE', javaScriptEnabled });
  const page = await context.newPage();
  await signInStaff(page, base, clerk.username);
  return page;
}

test('search as you type: a Cyrillic variant finds the person, the count is announced, the address follows', async () => {
  const page = await signedIn(true);
  await page.goto(`${base}/staff/files/search`);
  await page.locator('#q').pressSequentially('Олекс', { delay: 40 });
  const link = page.locator(`#search-results a[href="/staff/files/${petrenko.fileId}"]`);
  await link.waitFor();
  assert.equal(await link.textContent(), 'Petrenko, Oleksandr');
  // The status line is the live region screen readers announce; it stays one element and changes its text.
  const status = page.locator('#search-status[role="status"]');
  assert.equal(await status.count(), 1);
  assert.equal(await status.textContent(), 'Ein Treffer');
  assert.match(decodeURIComponent(page.url()), /\/staff\/files\/search\?q=Олекс/);
  // Typing on narrows or widens the list without a reload.
  await page.locator('#q').fill('Haddad 1985');
  await page.locator('#search-results', { hasText: 'Haddad, Mohammed' }).waitFor();
  assert.equal(await status.textContent(), 'Ein Treffer');
  assert.deepEqual(await axeViolations(page), []);
});

test('without JavaScript the form is a plain GET search', async () => {
  const page = await signedIn(false);
  await page.goto(`${base}/staff/files/search`);
  await page.fill('#q', 'Muhammad');
  await page.locator('#file-search button[type=submit]').click();
  await page.waitForURL((url) => url.searchParams.get('q') === 'Muhammad');
  assert.equal(await page.locator('#search-results tbody tr').count(), 1);
  assert.match((await page.locator('#search-results').textContent()) ?? '', /Haddad, Mohammed/);
});

test('a refused search shows its reason in the page and passes axe', async () => {
  const page = await signedIn(true);
  await page.goto(`${base}/staff/files/search?q=31.02.1990`);
  assert.match((await page.locator('#search-status').textContent()) ?? '', /kein mögliches Geburtsdatum/);
  assert.deepEqual(await axeViolations(page), []);
});
