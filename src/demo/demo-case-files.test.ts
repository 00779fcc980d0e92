import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../test/database.ts';
import { createOffice } from '../../test/office-factory.ts';
import { seedDemoCaseFiles } from './demo-case-files.ts';

test('the demo files: 200 persons in four scripts, every type in every status, the same on every start', async () => {
  const { db } = await createTestDatabase();
  const locations = [(await createOffice(db)).locationId, (await createOffice(db)).locationId];
  await seedDemoCaseFiles(db, new Date('2026-11-23T07:00:00Z'), locations);
  const persons = await db
    .selectFrom('case_person')
    .select(['family_name', 'given_names', 'birth_year'])
    .orderBy('created_at')
    .orderBy('family_name')
    .execute();
  assert.equal(persons.length, 200);
  const names = persons.map((p) => `${p.family_name} ${p.given_names}`).join(' ');
  for (const script of [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u, /\u200c/u]) assert.match(names, script);
  const reached = await db.selectFrom('case_procedure').select(['procedure_type_id', 'status_id']).distinct().execute();
  const statuses = await db.selectFrom('procedure_status').select('id').execute();
  assert.equal(reached.length, statuses.length, 'every status of every type has a procedure');
  const files = await db.selectFrom('case_file').select('location_id').distinct().execute();
  assert.equal(files.length, 2);

  const again = await createTestDatabase();
  const otherLocations = [(await createOffice(again.db)).locationId, (await createOffice(again.db)).locationId];
  await seedDemoCaseFiles(again.db, new Date('2026-11-23T07:00:00Z'), otherLocations);
  const second = await again.db
    .selectFrom('case_person')
    .select(['family_name', 'given_names', 'birth_year'])
    .orderBy('created_at')
    .orderBy('family_name')
    .execute();
  assert.deepEqual(second.map((p) => p.birth_year).sort(), persons.map((p) => p.birth_year).sort());
});
