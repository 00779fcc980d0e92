import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

// dependency-cruiser reads TypeScript through the compiler's JavaScript API; without it (e.g. with
// TypeScript 7) it cruises almost nothing and still says "no violations". Guard against that.
type Cruise = { modules: { source: string }[]; summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
let cruise: Cruise | undefined;
function cruiseSrc(): Cruise {
  cruise ??= JSON.parse(cruiseOutput()) as Cruise;
  return cruise;
}

test('the dependency rules see every source file of src/', () => {
  const sources = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file)).length;
  const cruised = cruiseSrc().modules.filter((module) => module.source.startsWith('src/')).length;
  assert.ok(cruised >= sources, `dependency-cruiser saw ${cruised} of ${sources} files in src/`);
});

// Issue 12 emptied the baseline: src/ breaks no rule, and nothing is waived (a waiver needs a section in docs/decisions.md).
test('src/ breaks no dependency rule and the known-violations baseline is empty', () => {
  const violations = cruiseSrc().summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  assert.deepEqual(violations, []);
  assert.deepEqual(JSON.parse(readFileSync('.dependency-cruiser-known-violations.json', 'utf8')), []);
});

function cruiseOutput(): string {
  return execFileSync(
    process.execPath,
    ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}
