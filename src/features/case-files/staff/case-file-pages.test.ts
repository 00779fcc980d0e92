import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, json } from '../../../../test/app.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { createApiToken } from '../../staff/index.ts';
import { seedStandardCatalogue } from '../procedure-types/seed-standard-catalogue.ts';
import { standardStatuses } from '../procedure-types/standard-statuses.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
const { db } = await createTestDatabase();
const app = createTestApp(db, { clock });
const office = await createOffice(db);
const other = await createOffice(db);
const types = await db.transaction().execute((trx) => seedStandardCatalogue(trx, clock.now()));
const at = [office.locationId];
const accounts = {
  admin: await addStaff(db, 'admin'),
  clerk: await addStaff(db, 'clerk', { locationIds: at }),
  foreign: await addStaff(db, 'clerk', { locationIds: [other.locationId] }),
  reception: await addStaff(db, 'reception', { locationIds: at }),
};
const file = await createPersonWithFile(db, { locationId: office.locationId, person: { familyName: 'Kovalenko', givenNames: 'Olena' } });
await db
  .insertInto('residence_title')
  .values({ person_id: file.personId, kind: 'temporary_protection', legal_basis: '§ 24 AufenthG', valid_until: '2027-02-28', created_at: clock.now() })
  .execute();
const browsers = new Map<string, Browser>();
async function as(who: keyof typeof accounts) {
  const existing = browsers.get(who);
  if (existing) return existing;
  const browser = new Browser(app);
  assert.equal((await browser.signIn(accounts[who].username)).status, 303);
  browsers.set(who, browser);
  return browser;
}

test('a clerk opens the file: person, title expiring within 4 months highlighted, documents section; the opening is audited', async () => {
  const response = await (await as('clerk')).get(`/staff/files/${file.fileId}`);
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /Kovalenko/);
  assert.match(html, /data-testid="title-expires-soon"/);
  assert.match(html, new RegExp(`<section id="documents"[^>]*>[\\s\\S]*href="/staff/files/${file.fileId}/documents"`));
  assert.match(html, /Noch keine Dokumente in dieser Akte\./, 'the file page lists its documents (none yet)');
  assert.ok(html.includes(`href="/staff/files/${file.fileId}/export.zip"`), 'and offers the xdomea export');
  assert.match(html, /name="basedOnVersion" value="1"/);
  const audit = await db.selectFrom('audit_entry').select('action').where('target_id', '=', file.fileId).where('action', '=', 'case_file.open').execute();
  assert.equal(audit.length, 1);
});

test('reception sees the name and appointments only; a clerk of another location 403; the admin sees the access log but not the file', async () => {
  const identity = await (await as('reception')).get(`/staff/files/${file.fileId}`);
  assert.equal(identity.status, 200);
  const html = await identity.text();
  assert.match(html, /Kovalenko, Olena/);
  assert.doesNotMatch(html, /AufenthG|Bahnhofstraße|basedOnVersion/);
  assert.equal((await (await as('foreign')).get(`/staff/files/${file.fileId}`)).status, 403);
  assert.equal((await (await as('admin')).get(`/staff/files/${file.fileId}`)).status, 403);
  const log = await (await as('admin')).get(`/staff/files/${file.fileId}/access-log`);
  assert.equal(log.status, 200);
  assert.match(await log.text(), /case_file\.open/);
  assert.equal((await (await as('clerk')).get(`/staff/files/${file.fileId}/access-log`)).status, 403);
});

