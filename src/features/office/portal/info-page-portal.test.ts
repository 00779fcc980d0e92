import assert from 'node:assert/strict';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { addInfoPages } from '../../../../test/portal/info-page-fixture.ts';
import { createTestOffice } from '../../../../test/portal/office-fixture.ts';
import { languages, textDirection, translate } from '../../../web/i18n.ts';
import { infoPageQrOptions } from '../info-page-qr.ts';

const { db } = await createTestDatabase();
const office = await createTestOffice(db);
await addInfoPages(db, { serviceId: office.serviceId });
const publicUrl = 'https://termine.example.org';
const sut = createTestApp(db, { clock: fixedClock('2026-11-23T08:00:00Z'), publicUrl });

const html = async (path: string, status = 200, headers: Record<string, string> = {}) => {
  const response = await sut.request(path, { headers });
  assert.equal(response.status, status, path);
  return response.text();
};
const decode = (text: string) =>
  text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

test('the list shows published pages only, in every language with lang and dir', async () => {
  for (const lang of languages) {
    const page = await html(`/${lang}/info`);
    assert.match(page, new RegExp(`<html lang="${lang}" dir="${textDirection(lang)}">`));
    assert.match(page, new RegExp(`href="/${lang}/info/eat-karte"`), lang);
    assert.doesNotMatch(page, /entwurf|Entwurf/, `${lang}: the unpublished page is not listed`);
  }
});

test('a page in the visitor’s language, right to left in Arabic', async () => {
  const page = await html('/ar/info/eat-karte');
  assert.match(page, /<html lang="ar" dir="rtl">/);
  assert.match(page, /<article lang="ar" dir="rtl"><h1>بطاقة الإقامة الإلكترونية<\/h1>/);
  assert.match(page, /<ul><li>جواز سفرك<\/li><li>صورة بيومترية<\/li><\/ul>/, 'the "- " lines are a list');
  assert.doesNotMatch(page, /class="notice/, 'a current human translation needs no notice');
});

test('a missing translation shows the German text, marked as German, with a notice in the visitor’s language', async () => {
  const page = decode(await html('/fa/info/eat-karte'));
  assert.match(page, /<html lang="fa" dir="rtl">/);
  assert.match(page, /<article lang="de" dir="ltr"><h1>Ihre eAT-Karte<\/h1>/);
  assert.ok(page.includes(translate('fa', 'portal.info.untranslated')));
});

test('an outdated translation and an unapproved machine translation are marked', async () => {
  assert.ok(decode(await html('/en/info/eat-karte')).includes(translate('en', 'portal.info.outdated')));
  const uk = decode(await html('/uk/info/eat-karte'));
  assert.match(uk, /data-mark="machine-translated"/);
  assert.ok(uk.includes(translate('uk', 'portal.info.machine_translated')));
  await db
    .updateTable('info_page_text')
    .set({ approved_at: new Date('2026-11-21T10:00:00Z') })
    .where('lang', '=', 'uk')
    .execute();
  assert.doesNotMatch(await html('/uk/info/eat-karte'), /data-mark="machine-translated"/, 'approved: no mark');
  await db.updateTable('info_page_text').set({ approved_at: null }).where('lang', '=', 'uk').execute();
});

test('an unknown or unpublished page is a 404 in the visitor’s language', async () => {
  for (const path of ['/tr/info/no-such-page', '/tr/info/entwurf', '/tr/info/%3Cscript%3E']) {
    const page = decode(await html(path, 404));
    assert.match(page, /<html lang="tr" dir="ltr">/);
    assert.ok(page.includes(translate('tr', 'portal.problem.info_not_found.title')), path);
  }
});

test('the services page links a service’s pages, the start page the list', async () => {
  assert.match(await html('/ar/services'), /<a href="\/ar\/info\/eat-karte" lang="ar" dir="rtl">بطاقة الإقامة الإلكترونية<\/a>/);
  assert.match(await html('/de/'), /href="\/de\/info"/);
});

test('the printed notice: languages side by side, each with lang and dir, and a QR code to the page', async () => {
  const page = await html('/de/info/eat-karte/notice?langs=de,ar,uk');
  assert.match(page, /<html lang="de" dir="ltr">/);
  assert.match(page, /class="notice-columns notice-columns-3"/);
  for (const [lang, dir] of [
    ['de', 'ltr'],
    ['ar', 'rtl'],
    ['uk', 'ltr'],
  ])
    assert.match(page, new RegExp(`<section class="notice-column" lang="${lang}" dir="${dir}"`), lang);
  assert.match(page, /data-mark="machine-translated"/, 'the Ukrainian column says it is machine-translated');
  assert.match(page, /href="\/assets\/info-notice\.[0-9a-f]+\.css"/);
  const url = `${publicUrl}/info/eat-karte`;
  assert.ok(page.includes(`<p class="notice-url" dir="ltr">${url}</p>`));
  const svg = /<svg[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
  assert.equal(svg, (await QRCode.toString(url, infoPageQrOptions)).trim(), 'the QR code is the one of the page’s address');
  const encoded = Buffer.from(QRCode.create(url, { errorCorrectionLevel: 'M' }).segments.flatMap((s) => [...(s as unknown as { data: Uint8Array }).data]));
  assert.equal(encoded.toString(), url);
  // The same languages as a repeated parameter.
  assert.match(await html('/de/info/eat-karte/notice?langs=de&langs=ar'), /notice-columns-2/);
});

test('the notice refuses unknown language tags and more than four languages, and unpublished pages', async () => {
  await html('/de/info/eat-karte/notice?langs=de,xx', 400);
  await html('/de/info/eat-karte/notice?langs=de,ar,uk,fa,ru', 400);
  await html('/de/info/entwurf/notice?langs=de', 404);
  assert.match(await html('/fa/info/eat-karte/notice'), /notice-columns-1/, 'without langs: the page’s language');
});

test('the notice’s address opens the page in the language of the phone', async () => {
  const response = await sut.request('/info/eat-karte', { headers: { 'accept-language': 'uk-UA,uk;q=0.9' } });
  assert.equal(response.status, 302);
  assert.equal(response.headers.get('location'), '/uk/info/eat-karte');
});

test('the body is text: markup an administrator types is shown, never run', async () => {
  const english = await db.selectFrom('info_page_text').select('body').where('lang', '=', 'en').executeTakeFirstOrThrow();
  await db.updateTable('info_page_text').set({ body: 'Hello <script>alert(1)</script>\n\n- <img src=x onerror=alert(2)>' }).where('lang', '=', 'en').execute();
  const page = await html('/en/info/eat-karte');
  assert.doesNotMatch(page, /<script>alert|<img src=x/);
  assert.match(page, /<p>Hello &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/);
  assert.match(page, /<li>&lt;img src=x onerror=alert\(2\)&gt;<\/li>/);
  await db.updateTable('info_page_text').set({ body: english.body }).where('lang', '=', 'en').execute();
});
