import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';

// Pages and routes call use cases and stores; the queries live in the office's *-store.ts files.
test('the office’s staff pages hold no SQL and no Kysely queries', async () => {
  const folder = new URL('.', import.meta.url);
  const pages = (await readdir(folder)).filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'));
  assert.ok(pages.includes('service-pages.tsx'), 'the pages are where this test looks');
  for (const name of pages) {
    const source = await readFile(new URL(name, folder), 'utf8');
    assert.doesNotMatch(source, /\.(selectFrom|insertInto|updateTable|deleteFrom|transaction)\(|\bsql`|from 'kysely'/, name);
  }
});