test('forms: create a file, a stale save shows 409 with the changed fields, "00.00.1990" a 422 with the hint; what was typed stays', async () => {
  const clerk = await as('clerk');
  const created = await clerk.submit('/staff/files/new', '/staff/files', {
    reference: 'WZ-2026-1',
    locationId: office.locationId,
    familyName: 'حسینی',
    givenNames: 'مهر\u200cنوش',
    birthDate: '1990',
  });
  assert.equal(created.status, 303);
  const fileUrl = created.headers.get('location')!;
  const bad = await clerk.submit('/staff/files/new', '/staff/files', {
    reference: 'WZ-2026-2',
    locationId: office.locationId,
    familyName: 'Rezaei',
    givenNames: 'علی\u200cرضا',
    birthDate: '00.00.1990',
    addressCity: 'Dillenburg',
    nameVariants: 'Ali Reza\nAlireza',
  });
  assert.equal(bad.status, 422);
  const refused = await bad.text();
  assert.match(refused, /„1990“ oder „05.1990“/);
  for (const typed of ['value="WZ-2026-2"', 'value="Rezaei"', 'value="علی\u200cرضا"', 'value="00.00.1990"', 'value="Dillenburg"', 'Ali Reza\nAlireza'])
    assert.ok(refused.includes(typed), `the refused form keeps ${typed}`);
  const save = (fields: Record<string, string>) =>
    clerk.submit(fileUrl, `${fileUrl}/person`, { basedOnVersion: '1', familyName: 'حسینی', givenNames: 'مهر\u200cنوش', birthDate: '1990', ...fields });
  assert.equal((await save({ addressCity: 'Wetzlar' })).status, 303);
  const stale = await save({ phone: '0641 1234' });
  assert.equal(stale.status, 409);
  const conflict = await stale.text();
  assert.match(conflict, /Inzwischen geändert von [^:]+: Ort\./);
  assert.match(conflict, /<details open=""><summary>Personendaten ändern/, 'the refused form is open');
  assert.ok(conflict.includes('value="0641 1234"'), 'with the phone number the clerk typed');
  const note = await clerk.submit(fileUrl, `${fileUrl}/notes`, { text: `Rückruf erbeten ${'x'.repeat(4100)}` });
  assert.equal(note.status, 422);
  assert.ok((await note.text()).includes('Rückruf erbeten xxx'), 'a refused note keeps its text');
  const page = await (await clerk.get(fileUrl)).text();
  assert.match(page, /مهر\u200cنوش/);
});

test('a procedure is opened and its status changed on the page; the admin edits the catalogue', async () => {
  const clerk = await as('clerk');
  const page = `/staff/files/${file.fileId}`;
  assert.equal((await clerk.submit(page, `${page}/procedures`, { procedureTypeId: types.get('temporary-protection')! })).status, 303);
  const procedure = await db.selectFrom('case_procedure').select(['id', 'procedure_type_id']).where('file_id', '=', file.fileId).executeTakeFirstOrThrow();
  const next = await db
    .selectFrom('procedure_status')
    .select('id')
    .where('procedure_type_id', '=', procedure.procedure_type_id)
    .where('code', '=', 'ready')
    .executeTakeFirstOrThrow();
  assert.equal(
    (await clerk.submit(page, `/staff/procedures/${procedure.id}/status`, { statusId: next.id, basedOnVersion: '1', note: 'Karte da' })).status,
    303,
  );
  const html = await (await clerk.get(page)).text();
  assert.match(html, /Abholbereit/);
  assert.match(html, /Karte da/);

  const admin = await as('admin');
  const list = await admin.get('/staff/admin/procedure-types');
  assert.equal(list.status, 200);
  assert.match(await list.text(), /Verpflichtungserklärung/);
  assert.equal((await clerk.get('/staff/admin/procedure-types')).status, 403);
  const typeId = types.get('settlement')!;
  const typePage = `/staff/admin/procedure-types/${typeId}`;
  assert.equal((await admin.get(typePage)).status, 200);
  const saved = await admin.submit(typePage, `${typePage}/statuses`, {
    code: 'hearing',
    'texts.de.label': 'Anhörung',
    'texts.de.nextStep': 'Bitte antworten Sie auf unser Schreiben.',
    'texts.en.label': 'Hearing',
    'texts.en.nextStep': 'Please answer our letter.',
    notify: 'on',
  });
  assert.equal(saved.status, 303);
  const texts = await db
    .selectFrom('procedure_status')
    .innerJoin('procedure_status_text', 'procedure_status_text.procedure_status_id', 'procedure_status.id')
    .select(['lang', 'label', 'position', 'notify'])
    .where('procedure_type_id', '=', typeId)
    .where('code', '=', 'hearing')
    .orderBy('lang')
    .execute();
  assert.deepEqual(texts, [
    { lang: 'de', label: 'Anhörung', position: standardStatuses.length, notify: true },
    { lang: 'en', label: 'Hearing', position: standardStatuses.length, notify: true },
  ]);
});

