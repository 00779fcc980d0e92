import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApplicationOffice, temporaryProtectionAnswers } from '../../../../test/application-fixtures.ts';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { PortalClient } from '../../../../test/portal/portal-client.ts';
import { pdfWithText } from '../../../demo/demo-documents.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { translate } from '../../../web/i18n.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const office = await createApplicationOffice(db, clock);
const app = createTestApp(db, { clock, blobs: office.blobs, jobs: createTestJobs(url), publicUrl: 'http://localhost' });

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

async function multipart(client: PortalClient, path: string, file: { name: string; type: string; bytes: Uint8Array }) {
  const form = new FormData();
  form.append('file', new Blob([Uint8Array.from(file.bytes)], { type: file.type }), file.name);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await app.request(path, { method: 'POST', body: form, headers: { cookie, origin: 'http://localhost' } });
  return { status: response.status, location: response.headers.get('location') ?? '' };
}

async function startInUkrainian(client: PortalClient) {
  const start = await client.get('/uk/apply/temporary-protection');
  assert.equal(start.status, 200);
  assert.match(start.html, /<html lang="uk" dir="ltr">/);
  const started = await client.post('/uk/apply/temporary-protection', start.html, { email: 'olena@example.org' });
  assert.equal(started.status, 303);
  assert.match(started.location ?? '', /^\/uk\/apply\/temporary-protection\/a\/[A-Za-z0-9_-]{43}\/1$/);
  return started.location!.replace(/\/1$/, '');
}

async function step(client: PortalClient, base: string, number: number, fields: Record<string, string>, go = 'next') {
  const page = await client.get(`${base}/${number}`);
  assert.equal(page.status, 200, `step ${number}`);
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page.html)?.[1] ?? '';
  return client.post(`${base}/${number}`, page.html, { formVersionId: hidden('formVersionId'), revision: hidden('revision'), go, ...fields });
}

test('a § 24 application in Ukrainian from start to receipt: person, file, procedure, documents, receipt PDF', async () => {
  const client = new PortalClient(app);
  const base = await startInUkrainian(client);
  assert.equal((await step(client, base, 1, temporaryProtectionAnswers.person)).location, `${base}/2`);
  assert.equal((await step(client, base, 2, temporaryProtectionAnswers.stay)).location, `${base}/3`);
  assert.equal((await step(client, base, 3, temporaryProtectionAnswers.family)).location, `${base}/4`);
  const documents = await client.get(`${base}/4`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(documents.html)?.[1] ?? '';
  const uploaded = await multipart(client, `${base}/upload/passport?_csrf=${encodeURIComponent(csrf)}&step=4`, {
    name: 'pass.pdf',
    type: 'application/pdf',
    bytes: await pdfWithText(['Паспорт громадянина України']),
  });
  assert.equal(uploaded.location, `${base}/4`);
  assert.equal((await step(client, base, 4, {})).location, `${base}/review`);
  const review = await client.get(`${base}/review`);
  assert.ok(decode(review.html).includes('Коваленко'));
  assert.ok(review.html.includes('pass.pdf'));
  const submitted = await client.post(`${base}/submit`, review.html, {});
  assert.equal(submitted.location, `${base}/receipt`);
  const receipt = await client.get(`${base}/receipt`);
  const number = /data-procedure-number[^>]*>([A-Z0-9-]+)</.exec(receipt.html)?.[1];
  assert.match(number ?? '', /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
  assert.ok(decode(receipt.html).includes('§ 81 абз. 3'), 'the office’s note on the continued stay, in Ukrainian');
  const procedure = await db
    .selectFrom('case_procedure')
    .innerJoin('case_file', 'case_file.id', 'case_procedure.file_id')
    .innerJoin('case_person', 'case_person.id', 'case_file.person_id')
    .innerJoin('procedure_type', 'procedure_type.id', 'case_procedure.procedure_type_id')
    .select(['case_procedure.id', 'case_person.family_name', 'case_person.birth_year', 'procedure_type.code', 'case_file.id as file_id'])
    .where('case_procedure.number', '=', number!)
    .executeTakeFirstOrThrow();
  assert.equal(procedure.family_name, 'Коваленко');
  assert.equal(procedure.birth_year, 1990);
  assert.equal(procedure.code, 'temporary-protection');
  const documentsInFile = await db
    .selectFrom('case_document')
    .select(['title', 'category', 'procedure_id'])
    .where('file_id', '=', procedure.file_id)
    .orderBy('category')
    .execute();
  assert.deepEqual(
    documentsInFile.map((d) => [d.category, d.procedure_id]),
    [
      ['application', procedure.id],
      ['evidence', procedure.id],
    ],
  );
  const pdf = await app.request(`${base}/receipt.pdf`, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 4)
      .toString(),
    '%PDF',
  );
});

test('answers failing the rules: the step shows the problems in the reader’s language and stores nothing', async () => {
  const client = new PortalClient(app);
  const base = await startInUkrainian(client);
  const refused = await step(client, base, 1, { ...temporaryProtectionAnswers.person, 'a.birth_date': '00.00.1990', 'a.family_name': '' });
  assert.equal(refused.status, 422);
  assert.ok(decode(refused.html).includes(translate('uk', 'apply.error.required')));
  assert.ok(decode(refused.html).includes(translate('uk', 'apply.error.date')));
  await step(client, base, 1, temporaryProtectionAnswers.person);
  const early = await step(client, base, 2, { ...temporaryProtectionAnswers.stay, 'a.entry_date': '01.02.2022' });
  assert.equal(early.status, 422);
  assert.ok(decode(early.html).includes('Дата в’їзду має бути 24.02.2022 або пізніше.'), 'the form’s own rule message, translated');
});
