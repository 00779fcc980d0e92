import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

// Route and page files hold no SQL (docs/decisions.md "2026-12-06 — Where code lives"). The
// dependency rules catch an import of Kysely; a query through a `db` passed in imports nothing, so
// this test reads the files. The HTTP layer is the one .dependency-cruiser.cjs defines.
const root = path.resolve(import.meta.dirname, '../..');
const rules = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as {
  forbidden: { name: string; from: { path?: string | string[] } }[];
};
const httpLayer = [rules.forbidden.find((rule) => rule.name === 'no-kysely-in-http-layer')!.from.path!].flat().map((pattern) => new RegExp(pattern));

/** Files that may hold SQL: none (issue 12 emptied the list; a new entry needs a section in docs/decisions.md). */
const knownSqlInHttpLayer = new Set<string>([]);

const query = /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto|transaction)\(|\bsql`/;

function httpLayerFiles(): string[] {
  return fs
    .readdirSync(path.join(root, 'src/features'), { recursive: true, encoding: 'utf8' })
    .map((file) => path.posix.join('src/features', file.split(path.sep).join('/')))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && httpLayer.some((pattern) => pattern.test(file)));
}

function queriesIn(file: string): string[] {
  return fs
    .readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .flatMap((line, index) => (query.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
}

test('route and page files hold no SQL', () => {
  const files = httpLayerFiles();
  assert.ok(files.length > 20, `the HTTP layer was found (${files.length} files)`);
  const found = files.filter((file) => !knownSqlInHttpLayer.has(file)).flatMap(queriesIn);
  assert.deepEqual(found, [], 'queries belong in a *-store.ts behind a use case');
  const clean = [...knownSqlInHttpLayer].filter((file) => !fs.existsSync(path.join(root, file)) || queriesIn(file).length === 0);
  assert.deepEqual(clean, [], 'files without SQL any more leave knownSqlInHttpLayer (the list only shrinks)');
});

test('the scan finds a query written through a passed-in db', () => {
  assert.ok(query.test("    const rows = await deps.db.selectFrom('service').selectAll().execute();"));
  assert.ok(query.test('  await sql`SELECT 1`.execute(db);'));
  assert.ok(!query.test("import { listServices } from '../office/index.ts';"));
});
