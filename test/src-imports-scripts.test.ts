import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../src');

// scripts/ are entry points built on src/; the other way round, `npm start` would load tools.
test('nothing in src/ imports from scripts/', () => {
  const found = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .flatMap((file) =>
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/from '(\.\.\/)+scripts\//.test(line) ? [`${file}:${i + 1}`] : [])),
    );
  assert.deepEqual(found, []);
});