test('API: ETag on read, 428 without If-Match, 412 on a stale one, 200 with the current one', async () => {
  const { token } = await createApiToken({ db, clock }, { staffId: accounts.clerk.id, name: 'test', role: 'clerk' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const read = await app.request(`/api/v1/persons/${file.personId}`, { headers });
  assert.equal(read.status, 200);
  const etag = read.headers.get('etag')!;
  const body = await json(read);
  const person = { ...body.person, birthDate: '17.05.1990', addressCity: 'Gießen' };
  const put = (extra: Record<string, string>) =>
    app.request(`/api/v1/persons/${file.personId}`, { method: 'PUT', headers: { ...headers, ...extra }, body: JSON.stringify(person) });
  assert.equal((await put({})).status, 428);
  assert.equal((await put({ 'if-match': etag })).status, 200);
  const stale = await put({ 'if-match': etag });
  assert.equal(stale.status, 412);
  assert.deepEqual((await json(stale)).changedFields, ['addressCity']);
  const foreign = await createApiToken({ db, clock }, { staffId: accounts.foreign.id, name: 'test', role: 'clerk' });
  assert.equal((await app.request(`/api/v1/persons/${file.personId}`, { headers: { authorization: `Bearer ${foreign.token}` } })).status, 403);
  const opened = await app.request(`/api/v1/case-files/${file.fileId}/procedures`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ procedureTypeId: types.get('eat-transfer') }),
  });
  assert.equal(opened.status, 201);
  const procedure = await json(opened);
  const status = await db
    .selectFrom('procedure_status')
    .select('id')
    .where('procedure_type_id', '=', types.get('eat-transfer')!)
    .where('code', '=', 'in_review')
    .executeTakeFirstOrThrow();
  const change = (ifMatch: string) =>
    app.request(`/api/v1/procedures/${procedure.id}/status-changes`, {
      method: 'POST',
      headers: { ...headers, 'if-match': ifMatch },
      body: JSON.stringify({ statusId: status.id }),
    });
  const changed = await change(opened.headers.get('etag')!);
  assert.equal(changed.status, 200);
  assert.equal(changed.headers.get('etag'), '"2"');
  assert.equal((await change('"1"')).status, 412);
  const invalid = await app.request('/api/v1/case-files', {
    method: 'POST',
    headers,
    body: JSON.stringify({ reference: 'A', locationId: office.locationId, person: { familyName: 'X', birthDate: '00.00.1990' } }),
  });
  assert.equal(invalid.status, 422);
});

test('the OpenAPI document describes the case file API with If-Match', async () => {
  const doc = await json(await app.request('/api/openapi.json'));
  for (const path of [
    '/api/v1/case-files',
    '/api/v1/persons/{personId}',
    '/api/v1/case-files/{fileId}/procedures',
    '/api/v1/procedures/{procedureId}/status-changes',
  ]) {
    assert.ok(doc.paths[path], path);
  }
  assert.ok(doc.paths['/api/v1/persons/{personId}'].put.parameters.some((p: { name: string }) => p.name === 'if-match'));
  assert.ok(doc.paths['/api/v1/persons/{personId}'].put.responses['412']);
});

test('a clerk removes a family link from the file page; a second click shows the file again with "not linked any more"', async () => {
  const clerk = await as('clerk');
  const child = await createPersonWithFile(db, { locationId: office.locationId, person: { familyName: 'Kovalenko', givenNames: 'Marko' } });
  const fileUrl = `/staff/files/${file.fileId}`;
  assert.equal((await clerk.submit(fileUrl, `${fileUrl}/family`, { relatedReference: child.reference, relation: 'child' })).status, 303);
  const page = await (await clerk.get(fileUrl)).text();
  assert.ok(page.includes(`action="${fileUrl}/family/remove"`), 'each relative has a remove button');
  assert.ok(page.includes(`name="relatedPersonId" value="${child.personId}"`));
  assert.equal((await clerk.submit(fileUrl, `${fileUrl}/family/remove`, { relatedPersonId: child.personId })).status, 303);
  const again = await clerk.submit(fileUrl, `${fileUrl}/family/remove`, { relatedPersonId: child.personId });
  assert.equal(again.status, 409);
  assert.match(await again.text(), /Diese Verknüpfung besteht nicht \(mehr\)/);
  const left = await db.selectFrom('family_link').select('relation').where('person_id', 'in', [file.personId, child.personId]).execute();
  assert.deepEqual(left, []);
});
