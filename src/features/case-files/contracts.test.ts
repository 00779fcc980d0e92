import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPersonWithFile } from '../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createOffice } from '../../../test/office-factory.ts';
import { fixedClock } from '../../shared/clock.ts';
import type { StaffActor } from '../staff/index.ts';
import { auditFileRead } from './audit-file-read.ts';
import { authorizeFile } from './authorize-file.ts';
import { findCaseFileByReference } from './case-file-store.ts';
import { personNames } from './person-store.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T07:00:00Z');
const deps = { db, clock };
const office = await createOffice(db);
const otherOffice = await createOffice(db);
const clerk = (locationIds: string[]): StaffActor => ({
  kind: 'staff',
  staffId: '00000000-0000-4000-8000-000000000001',
  displayName: 'Test',
  username: 'clerk1',
  role: 'clerk',
  locationIds,
  specialtyIds: [],
  via: 'session',
});

test('a person is written with every name and its search keys; the file is found by its reference', async () => {
  const sut = await createPersonWithFile(db, {
    locationId: office.locationId,
    person: { familyName: 'Rahimi', givenNames: 'مهر\u200cنوش', formerNames: ['Karimi'], nameVariants: ['رحیمی'] },
  });
  const names = await personNames(db, sut.personId);
  assert.deepEqual(
    names.map((n) => n.kind),
    ['family', 'given', 'former', 'variant'],
  );
  assert.equal(names[1]?.value, 'مهر\u200cنوش');
  const keys = await db.selectFrom('case_person_name').select(['normalized']).where('person_id', '=', sut.personId).execute();
  assert.ok(keys.some((k) => k.normalized === 'rahimi'));
  assert.equal((await findCaseFileByReference(db, sut.reference))?.id, sut.fileId);
});

test('a file is authorized at its location: unknown 404, another location 403 (audited)', async () => {
  const sut = await createPersonWithFile(db, { locationId: office.locationId });
  assert.deepEqual(await authorizeFile(deps, clerk([office.locationId]), sut.fileId, 'case_file.read'), {
    locationId: office.locationId,
    personId: sut.personId,
  });
  await assert.rejects(authorizeFile(deps, clerk([office.locationId]), '00000000-0000-4000-8000-00000000dead', 'case_file.read'), { code: 'not_found' });
  await assert.rejects(authorizeFile(deps, clerk([otherOffice.locationId]), sut.fileId, 'case_file.read'), { code: 'forbidden' });
  const denied = await db.selectFrom('audit_entry').select('action').where('target_id', '=', sut.fileId).where('outcome', '=', 'denied').execute();
  assert.deepEqual(
    denied.map((d) => d.action),
    ['denied:case_file.read'],
  );
});

test('a read is audited with the person, and the entry survives deleting the person', async () => {
  const sut = await createPersonWithFile(db, { locationId: office.locationId, person: { familyName: 'Петров', givenNames: 'Иван' } });
  await auditFileRead(db, clock, clerk([office.locationId]), { fileId: sut.fileId, what: 'case_file.open' });
  await db.deleteFrom('case_person').where('id', '=', sut.personId).execute();
  const entry = await db
    .selectFrom('audit_entry')
    .innerJoin('audit_person', 'audit_person.id', 'audit_entry.person_id')
    .select(['audit_entry.action', 'audit_person.label', 'audit_person.case_person_id'])
    .where('audit_entry.target_id', '=', sut.fileId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(entry, { action: 'case_file.open', label: 'Петров, Иван (1990-05-17)', case_person_id: sut.personId });
});
