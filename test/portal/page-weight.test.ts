import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock } from '../app.ts';
import { addInfoPages } from './info-page-fixture.ts';
import { createTestOffice } from './office-fixture.ts';
import { languages, textDirection } from '../../src/web/i18n.ts';

const { db } = await createTestDatabase();
const office = await createTestOffice(db);
await addInfoPages(db, { serviceId: office.serviceId });
// Today's times by lottery (docs/lottery.md), open at 07:00 for 30 minutes: its page has the form.
await db.updateTable('service').set({ same_day_release: '07:00', same_day_lottery_minutes: 30 }).where('id', '=', office.serviceId).execute();
const app = createTestApp(db, { clock: fixedClock('2026-11-23T06:00:00Z') });

// Each page in every language (the longest texts, the widest scripts), with what shows it is
// the real page (not an error page of the same weight).
const pages: { path: string; lang: string; shows: RegExp[] }[] = languages.flatMap((lang) => [
  { path: `/${lang}/`, lang, shows: [new RegExp(`href="/${lang}/services"`), new RegExp(`href="/${lang}/manage"`)] },
  { path: `/${lang}/services`, lang, shows: [new RegExp(`dir="${textDirection(lang)}"`), new RegExp(`href="/${lang}/book/extension"`)] },
  { path: `/${lang}/info`, lang, shows: [new RegExp(`href="/${lang}/info/eat-karte"`)] },
  { path: `/${lang}/info/eat-karte`, lang, shows: [/<article lang="[a-z-]+" dir="(ltr|rtl)"><h1>/] },
  { path: `/${lang}/info/eat-karte/notice?langs=de,ar,uk,${lang}`, lang, shows: [/class="notice-qr"/] },
  { path: `/${lang}/book/extension/mitte`, lang, shows: [new RegExp(`href="/${lang}/book/extension/mitte/2026-11-24"`)] },
  {
    path: `/${lang}/book/extension/mitte/details?start=${encodeURIComponent('2026-11-24T09:00:00.000Z')}`,
    lang,
    shows: [/id="dateOfBirth"/, /data-challenge="/, /src="\/assets\/proof-of-work\.[0-9a-f]+\.js"/],
  },
  { path: `/${lang}/lottery/extension/mitte`, lang, shows: [/id="dateOfBirth"/, /data-challenge="/, /src="\/assets\/proof-of-work\.[0-9a-f]+\.js"/] },
]);

test('every portal page with its CSS and scripts stays under 60 KB compressed', async (t) => {
  const heaviest = new Map<string, number>();
  for (const { path, lang, shows } of pages) {
    const response = await app.request(path);
    assert.equal(response.status, 200, path);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const html = await response.text();
    assert.match(html, new RegExp(`<html lang="${lang}"`), path);
    for (const marker of shows) assert.match(html, marker, path);
    // The HTML as a proxy would send it (gzip), its assets as Lotse sends them (brotli).
    let total = gzipSync(html).length;
    const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(
      assets.some((a) => a.endsWith('.css')),
      `${path} links its stylesheet`,
    );
    for (const asset of assets) {
      const plain = await app.request(asset);
      const compressed = await app.request(asset, { headers: { 'accept-encoding': 'br' } });
      assert.equal(compressed.status, 200, asset);
      assert.equal(compressed.headers.get('content-encoding'), 'br', asset);
      const bytes = Buffer.from(await compressed.arrayBuffer());
      assert.deepEqual(brotliDecompressSync(bytes), Buffer.from(await plain.arrayBuffer()), `${asset} is the asset itself`);
      total += bytes.length;
    }
    heaviest.set(lang, Math.max(heaviest.get(lang) ?? 0, total));
    assert.ok(total < 60 * 1024, `${path} weighs ${total} bytes compressed`);
  }
  t.diagnostic(`heaviest page per language, compressed with CSS and scripts: ${[...heaviest].map(([l, n]) => `${l} ${n}`).join(', ')}`);
});
