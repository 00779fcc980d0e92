import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fixedClock } from '../../../shared/clock.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff } from '../../../../test/staff.ts';
import { addPersonWithFile, staffActor } from '../../../../test/case-search-fixtures.ts';
import type { StaffActor, StaffRole } from '../../staff/index.ts';
import { searchPersons, type PersonSearch } from './search-persons.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-12-01T09:00:00Z');
const deps = { db, clock };

let wetzlar = '';
let dillenburg = '';
let clerk: StaffActor;
const people: Record<string, { personId: string; fileId: string; reference: string }> = {};

async function actor(role: StaffRole, locationIds: string[]): Promise<StaffActor> {
  const { id } = await addStaff(db, role, { locationIds });
  return staffActor(role, locationIds, id);
}

before(async () => {
  wetzlar = (await createOffice(db)).locationId;
  dillenburg = (await createOffice(db)).locationId;
  clerk = await actor('clerk', [wetzlar]);
  people.petrenko = await addPersonWithFile(db, wetzlar, {
    familyName: 'Petrenko',
    givenNames: 'Oleksandr',
    variants: ['Олександр Петренко'],
    birth: { year: 1990, month: 3, day: 12 },
    nationalities: ['UA'],
    email: 'o.petrenko@example.org',
    azr: '123456789012',
    cardSerial: 'L01X00T47',
    reference: 'WZ-2024/00123',
  });
  people.kuznetsova = await addPersonWithFile(db, wetzlar, {
    familyName: 'Кузнецова',
    givenNames: 'Анна',
    birth: { year: 1985 },
    nationalities: ['RU'],
  });
  people.haddad = await addPersonWithFile(db, wetzlar, { familyName: 'Haddad', givenNames: 'محمد', birth: { year: 1990, month: 3 }, nationalities: ['SY'] });
  people.rahimi = await addPersonWithFile(db, wetzlar, { familyName: 'رحیمی', givenNames: 'مهر\u200cنوش', nationalities: ['AF'] });
  people.elsewhere = await addPersonWithFile(db, dillenburg, {
    familyName: 'Petrenko',
    givenNames: 'Olena',
    birth: { year: 1990 },
    reference: 'DI-2024/00999',
  });
});

const files = (search: PersonSearch) => (search.view === 'file' ? search.results.map((result) => result.fileId) : assert.fail('file view expected'));
const find = (query: string, who: StaffActor = clerk) => searchPersons(deps, who, { query });

describe('person search by name', () => {
  test('as you type: a prefix of three letters finds the person', async () => {
    assert.deepEqual(files(await find('Pet')), [people.petrenko?.fileId]);
  });

  test('a Cyrillic variant finds a person stored in Latin, and a Latin spelling one stored in Cyrillic', async () => {
    assert.deepEqual(files(await find('Олександр')), [people.petrenko?.fileId]);
    assert.deepEqual(files(await find('Aleksandr')), [people.petrenko?.fileId]);
    assert.deepEqual(files(await find('Olexandr Petrenko')), [people.petrenko?.fileId]);
    assert.deepEqual(files(await find('Kuznetsova')), [people.kuznetsova?.fileId]);
    assert.deepEqual(files(await find('Anna Kusnezowa')), [people.kuznetsova?.fileId]);
  });

  test('Arabic and Persian names meet their Latin spellings', async () => {
    assert.deepEqual(files(await find('Muhammad')), [people.haddad?.fileId]);
    assert.deepEqual(files(await find('Mohammed Haddad')), [people.haddad?.fileId]);
    assert.deepEqual(files(await find('Mehrnoush')), [people.rahimi?.fileId]);
    assert.deepEqual(files(await find('Rahimi')), [people.rahimi?.fileId]);
    // Arabic yeh typed where the file has Persian yeh.
    assert.deepEqual(files(await find('رحيمي')), [people.rahimi?.fileId]);
  });

  test('a typo still finds the name', async () => {
    assert.deepEqual(files(await find('Petrneko')), [people.petrenko?.fileId]);
  });

  test('the result shows name, date of birth, nationality, file reference and location, nothing more', async () => {
    const search = await find('Petrenko');
    assert.equal(search.view, 'file');
    const [result] = search.results;
    assert.deepEqual(Object.keys(result ?? {}).sort(), ['birthDate', 'familyName', 'fileId', 'fileReference', 'givenNames', 'locationName', 'nationalities']);
    assert.deepEqual(result && 'nationalities' in result ? result.birthDate : undefined, { year: 1990, month: 3, day: 12 });
  });
});

