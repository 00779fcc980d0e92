import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';

// dependency-cruiser reads TypeScript through the compiler's JavaScript API; without it (e.g. with
// TypeScript 7) it cruises almost nothing and still says "no violations". Guard against that.
test('the dependency rules see every source file of src/', () => {
  const sources = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file)).length;
  const output = execFileSync(
    process.execPath,
    ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const cruised = (JSON.parse(output) as { modules: { source: string }[] }).modules.filter((module) => module.source.startsWith('src/')).length;
  assert.ok(cruised >= sources, `dependency-cruiser saw ${cruised} of ${sources} files in src/`);
});
