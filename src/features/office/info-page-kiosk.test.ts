import assert from 'node:assert/strict';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { createTestApp } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createFrontOffice, deviceToken } from '../../../test/front-desk-fixtures.ts';
import { addInfoPages } from '../../../test/portal/info-page-fixture.ts';
import { fixedClock } from '../../shared/clock.ts';
import { translate } from '../../web/i18n.ts';
import { infoPageQrOptions } from './info-page-qr.ts';

// The kiosk shows the office's published information pages as small QR codes (section "Informationen").
const { db } = await createTestDatabase();
const publicUrl = 'https://termine.example.org';
const sut = createTestApp(db, { clock: fixedClock('2026-11-23T08:00:00Z'), publicUrl });
const office = await createFrontOffice(db);
const kiosk = await deviceToken(db, 'kiosk', office.location.id);
const start = (lang: string) => sut.request(`/kiosk/${office.location.slug}?lang=${lang}`, { headers: { authorization: `Bearer ${kiosk}` } });

test('without published pages the kiosk shows no information section', async () => {
  const html = await (await start('de')).text();
  assert.doesNotMatch(html, /class="kiosk-info"/);
  assert.match(html, /name="code"/, 'the check-in form is there as before');
});

test('the kiosk shows a QR code to each published page, in the visitor’s language', async () => {
  await addInfoPages(db);
  const response = await start('ar');
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /<html lang="ar" dir="rtl">/);
  const section = /<section class="kiosk-info"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  assert.ok(section.includes(translate('ar', 'kiosk.info.title')));
  assert.equal((section.match(/<svg /g) ?? []).length, 1, 'one published page, one code; the draft has none');
  assert.match(section, /<li lang="ar" dir="rtl">/);
  const svg = /<svg[\s\S]*?<\/svg>/.exec(section)?.[0] ?? '';
  assert.equal(svg, (await QRCode.toString(`${publicUrl}/ar/info/eat-karte`, infoPageQrOptions)).trim(), 'the code leads to the Arabic page');
  // A language without a translation: the German title, marked as German.
  const persian = await (await start('fa')).text();
  assert.match(persian, /<li lang="de" dir="ltr">/);
  assert.match(persian, /name="code"/, 'check-in stays');
});
