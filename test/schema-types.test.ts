import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { renderSchemaTypes, schemaTypesFile } from '../scripts/schema-types.ts';
import { createTestDatabase } from './database.ts';

test('the committed database types match the migrated schema', async () => {
  const { url } = await createTestDatabase({ poolSize: 1 });
  const generated = await renderSchemaTypes(url);
  const committed = await fs.readFile(schemaTypesFile, 'utf8');
  assert.ok(committed === generated, 'src/db/schema.generated.ts is out of date: run `npm run db:types` and commit the result.');
});
