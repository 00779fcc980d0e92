import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPersonWithFile as createTestFile, personInput } from '../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createOffice } from '../../../test/office-factory.ts';
import { addStaff } from '../../../test/staff.ts';
import { fixedClock } from '../../shared/clock.ts';
import { loadStaffActor } from '../staff/session-store.ts';
import { addNote } from './add-note.ts';
import { changeProcedureStatus } from './change-procedure-status.ts';
import { closeFile } from './close-file.ts';
import { createPersonWithFile } from './create-person-file.ts';
import { identifyPerson } from './identify-person.ts';
import { linkFamily } from './link-family.ts';
import { openCaseFile } from './open-case-file.ts';
import { openProcedure } from './open-procedure.ts';
import { seedStandardCatalogue } from './procedure-types/seed-standard-catalogue.ts';
import { setResidenceTitle } from './set-residence-title.ts';
import { suspendOrResumeProcedure } from './suspend-procedure.ts';
import { updatePerson } from './update-person.ts';
import { updateProcedure } from './update-procedure.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T09:00:00Z');
const deps = { db, clock };
const office = await createOffice(db);
const other = await createOffice(db);
const types = await db.transaction().execute((trx) => seedStandardCatalogue(trx, clock.now()));
const extension = types.get('extension')!;
const actorOf = async (role: 'clerk' | 'reception' | 'team_lead', locationId: string) => {
  const { id } = await addStaff(db, role, { locationIds: [locationId] });
  return { actor: (await loadStaffActor(db, id, 'session'))!, screen: 'test', ip: undefined };
};
const clerk = await actorOf('clerk', office.locationId);
const clerk2 = await actorOf('clerk', office.locationId);
const foreignClerk = await actorOf('clerk', other.locationId);
const reception = await actorOf('reception', office.locationId);
const form = (overrides: Record<string, unknown> = {}) => ({
  familyName: 'Rahimi',
  givenNames: 'مهر\u200cنوش',
  birthDate: '05.1990',
  nationalities: 'IR, AF',
  ...overrides,
});

test('a person with a file is created from form values; Persian with ZWNJ, Arabic and Cyrillic names are kept as typed', async () => {
  const names: [string, string][] = [
    ['رحیمی', 'مهر\u200cنوش'],
    ['الحسن', 'محمد'],
    ['Коваленко', 'Олена'],
  ];
  for (const [familyName, givenNames] of names) {
    const created = await createPersonWithFile(deps, clerk, {
      person: form({ familyName, givenNames }),
      reference: `R-${familyName.length}-${givenNames.length}-${familyName.charCodeAt(0)}`,
      locationId: office.locationId,
    });
    const row = await db
      .selectFrom('case_person')
      .select(['family_name', 'given_names', 'birth_year', 'birth_month', 'birth_day', 'nationalities'])
      .where('id', '=', created.personId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { family_name: familyName, given_names: givenNames, birth_year: 1990, birth_month: 5, birth_day: null, nationalities: ['IR', 'AF'] });
  }
});

test('bad input is a 422 naming the field, and nothing is written', async () => {
  const before = await db
    .selectFrom('case_person')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const cases: [unknown, string][] = [
    [{ person: form({ birthDate: '00.00.1990' }), reference: 'X-1', locationId: office.locationId }, 'person.birthDate'],
    [{ person: form({ birthDate: '31.02.1990' }), reference: 'X-1', locationId: office.locationId }, 'person.birthDate'],
    [{ person: form({ familyName: 'x'.repeat(100_000) }), reference: 'X-1', locationId: office.locationId }, 'person.familyName'],
    [{ person: form({ familyName: 42 }), reference: 'X-1', locationId: office.locationId }, 'person.familyName'],
    [{ person: form(), reference: '../etc', locationId: office.locationId }, 'reference'],
    [{ person: form(), reference: 'X-1', locationId: 'not-a-uuid' }, 'locationId'],
    [{ person: form({ nationalities: ['Iran'] }), reference: 'X-1', locationId: office.locationId }, 'person.nationalities.0'],
  ];
  for (const [input, path] of cases) {
    await assert.rejects(createPersonWithFile(deps, clerk, input), (error: { code: string; fieldErrors: { path: string; message: string }[] }) => {
      assert.equal(error.code, 'validation_failed');
      assert.ok(
        error.fieldErrors.some((f) => f.path === path),
        `${path}: ${JSON.stringify(error.fieldErrors)}`,
      );
      return true;
    });
  }
  await assert.rejects(
    createPersonWithFile(deps, clerk, { person: form({ birthDate: '00.00.1990' }), reference: 'X-1', locationId: office.locationId }),
    /„1990“ oder „05.1990“/,
  );
  const after = await db
    .selectFrom('case_person')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(after.n, before.n);
});

