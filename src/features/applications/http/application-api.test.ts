import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { createApplicationOffice } from '../../../../test/application-fixtures.ts';
import { createTestApp, createTestJobs, json } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { addStaff } from '../../../../test/staff.ts';
import { pdfWithText } from '../../../demo/demo-documents.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { translate } from '../../../web/i18n.ts';
import { loadStaffActor } from '../../staff/session-store.ts';
import { publishFormVersion } from '../publish-form-version.ts';
import { saveFormDraft } from '../save-form-draft.ts';
import { versionById } from '../form-store.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const office = await createApplicationOffice(db, clock);
// A small upload limit, so that "too large" needs no large body.
const app = createTestApp(db, {
  clock,
  blobs: office.blobs,
  jobs: createTestJobs(url),
  publicUrl: 'http://localhost',
  uploadMaxBytes: 1024 * 1024,
  portal: { applicationStartsPerIpPerHour: 1000 },
});
const passportPdf = await pdfWithText(['Паспорт громадянина України']);

const person = { family_name: 'Коваленко', given_names: 'Олена', birth_date: '17.05.1990', nationality: 'ua' };
const stay = { in_ukraine_on_24_02_2022: 'yes', entry_date: '03.03.2022', address: { street: 'Bahnhofstraße 3', postalCode: '35578', city: 'Wetzlar' } };

const call = (path: string, init: { method?: string; body?: unknown; lang?: string; headers?: Record<string, string>; raw?: BodyInit } = {}) =>
  app.request(path, {
    method: init.method ?? 'GET',
    headers: {
      'accept-language': init.lang ?? 'uk',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });

async function start(form = 'temporary-protection') {
  const response = await call('/api/v1/applications', { method: 'POST', body: { form, language: 'uk' } });
  assert.equal(response.status, 201);
  return (await json(response)) as { id: string; token: string; formVersionId: string; formVersion: number; continueUrl: string };
}
const read = async (token: string, lang = 'uk') => json(await call(`/api/v1/applications/${token}`, { lang }));
const save = (token: string, step: string, answers: Record<string, unknown>, based: { formVersionId: string; revision: number }) =>
  call(`/api/v1/applications/${token}/steps/${step}`, { method: 'PUT', body: { ...based, answers } });
const upload = (token: string, bytes: Uint8Array | string, fileName = 'pass.pdf', type = 'application/pdf') =>
  call(`/api/v1/applications/${token}/fields/passport/uploads?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    raw: typeof bytes === 'string' ? bytes : Uint8Array.from(bytes),
    headers: { 'content-type': type },
  });

/** Started, with the three steps before the documents answered. */
async function answered(who: Record<string, unknown> = person) {
  const started = await start();
  let revision = 1;
  for (const [step, answers] of [
    ['person', who],
    ['stay', stay],
    ['family', {}],
  ] as const) {
    const response = await save(started.token, step, answers, { formVersionId: started.formVersionId, revision });
    assert.equal(response.status, 200, `${step}: ${JSON.stringify(await response.clone().json())}`);
    revision = (await json(response)).revision;
  }
  return { ...started, revision };
}

const count = async (table: 'application_upload' | 'case_procedure' | 'case_person' | 'case_document' | 'blob' | 'application') =>
  Number((await db.selectFrom(table).select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

test('the published forms and a version’s definition, with the texts in the language asked for and German marked where untranslated', async () => {
  const forms = await json(await call('/api/v1/application-forms'));
  const protection = forms.forms.find((f: { slug: string }) => f.slug === 'temporary-protection');
  assert.equal(protection.title.lang, 'uk');
  assert.equal(protection.translation, 'current');
  const version = await json(await call(`/api/v1/application-forms/temporary-protection/versions/${protection.version}`));
  assert.equal(version.state, 'published');
  assert.ok(Array.isArray(version.definition.steps));
  assert.equal(version.texts['field.family_name.label'].lang, 'uk');
  // The demo forms are translated into every portal language: without its French translation, a version shows the German text.
  await db.deleteFrom('application_form_text').where('form_version_id', '=', protection.versionId).where('lang', '=', 'fr').execute();
  const french = await json(await call(`/api/v1/application-forms/temporary-protection/versions/${protection.version}`, { lang: 'fr' }));
  assert.equal(french.translation, 'missing');
  const german = await json(await call(`/api/v1/application-forms/temporary-protection/versions/${protection.version}`, { lang: 'de' }));
  assert.deepEqual(french.texts.title, german.texts.title, 'no French text: the German one, marked as German');
  assert.equal(french.texts.title.lang, 'de');
  assert.equal((await call('/api/v1/application-forms/temporary-protection/versions/99')).status, 404);
  const unknown = await call('/api/v1/application-forms/no-such-form/versions/1');
  assert.equal(unknown.status, 404);
  assert.match(unknown.headers.get('content-type') ?? '', /application\/problem\+json/);
});

test('start → save → upload → submit → read: a § 24 application over the API, in Ukrainian', async () => {
  const started = await answered();
  assert.match(started.token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(started.continueUrl, `http://localhost/uk/apply/temporary-protection/a/${started.token}`);
  const uploaded = await upload(started.token, passportPdf);
  assert.equal(uploaded.status, 201);
  const draft = await read(started.token);
  assert.equal(draft.state, 'draft');
  assert.equal(draft.formVersionId, started.formVersionId);
  assert.equal(draft.answers.family_name, 'Коваленко');
  assert.equal(draft.answers.birth_date, '1990-05-17');
  assert.deepEqual(
    draft.uploads.map((u: { field: string; fileName: string; mediaType: string; pages: number }) => [u.field, u.fileName, u.mediaType, u.pages]),
    [['passport', 'pass.pdf', 'application/pdf', 1]],
  );
  assert.deepEqual(draft.problems, []);
  assert.deepEqual(draft.steps, ['person', 'stay', 'family', 'documents']);
  const resaved = await save(started.token, 'family', {}, { formVersionId: started.formVersionId, revision: draft.revision });
  assert.equal(resaved.headers.get('cache-control'), 'no-store', 'answers are personal data: no cache keeps them');
  const procedures = await count('case_procedure');
  const submitted = await call(`/api/v1/applications/${started.token}/submission`, { method: 'POST' });
  assert.equal(submitted.status, 200);
  const receipt = await json(submitted);
  assert.match(receipt.procedureNumber, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
  assert.equal(receipt.fiktionNote, true);
  assert.equal(await count('case_procedure'), procedures + 1);
  const after = await read(started.token);
  assert.equal(after.state, 'submitted');
  assert.equal(after.procedureNumber, receipt.procedureNumber);
  const pdf = await call(`/api/v1/applications/${started.token}/receipt`);
  assert.equal(pdf.status, 200);
  assert.equal(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 4)
      .toString(),
    '%PDF',
  );
  const late = await save(started.token, 'person', person, { formVersionId: started.formVersionId, revision: after.revision });
  assert.equal(late.status, 409, 'a submitted application no longer changes');
  assert.equal((await json(late)).problem, 'submitted');
});