describe('person search by other criteria', () => {
  test('partial dates of birth match what the file knows', async () => {
    assert.deepEqual(files(await find('1990')).sort(), [people.petrenko?.fileId, people.haddad?.fileId].sort());
    assert.deepEqual(files(await find('03.1990')).sort(), [people.petrenko?.fileId, people.haddad?.fileId].sort());
    // Haddad's file knows only March 1990: a full date in that month may be his.
    assert.deepEqual(files(await find('12.03.1990')).sort(), [people.petrenko?.fileId, people.haddad?.fileId].sort());
    assert.deepEqual(files(await find('1990-03-13')), [people.haddad?.fileId]);
    assert.deepEqual(files(await find('Petrenko 1990')), [people.petrenko?.fileId]);
    assert.deepEqual(files(await find('1985')), [people.kuznetsova?.fileId]);
  });

  test('file reference, AZR number, eAT card serial and e-mail', async () => {
    assert.deepEqual(files(await find('WZ-2024/00123')), [people.petrenko?.fileId]);
    assert.deepEqual(files(await find('wz-2024/001')), [people.petrenko?.fileId]);
    assert.deepEqual(files(await find('123456789012')), [people.petrenko?.fileId]);
    assert.deepEqual(files(await find('l01x00t47')), [people.petrenko?.fileId]);
    assert.deepEqual(files(await find('O.Petrenko@example.org')), [people.petrenko?.fileId]);
  });

  test('files of another location are not found', async () => {
    assert.deepEqual(files(await find('DI-2024/00999')), []);
    assert.deepEqual(files(await find('Olena')), []);
    const both = await actor('team_lead', [wetzlar, dillenburg]);
    assert.equal(files(await find('Petrenko', both)).length, 2);
  });
});

describe('who may search, and the audit', () => {
  test('reception sees only name, date of birth and appointments, and searches by name and date only', async () => {
    const reception = await actor('reception', [wetzlar]);
    const search = await find('Petrenko 1990', reception);
    assert.equal(search.view, 'identify');
    assert.deepEqual(Object.keys(search.results[0] ?? {}).sort(), ['appointments', 'birthDate', 'familyName', 'givenNames', 'personId']);
    await assert.rejects(find('WZ-2024/00123', reception), { code: 'validation_failed' });
  });

  test('an admin, whose role has no access to file contents, is refused', async () => {
    const admin = await actor('admin', [wetzlar]);
    await assert.rejects(find('Petrenko', admin), { code: 'forbidden' });
  });

  test('every result shown is audited with its person, in a way that outlives the file', async () => {
    const auditor = await actor('clerk', [wetzlar]);
    await find('Petrenko', auditor);
    const entries = await db
      .selectFrom('audit_entry')
      .innerJoin('audit_person', 'audit_person.id', 'audit_entry.person_id')
      .where('actor_staff_id', '=', auditor.staffId)
      .select(['action', 'target_type', 'target_id', 'audit_person.case_person_id', 'audit_person.label', 'at'])
      .execute();
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.target_type, entry.target_id, entry.case_person_id]),
      [['case_file.search_persons', 'case_file', people.petrenko?.fileId, people.petrenko?.personId]],
    );
    assert.equal(entries[0]?.label, 'Petrenko, Oleksandr (1990-03-12)');
    assert.deepEqual(entries[0]?.at, clock.now());
  });
});

describe('bad input', () => {
  test('a huge query is refused, an empty one finds nothing', async () => {
    await assert.rejects(find('a'.repeat(201)), { code: 'validation_failed' });
    await assert.rejects(find('aa bb cc dd ee ff gg'), { code: 'validation_failed' });
    assert.deepEqual(await find('   '), { view: 'file', results: [], terms: 0 });
  });

  test('odd characters and SQL-ish strings are searched as text, never as SQL', async () => {
    for (const query of ["'; DROP TABLE case_person; --", '%', '_', '\\', '%_%', '💥', 'Pet%', "O'Brien", '\u0000']) {
      const search = await find(query);
      assert.equal(search.view, 'file');
      if (query === 'Pet%') assert.deepEqual(files(search), [people.petrenko?.fileId]);
    }
    const count = await db
      .selectFrom('case_person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 5);
  });

  test('an impossible date of birth is refused', async () => {
    for (const query of ['00.00.1990', '31.02.1990', '1990-13', '1234']) await assert.rejects(find(query), { code: 'validation_failed' }, query);
  });
});
