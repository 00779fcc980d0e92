import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { applyFunctionFile, databaseFunctions, normalizeFunctionSource, readFunctionFiles } from '../src/db/db-functions.ts';
import { createTestDatabase } from './database.ts';

const { db } = await createTestDatabase({ poolSize: 1 });
const stale = 'src/db/functions is out of date: run `npm run db:functions` (or add the migration that applies the file) and commit the result.';

test('every function of the migrated database has its file in src/db/functions, and every file its function', async () => {
  const inDatabase = (await databaseFunctions(db)).map((f) => f.name);
  assert.equal(new Set(inDatabase).size, inDatabase.length, 'one function per name: an overload needs its own file name');
  assert.deepEqual(inDatabase.sort(), [...(await readFunctionFiles()).keys()].sort(), stale);
  assert.ok(inDatabase.includes('book_free_candidate') && inDatabase.includes('busy_holders'));
});

test('the migrated database’s function definitions are the files’ (book_free_candidate, busy_holders, …)', async () => {
  const files = await readFunctionFiles();
  for (const { name, definition } of await databaseFunctions(db)) {
    assert.equal(normalizeFunctionSource(files.get(name) ?? ''), normalizeFunctionSource(definition), `${name}: ${stale}`);
  }
});

test('a function changed without its file is noticed: one word differs', async () => {
  const file = normalizeFunctionSource((await readFunctionFiles()).get('busy_holders')!);
  const changed = await db
    .transaction()
    .execute(async (trx) => {
      await sql.raw(file.replace('STABLE', 'VOLATILE')).execute(trx);
      const definition = (await databaseFunctions(trx)).find((f) => f.name === 'busy_holders')!.definition;
      throw new Rollback(definition);
    })
    .catch((error) => (error instanceof Rollback ? error.message : Promise.reject(error)));
  assert.notEqual(normalizeFunctionSource(changed), file);
  assert.equal(normalizeFunctionSource((await databaseFunctions(db)).find((f) => f.name === 'busy_holders')!.definition), file);
});

test('each file applies to the migrated database (as a migration would) and leaves its definition as it was', async () => {
  const files = await readFunctionFiles();
  for (const name of files.keys()) await applyFunctionFile(db, name);
  for (const { name, definition } of await databaseFunctions(db)) {
    assert.equal(normalizeFunctionSource(definition), normalizeFunctionSource(files.get(name)!), name);
  }
});

class Rollback extends Error {}