test('answers breaking the rules: 422 with each problem in the reader’s language (the form’s own rule messages translated); nothing stored', async () => {
  const started = await start();
  const refused = await save(
    started.token,
    'person',
    { ...person, family_name: '', birth_date: '00.00.1990' },
    { formVersionId: started.formVersionId, revision: 1 },
  );
  assert.equal(refused.status, 422);
  const problem = await json(refused);
  assert.equal(problem.detail, translate('uk', 'portal.form.errors'));
  assert.deepEqual(
    problem.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    [
      ['family_name', translate('uk', 'apply.error.required')],
      ['birth_date', translate('uk', 'apply.error.date')],
    ],
  );
  const arabic = await call(`/api/v1/applications/${started.token}/steps/person`, {
    method: 'PUT',
    lang: 'ar',
    body: { formVersionId: started.formVersionId, revision: 1, answers: { ...person, family_name: '' } },
  });
  assert.equal((await json(arabic)).errors[0].message, translate('ar', 'apply.error.required'));
  const kept = await read(started.token);
  assert.deepEqual([kept.revision, kept.answers], [1, {}], 'nothing was written');
  assert.equal((await save(started.token, 'person', person, { formVersionId: started.formVersionId, revision: 1 })).status, 200);
  const early = await save(started.token, 'stay', { ...stay, entry_date: '01.02.2022' }, { formVersionId: started.formVersionId, revision: 2 });
  assert.equal(early.status, 422);
  assert.deepEqual((await json(early)).errors, [{ path: 'entry_date', message: 'Дата в’їзду має бути 24.02.2022 або пізніше.' }]);
  const incomplete = await call(`/api/v1/applications/${started.token}/submission`, { method: 'POST' });
  assert.equal(incomplete.status, 422);
  const missing = await json(incomplete);
  assert.equal(missing.problem, 'incomplete');
  assert.ok(missing.errors.some((e: { path: string; message: string }) => e.path === 'passport' && e.message === translate('uk', 'apply.error.file_required')));
  assert.equal((await read(started.token)).state, 'draft');
});

