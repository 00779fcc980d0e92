import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const folder = new URL('./', import.meta.url);

test('the engine’s files import each other without a circle (type imports count too)', () => {
  const files = readdirSync(folder).filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'));
  const imports = new Map(
    files.map((name) => [name, [...readFileSync(new URL(name, folder), 'utf8').matchAll(/from '\.\/([\w-]+\.tsx?)'/g)].map((m) => m[1]!)]),
  );
  const circles: string[] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    if (path.includes(file)) {
      circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    if (done.has(file)) return;
    for (const next of imports.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of files) visit(file, []);
  assert.ok(imports.get('find-slot.ts')?.length, 'the imports were read');
  assert.deepEqual(circles, []);
});
