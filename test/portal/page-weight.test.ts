import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock } from '../app.ts';
import { createTestOffice } from './office-fixture.ts';

const { db } = await createTestDatabase();
await createTestOffice(db);
const app = createTestApp(db, { clock: fixedClock('2026-11-23T06:00:00Z') });

test('every portal page with its CSS and scripts stays under 60 KB compressed', async (t) => {
  const pages = ['/de/', '/ar/services', '/uk/book/extension/mitte', `/fa/book/extension/mitte/details?start=${encodeURIComponent('2026-11-24T09:00:00.000Z')}`];
  for (const path of pages) {
    const response = await app.request(path);
    const html = await response.text();
    let total = gzipSync(html).length;
    for (const [, asset] of html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) {
      const compressed = await app.request(asset!, { headers: { 'accept-encoding': 'br' } });
      assert.equal(compressed.status, 200);
      total += (await compressed.arrayBuffer()).byteLength;
    }
    t.diagnostic(`${path}: ${total} bytes compressed with CSS and scripts`);
    assert.ok(total < 60 * 1024, `${path} weighs ${total} bytes compressed`);
    assert.ok(brotliCompressSync(html).length < gzipSync(html).length + 1);
  }
});
