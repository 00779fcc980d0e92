import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { createApplicationOffice } from '../../../test/application-fixtures.ts';
import { createTestJobs } from '../../../test/app.ts';
import { bytesOf, generatedBytes } from '../../../test/case-document-fixtures.ts';
import { createPersonWithFile } from '../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { pdfWithText } from '../../demo/demo-documents.ts';
import { isAppError } from '../../shared/app-error.ts';
import { fixedClock } from '../../shared/clock.ts';
import { addUpload } from './add-upload.ts';
import { tokenHash } from './application-store.ts';
import { saveAnswers } from './save-answers.ts';
import { startApplication } from './start-application.ts';
import { submitApplication } from './submit-application.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const office = await createApplicationOffice(db, clock);
const deps = { db, clock, blobs: office.blobs, uploadMaxBytes: 100 * 1024 * 1024, jobs: createTestJobs(url), publicUrl: 'https://termine.example.org' };
const passportPdf = await pdfWithText(['Reisepass']);

const person = { family_name: 'Коваленко', given_names: 'Олена', birth_date: '17.05.1990', nationality: 'ua' };
const stay = { in_ukraine_on_24_02_2022: 'yes', entry_date: '03.03.2022', address: { street: 'Bahnhofstraße 3', postalCode: '35578', city: 'Wetzlar' } };

async function started(answers: { person?: Record<string, unknown> } = {}) {
  const { token, formVersionId } = await startApplication(deps, { slug: 'temporary-protection', lang: 'uk' });
  let revision = 1;
  for (const [stepKey, stepAnswers] of [
    ['person', answers.person ?? person],
    ['stay', stay],
    ['family', {}],
  ] as const) {
    const saved = await saveAnswers(deps, { token, stepKey, formVersionId, basedOnRevision: revision, answers: stepAnswers });
    assert.ok(saved.saved, JSON.stringify(saved));
    revision = saved.revision;
  }
  return { token, formVersionId, revision };
}

const upload = (token: string, body: AsyncIterable<Uint8Array>, fileName = 'pass.pdf', fieldKey = 'passport') =>
  addUpload(deps, { token, fieldKey, upload: { body, fileName, declaredType: undefined } });

const problemOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, problem: error.details?.problem };
    throw error;
  }
  assert.fail('expected a refusal');
};
const count = async (table: 'application_upload' | 'case_procedure' | 'case_person' | 'case_document') =>
  Number((await db.selectFrom(table).select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

test('submitted twice at once (a double click): one procedure, one person, the same receipt for both', async () => {
  const { token } = await started();
  await upload(token, bytesOf(passportPdf));
  const before = { procedures: await count('case_procedure'), persons: await count('case_person') };
  const [first, second] = await Promise.all([submitApplication(deps, { token }), submitApplication(deps, { token })]);
  assert.equal(first.procedureNumber, second.procedureNumber);
  assert.equal(await count('case_procedure'), before.procedures + 1);
  assert.equal(await count('case_person'), before.persons + 1);
  const retried = await submitApplication(deps, { token });
  assert.equal(retried.procedureNumber, first.procedureNumber, 'a retry later gets the receipt again');
  assert.equal(await count('case_procedure'), before.procedures + 1);
});

test('an incomplete application is refused with every missing answer, and nothing is written', async () => {
  const { token } = await started();
  const before = { procedures: await count('case_procedure'), persons: await count('case_person'), documents: await count('case_document') };
  const refused = await problemOf(submitApplication(deps, { token }));
  assert.deepEqual(refused, { code: 'validation_failed', problem: 'incomplete' });
  assert.deepEqual({ procedures: await count('case_procedure'), persons: await count('case_person'), documents: await count('case_document') }, before);
  const row = await db.selectFrom('application').select('state').where('procedure_id', 'is', null).executeTakeFirstOrThrow();
  assert.equal(row.state, 'draft');
});

test('the person is found by name and date of birth in any script; a near match is flagged for a clerk', async () => {
  const existing = await createPersonWithFile(db, {
    locationId: office.locationId,
    person: { familyName: 'Shevchenko', givenNames: 'Taras', birthDate: { year: 1990, month: 5, day: 17 } },
  });
  const { token } = await started({ person: { ...person, family_name: 'Шевченко', given_names: 'Тарас' } });
  await upload(token, bytesOf(passportPdf));
  await submitApplication(deps, { token });
  const found = await db.selectFrom('application').select(['person_id', 'person_match']).where('person_id', '=', existing.personId).executeTakeFirst();
  assert.deepEqual(found, { person_id: existing.personId, person_match: 'found' });

  const sibling = await started({ person: { ...person, family_name: 'Шевченко', given_names: 'Оксана' } });
  await upload(sibling.token, bytesOf(passportPdf));
  const persons = await count('case_person');
  await submitApplication(deps, { token: sibling.token });
  assert.equal(await count('case_person'), persons + 1, 'an uncertain match gets a new person …');
  const flagged = await db
    .selectFrom('application')
    .select(['person_match', 'match_candidates'])
    .where('person_match', '=', 'uncertain')
    .executeTakeFirstOrThrow();
  assert.ok(flagged.match_candidates.includes(existing.personId), '… with the candidates for a clerk to confirm');
});

test('a tampered hidden field changes nothing; a tampered revision and another form version are refused', async () => {
  const { token, formVersionId, revision } = await started();
  // ukrainian_permanent_title is only asked of non-Ukrainians: posted anyway, it is dropped.
  const saved = await saveAnswers(deps, {
    token,
    stepKey: 'stay',
    formVersionId,
    basedOnRevision: revision,
    answers: { ...stay, ukrainian_permanent_title: 'yes', not_a_field: 'x' },
  });
  assert.ok(saved.saved);
  assert.equal('ukrainian_permanent_title' in saved.answers, false);
  assert.equal('not_a_field' in saved.answers, false);
  assert.deepEqual(await problemOf(saveAnswers(deps, { token, stepKey: 'stay', formVersionId, basedOnRevision: 'abc', answers: stay })), {
    code: 'validation_failed',
    problem: 'tampered',
  });
  assert.deepEqual(await problemOf(saveAnswers(deps, { token, stepKey: 'stay', formVersionId, basedOnRevision: revision, answers: stay })), {
    code: 'conflict',
    problem: 'stale',
  });
  assert.deepEqual(
    await problemOf(saveAnswers(deps, { token, stepKey: 'stay', formVersionId: crypto.randomUUID(), basedOnRevision: saved.revision, answers: stay })),
    {
      code: 'conflict',
      problem: 'form_changed',
    },
  );
});

test('a published version never changes: the database refuses, and applications keep their version', async () => {
  const version = await db.selectFrom('application_form_version').select(['id', 'definition']).where('state', '=', 'published').executeTakeFirstOrThrow();
  await assert.rejects(
    db
      .updateTable('application_form_version')
      .set({ definition: JSON.stringify({ steps: [] }) })
      .where('id', '=', version.id)
      .execute(),
    /published and cannot change/,
  );
  await assert.rejects(db.updateTable('application_form_version').set({ state: 'draft', published_at: null }).where('id', '=', version.id).execute());
});

test('uploads are checked by content: empty, too large, a renamed .exe, a PDF with JavaScript, too many files; nothing is kept', async () => {
  const { token } = await started();
  const stagedBefore = await fs.readdir(`${(office.blobs.describe().match(/\/\S+/) ?? [''])[0]}/tmp`).catch(() => []);
  assert.deepEqual(await problemOf(upload(token, bytesOf(new Uint8Array(0)))), { code: 'validation_failed', problem: 'empty' });
  assert.deepEqual(await problemOf(upload(token, generatedBytes(200 * 1024 * 1024))), { code: 'payload_too_large', problem: 'too_large' });
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(400)]);
  assert.deepEqual(await problemOf(upload(token, bytesOf(exe), 'pass.pdf')), { code: 'validation_failed', problem: 'wrong_kind' });
  const scripted = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  assert.deepEqual(await problemOf(upload(token, bytesOf(scripted))), { code: 'validation_failed', problem: 'pdf_script' });
  assert.deepEqual(await problemOf(upload(token, bytesOf('just some text'), 'notes.txt')), { code: 'validation_failed', problem: 'wrong_kind' });
  const rows = await db
    .selectFrom('application_upload')
    .innerJoin('application', 'application.id', 'application_upload.application_id')
    .select('application_upload.id')
    .where('application.token_hash', '=', tokenHash(token))
    .execute();
  assert.equal(rows.length, 0, 'no refused upload left a row');
  await upload(token, bytesOf(passportPdf));
  await upload(token, bytesOf(passportPdf));
  assert.deepEqual(await problemOf(upload(token, bytesOf(passportPdf))), { code: 'validation_failed', problem: 'too_many_files' });
  const stagedAfter = await fs.readdir(`${(office.blobs.describe().match(/\/\S+/) ?? [''])[0]}/tmp`).catch(() => []);
  assert.deepEqual(stagedAfter, stagedBefore, 'no staged bytes left behind');
});