test('tampered input: fields the step does not show are dropped, an unknown step or a wrong shape is refused, a stale revision is a 409', async () => {
  const started = await start();
  const saved = await save(
    started.token,
    'person',
    { ...person, is_admin: true, entry_date: '03.03.2022' },
    { formVersionId: started.formVersionId, revision: 1 },
  );
  assert.equal(saved.status, 200);
  const { answers } = await read(started.token);
  assert.equal(answers.is_admin, undefined, 'a field not in the form is not stored');
  assert.equal(answers.entry_date, undefined, 'a field of another step is not stored');
  const noStep = await save(started.token, 'no_such_step', person, { formVersionId: started.formVersionId, revision: 2 });
  assert.equal(noStep.status, 422);
  assert.equal((await json(noStep)).problem, 'tampered');
  const badShape = await call(`/api/v1/applications/${started.token}/steps/person`, {
    method: 'PUT',
    body: { formVersionId: started.formVersionId, revision: 'two', answers: person },
  });
  assert.equal(badShape.status, 422);
  const stale = await save(started.token, 'person', { ...person, given_names: 'Ганна' }, { formVersionId: started.formVersionId, revision: 1 });
  assert.equal(stale.status, 409);
  const conflict = await json(stale);
  assert.equal(conflict.problem, 'stale');
  assert.equal(conflict.detail, `${translate('uk', 'portal.problem.apply_stale.title')}. ${translate('uk', 'portal.problem.apply_stale.text')}`);
  assert.equal((await read(started.token)).answers.given_names, 'Олена', 'the stale save overwrote nothing');
  const unknown = await call(`/api/v1/applications/${'x'.repeat(43)}`, { lang: 'ar' });
  assert.equal(unknown.status, 404);
  assert.equal(
    (await json(unknown)).detail,
    `${translate('ar', 'portal.problem.apply_unknown.title')}. ${translate('ar', 'portal.problem.apply_unknown.text')}`,
  );
  const noForm = await call('/api/v1/applications', { method: 'POST', body: { form: 'no-such-form', language: 'uk' } });
  assert.equal(noForm.status, 404);
  const badMail = await call('/api/v1/applications', { method: 'POST', body: { form: 'temporary-protection', language: 'uk', email: 'not-an-address' } });
  assert.equal(badMail.status, 422);
  assert.equal((await json(badMail)).detail, translate('uk', 'apply.error.email'));
});

test('uploads are checked by content as in the portal: 0 bytes, too large, a renamed .exe, a PDF with JavaScript; nothing is kept', async () => {
  const { token } = await answered();
  const before = { uploads: await count('application_upload'), blobs: await count('blob') };
  const folder = (office.blobs.describe().match(/\/\S+/) ?? [''])[0];
  const stagedBefore = await fs.readdir(`${folder}/tmp`).catch(() => []);
  const refusals: [Response, number, string][] = [];
  refusals.push([await upload(token, new Uint8Array(0)), 422, 'empty']);
  refusals.push([await upload(token, new Uint8Array(1536 * 1024).fill(65)), 413, 'too_large']);
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(400)]);
  refusals.push([await upload(token, exe), 422, 'wrong_kind']);
  const scripted =
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  refusals.push([await upload(token, scripted), 422, 'pdf_script']);
  refusals.push([await upload(token, '%PDF-1.4\nbroken'), 422, 'pdf_damaged']);
  for (const [response, status, problem] of refusals) {
    assert.equal(response.status, status, problem);
    const body = await json(response);
    assert.equal(body.problem, problem);
    assert.equal(body.detail, translate('uk', `apply.upload.${problem}`, { max: Number(body.max) || 0 }), `${problem} in Ukrainian`);
  }
  // Bytes no other test uploads: their blob row is new.
  assert.equal((await upload(token, await pdfWithText(['Reisepass (Upload-Prüfung)']), 'pass.pdf')).status, 201);
  const notAFileField = await call(`/api/v1/applications/${token}/fields/family_name/uploads?fileName=x.pdf`, {
    method: 'POST',
    raw: Uint8Array.from(passportPdf),
    headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(notAFileField.status, 422);
  assert.equal(await count('application_upload'), before.uploads + 1, 'only the accepted upload has a row');
  assert.equal(await count('blob'), before.blobs + 1);
  assert.deepEqual(await fs.readdir(`${folder}/tmp`).catch(() => []), stagedBefore, 'no staged bytes left behind');
  const [added] = (await read(token)).uploads;
  assert.equal((await call(`/api/v1/applications/${token}/uploads/${added.id}`, { method: 'DELETE' })).status, 204);
  assert.deepEqual((await read(token)).uploads, []);
});