test('a taken reference is a 409; a clerk of another location may not create files here (403)', async () => {
  await createPersonWithFile(deps, clerk, { person: form(), reference: 'DUP-1', locationId: office.locationId });
  await assert.rejects(createPersonWithFile(deps, clerk, { person: form(), reference: 'DUP-1', locationId: office.locationId }), { code: 'conflict' });
  await assert.rejects(createPersonWithFile(deps, foreignClerk, { person: form(), reference: 'DUP-2', locationId: office.locationId }), { code: 'forbidden' });
});

test('two saves of one person at the same moment: exactly one wins, the other gets a 409 naming the fields changed meanwhile', async () => {
  const file = await createTestFile(db, { locationId: office.locationId });
  const base = personInput();
  const asForm = (p: typeof base, overrides: Record<string, unknown>) => ({ ...p, birthDate: '17.05.1990', ...overrides });
  const results = await Promise.allSettled([
    updatePerson(deps, clerk, { personId: file.personId, basedOnVersion: 1, person: asForm(base, { addressCity: 'Gießen' }) }),
    updatePerson(deps, clerk2, { personId: file.personId, basedOnVersion: 1, person: asForm(base, { phone: '+49 641 12345' }) }),
  ]);
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.equal(won.length, 1);
  assert.equal(lost.length, 1);
  assert.equal(lost[0]!.reason.code, 'conflict');
  assert.match(lost[0]!.reason.message, /Inzwischen geändert von .*: (Ort|Telefon)\. Ihre Änderung wurde nicht gespeichert/);
  const row = await db.selectFrom('case_person').select(['version', 'address_city', 'phone']).where('id', '=', file.personId).executeTakeFirstOrThrow();
  assert.equal(row.version, 2);
  assert.ok((row.address_city === 'Gießen') !== (row.phone === '+49 641 12345'), 'only one of the two changes is stored');
  // A save based on the old version later still names the change.
  await assert.rejects(updatePerson(deps, clerk, { personId: file.personId, basedOnVersion: 1, person: asForm(base, { email: 'a@example.org' }) }), {
    code: 'conflict',
    details: { changedFields: [row.phone ? 'phone' : 'addressCity'], changedBy: [row.phone ? clerk2.actor.username : clerk.actor.username], currentVersion: 2 },
  });
});

test('a name change rewrites the search keys; unknown person 404', async () => {
  const file = await createTestFile(db, { locationId: office.locationId });
  await updatePerson(deps, clerk, {
    personId: file.personId,
    basedOnVersion: 1,
    person: { ...personInput(), birthDate: '1990', familyName: 'Müller', nameVariants: ['Мюллер'] },
  });
  const keys = await db
    .selectFrom('case_person_name')
    .select(['kind', 'normalized'])
    .where('person_id', '=', file.personId)
    .where('kind', 'in', ['family', 'variant'])
    .orderBy('kind')
    .execute();
  assert.equal(keys[0]?.normalized, 'muller');
  assert.equal(keys.length, 2);
  await assert.rejects(
    updatePerson(deps, clerk, { personId: '00000000-0000-4000-8000-000000000000', basedOnVersion: 1, person: { ...personInput(), birthDate: '' } }),
    { code: 'not_found' },
  );
});

