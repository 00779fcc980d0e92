import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock } from '../app.ts';
import { createBlobStore } from '../../src/platform/storage/blob-store.ts';
import { temporaryFolder } from '../temporary-folder.ts';
import { createTestOffice } from './office-fixture.ts';

const { db, url } = await createTestDatabase();
const office = await createTestOffice(db);
// Monday 2026-11-23, 07:00 in Berlin.
const clock = fixedClock('2026-11-23T06:00:00Z');
const app = createTestApp(db, { url, clock });

test('the start page answers in the language of the URL, with switcher and direction', async () => {
  const response = await app.request('/ar/');
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /Bürgeramt Mitte/);
  assert.match(html, /hreflang="uk"/);
  assert.match(response.headers.get('set-cookie') ?? '', /lotse_lang=ar/);
});

test('a bare language (/ar, /de-x-ls, as typed or said on the phone) leads to its start page; /xx stays unknown', async () => {
  for (const lang of ['ar', 'de', 'de-x-ls', 'prs']) {
    const response = await app.request(`/${lang}?from=letter`);
    assert.equal(response.status, 301, lang);
    assert.equal(response.headers.get('location'), `/${lang}/?from=letter`);
  }
  assert.equal((await app.request('/xx')).status, 404);
  assert.equal((await app.request('/ar', { method: 'POST' })).status, 404, 'only reading is redirected');
});

test('the services page lists fee and documents', async () => {
  const html = await (await app.request('/en/services')).text();
  assert.match(html, /Extension of residence permit/);
  assert.match(html, /Verlängerung Aufenthaltstitel/);
  assert.match(html, /98\.00/);
  assert.match(html, /Biometric photo/);
  void office;
});

test('the bare start page follows the cookie, then Accept-Language', async () => {
  const byHeader = await (await app.request('/', { headers: { 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.5' } })).text();
  assert.match(byHeader, /<html lang="fa" dir="rtl">/);
  const byCookie = await (await app.request('/', { headers: { cookie: 'lotse_lang=tr', 'accept-language': 'fa' } })).text();
  assert.match(byCookie, /<html lang="tr" dir="ltr">/);
  const unknown = await app.request('/xx/services');
  assert.equal(unknown.status, 404);
});

test('the start page offers only what works: every card leads somewhere, none announces what is not there', async () => {
  for (const lang of ['de', 'ar', 'fa']) {
    const html = await (await app.request(`/${lang}/`)).text();
    const cards = [...html.matchAll(/<li class="card">([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    // Without a document store there are no online applications, so no card for them (next test).
    assert.equal(cards.length, 4, lang);
    for (const card of cards) {
      const target = /<a class="button[^"]*" href="(\/[a-z]{2}\/(services|manage|apply|status|contact))"/.exec(card)?.[1];
      assert.ok(target, `${lang}: ${card.slice(0, 120)}`);
      assert.equal((await app.request(target)).status, 200, target);
    }
    assert.doesNotMatch(html, /Bald hier|قريبًا هنا|به‌زودی اینجا/);
  }
});

test('with a document store the start page offers the online applications, and the card leads to them', async () => {
  const withStore = createTestApp(db, { url, clock, blobs: createBlobStore({ folder: await temporaryFolder('lotse-start-page-') }) });
  for (const lang of ['uk', 'fa']) {
    const html = await (await withStore.request(`/${lang}/`)).text();
    const card = [...html.matchAll(/<li class="card">([\s\S]*?)<\/li>/g)].map((m) => m[1]!).find((c) => c.includes(`href="/${lang}/apply"`));
    assert.ok(card, `${lang}: a card for the online applications`);
    assert.equal((await withStore.request(`/${lang}/apply`)).status, 200);
  }
});

test('/favicon.ico is an icon, and portal pages name it', async () => {
  const response = await app.request('/favicon.ico');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/x-icon');
  const body = Buffer.from(await response.arrayBuffer());
  assert.deepEqual([...body.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header');
  const html = await (await app.request('/de/')).text();
  const href = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
  assert.ok(href, 'the page names its icon');
  assert.equal((await app.request(href)).status, 200);
});