test('submitted twice at the same moment over the API: one procedure, one person, the same receipt for both', async () => {
  // Nobody else has this name and date of birth: a new person.
  const { token } = await answered({ ...person, given_names: 'Марія', birth_date: '02.02.1988' });
  assert.equal((await upload(token, passportPdf)).status, 201);
  const before = { procedures: await count('case_procedure'), persons: await count('case_person'), documents: await count('case_document') };
  const [first, second] = await Promise.all([
    call(`/api/v1/applications/${token}/submission`, { method: 'POST' }),
    call(`/api/v1/applications/${token}/submission`, { method: 'POST' }),
  ]);
  assert.deepEqual([first.status, second.status], [200, 200]);
  const [a, b] = [await json(first), await json(second)];
  assert.equal(a.procedureNumber, b.procedureNumber);
  const retry = await json(await call(`/api/v1/applications/${token}/submission`, { method: 'POST' }));
  assert.equal(retry.procedureNumber, a.procedureNumber, 'a retry later gets the same receipt');
  assert.deepEqual(
    { procedures: await count('case_procedure'), persons: await count('case_person'), documents: await count('case_document') },
    { procedures: before.procedures + 1, persons: before.persons + 1, documents: before.documents + 2 },
  );
});

test('the form changed meanwhile: answers for another version are a 409 with a clear message; the application keeps its version', async () => {
  const started = await start();
  const form = await db
    .selectFrom('application_form')
    .select(['id', 'location_id', 'procedure_type_id'])
    .where('slug', '=', 'temporary-protection')
    .executeTakeFirstOrThrow();
  const v1 = (await versionById(db, started.formVersionId))!;
  const admin = await addStaff(db, 'admin');
  const ctx = { actor: (await loadStaffActor(db, admin.id, 'session'))!, screen: 'test', ip: undefined };
  const definition = structuredClone(v1.definition) as unknown as { steps: { fields: unknown[] }[] };
  definition.steps[0]!.fields.push({ key: 'phone', kind: 'text', maxLength: 40 });
  const draft = await saveFormDraft({ db, clock }, ctx, {
    formId: form.id,
    slug: 'temporary-protection',
    locationId: form.location_id,
    procedureTypeId: form.procedure_type_id,
    definition,
    texts: { ...v1.texts, 'field.phone.label': 'Telefonnummer' },
  });
  await publishFormVersion({ db, clock }, ctx, { formId: form.id, versionId: draft.versionId, basedOnRevision: draft.revision });
  const published = (await json(await call('/api/v1/application-forms'))).forms.find((f: { slug: string }) => f.slug === 'temporary-protection');
  assert.equal(published.version, v1.number + 1);
  const changed = await save(started.token, 'person', { ...person, phone: '0151' }, { formVersionId: published.versionId, revision: 1 });
  assert.equal(changed.status, 409);
  const problem = await json(changed);
  assert.equal(problem.problem, 'form_changed');
  assert.equal(problem.detail, `${translate('uk', 'portal.problem.apply_form_changed.title')}. ${translate('uk', 'portal.problem.apply_form_changed.text')}`);
  assert.equal((await read(started.token)).revision, 1, 'nothing was saved');
  const retired = await json(await call(`/api/v1/application-forms/temporary-protection/versions/${v1.number}`));
  assert.equal(retired.state, 'retired', 'the version the application stays on can still be read');
  assert.equal((await save(started.token, 'person', person, { formVersionId: started.formVersionId, revision: 1 })).status, 200);
});

test('the operations are in the OpenAPI document, with their problem answers', async () => {
  const doc = await json(await call('/api/openapi.json'));
  const operations = {
    '/api/v1/application-forms': ['get'],
    '/api/v1/application-forms/{slug}/versions/{version}': ['get'],
    '/api/v1/applications': ['post'],
    '/api/v1/applications/{token}': ['get'],
    '/api/v1/applications/{token}/steps/{step}': ['put'],
    '/api/v1/applications/{token}/fields/{field}/uploads': ['post'],
    '/api/v1/applications/{token}/uploads/{uploadId}': ['delete'],
    '/api/v1/applications/{token}/submission': ['post'],
    '/api/v1/applications/{token}/receipt': ['get'],
  };
  for (const [path, methods] of Object.entries(operations)) for (const method of methods) assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  assert.ok(doc.paths['/api/v1/applications'].post.responses['429'].content['application/problem+json']);
  assert.ok(doc.paths['/api/v1/applications/{token}/steps/{step}'].put.responses['409']);
  assert.ok(doc.components.schemas.Application && doc.components.schemas.ApplicationFormVersion);
});