test('procedures: open with a Vorgangsnummer, two status changes at once (one 409), history, details, suspension', async () => {
  const file = await createTestFile(db, { locationId: office.locationId });
  const procedure = await openProcedure(deps, clerk, { fileId: file.fileId, procedureTypeId: extension });
  assert.match(procedure.number, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
  const statuses = await db.selectFrom('procedure_status').select(['id', 'code']).where('procedure_type_id', '=', extension).orderBy('position').execute();
  const byCode = (code: string) => statuses.find((s) => s.code === code)!.id;
  const results = await Promise.allSettled([
    changeProcedureStatus(deps, clerk, { procedureId: procedure.id, statusId: byCode('in_review'), basedOnVersion: 1, note: 'Pass liegt vor' }),
    changeProcedureStatus(deps, clerk2, { procedureId: procedure.id, statusId: byCode('documents_missing'), basedOnVersion: 1 }),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
  assert.equal(lost.reason.code, 'conflict');
  assert.match(lost.reason.message, /Status/);
  const history = await db
    .selectFrom('case_procedure_status_change')
    .select(['by_label', 'note'])
    .where('procedure_id', '=', procedure.id)
    .orderBy('id')
    .execute();
  assert.equal(history.length, 2);
  await changeProcedureStatus(deps, clerk, { procedureId: procedure.id, statusId: byCode('completed'), basedOnVersion: 2 });
  const closed = await db.selectFrom('case_procedure').select(['closed_at', 'version']).where('id', '=', procedure.id).executeTakeFirstOrThrow();
  assert.deepEqual(closed, { closed_at: clock.now(), version: 3 });
  await assert.rejects(changeProcedureStatus(deps, clerk, { procedureId: procedure.id, statusId: types.get('settlement')!, basedOnVersion: 3 }), {
    code: 'validation_failed',
  });

  const second = await openProcedure(deps, clerk, { fileId: file.fileId, procedureTypeId: extension });
  await updateProcedure(deps, clerk, {
    procedureId: second.id,
    basedOnVersion: 1,
    assignedStaffId: clerk.actor.staffId,
    plannedEnd: '2027-01-31',
    feeState: 'due',
  });
  await assert.rejects(
    updateProcedure(deps, clerk, { procedureId: second.id, basedOnVersion: 2, assignedStaffId: foreignClerk.actor.staffId, plannedEnd: '', feeState: 'due' }),
    {
      code: 'validation_failed',
    },
  );
  await suspendOrResumeProcedure(deps, clerk, { action: 'suspend', procedureId: second.id, basedOnVersion: 2, reason: 'Wartet auf Pass' });
  await assert.rejects(suspendOrResumeProcedure(deps, clerk, { action: 'suspend', procedureId: second.id, basedOnVersion: 3, reason: '' }), {
    code: 'validation_failed',
  });
  await suspendOrResumeProcedure(deps, clerk, { action: 'resume', procedureId: second.id, basedOnVersion: 3 });
  const row = await db
    .selectFrom('case_procedure')
    .select(['suspended_at', 'fee_state', 'planned_end', 'version'])
    .where('id', '=', second.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { suspended_at: null, fee_state: 'due', planned_end: '2027-01-31', version: 4 });
  // Closing the file is refused while a procedure is open.
  await assert.rejects(closeFile(deps, clerk, { fileId: file.fileId, basedOnVersion: 1 }), { code: 'conflict' });
});

test('title, family, notes; closing keeps the file until 31 December ten years on; the other location gets 403, reception sees the name only', async () => {
  const file = await createTestFile(db, { locationId: office.locationId });
  const spouse = await createTestFile(db, { locationId: office.locationId, person: { familyName: 'Ahmadi', givenNames: 'Reza' } });
  await setResidenceTitle(deps, clerk, {
    fileId: file.fileId,
    kind: 'temporary_protection',
    legalBasis: '§ 24 AufenthG',
    validFrom: '2026-03-05',
    validUntil: '2027-03-04',
    cardSerial: 'y1234567 8',
  });
  await setResidenceTitle(deps, clerk, {
    fileId: file.fileId,
    kind: 'residence_permit',
    legalBasis: '§ 24 AufenthG',
    validFrom: '2026-03-05',
    validUntil: '2027-03-04',
    cardSerial: '',
  });
  await assert.rejects(setResidenceTitle(deps, clerk, { fileId: file.fileId, kind: 'visa', validFrom: '2027-01-01', validUntil: '2026-01-01' }), {
    code: 'validation_failed',
  });
  await linkFamily(deps, clerk, { fileId: file.fileId, relatedReference: spouse.reference, relation: 'spouse' });
  await assert.rejects(linkFamily(deps, clerk, { fileId: file.fileId, relatedReference: spouse.reference, relation: 'spouse' }), { code: 'conflict' });
  await addNote(deps, clerk, { fileId: file.fileId, text: 'Vorsprache am Schalter' });
  const view = await openCaseFile(deps, clerk, file.fileId);
  assert.deepEqual(
    view.titles.map((t) => [t.kind, t.is_current, t.card_serial]),
    [
      ['residence_permit', true, null],
      ['temporary_protection', false, 'Y12345678'],
    ],
  );
  assert.equal(view.family[0]?.relation, 'spouse');
  assert.equal(view.notes[0]?.text, 'Vorsprache am Schalter');
  await assert.rejects(openCaseFile(deps, foreignClerk, file.fileId), { code: 'forbidden' });
  await assert.rejects(openCaseFile(deps, reception, file.fileId), { code: 'forbidden' });
  const identity = await identifyPerson(deps, reception, file.fileId);
  assert.deepEqual(Object.keys(identity).sort(), ['appointments', 'familyName', 'fileId', 'givenNames']);
  const closed = await closeFile(deps, clerk, { fileId: file.fileId, basedOnVersion: 1, handedOverTo: 'Ausländerbehörde Gießen' });
  assert.deepEqual(closed, { retentionUntil: '2036-12-31' });
  await assert.rejects(closeFile(deps, clerk, { fileId: file.fileId, basedOnVersion: 2 }), { code: 'conflict' });
  const audit = await db.selectFrom('audit_entry').select('action').where('target_id', '=', file.fileId).orderBy('id').execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    [
      'residence_title.set',
      'residence_title.set',
      'family_link.add',
      'case_file.open',
      'denied:case_file.read',
      'denied:case_file.read',
      'case_file.identify',
      'case_file.hand_over',
    ],
  );
});
