import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { procedureWithPerson } from '../../../../test/status-lookup-fixture.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { lookUpStatus } from '../look-up-status.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T09:00:00Z');
const jobs = createTestJobs(url);
const app = createTestApp(db, { url, jobs, clock });
const office = await createOffice(db);
const other = await createOffice(db);
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const foreign = await addStaff(db, 'clerk', { locationIds: [other.locationId] });
const p = await procedureWithPerson(db, { locationId: office.locationId, now: clock.now() });
const deps = { db, clock, timeZone: 'Europe/Berlin' };

test('a clerk asks for a document, marks it received, orders the eAT with its serial and records it ready: the look-ups follow at once', async () => {
  const browser = new Browser(app);
  assert.equal((await browser.signIn(clerk.username)).status, 303);
  const page = `/staff/procedures/${p.procedureId}/citizen`;
  const shown = await browser.get(page);
  assert.equal(shown.status, 200);
  assert.match(await shown.text(), /<!doctype html>/i);
  assert.equal((await browser.submit(page, `${page}/request`, { kinds: ['passport'] })).status, 303);
  const byNumber = () =>
    lookUpStatus(deps, { kind: 'procedure', number: p.number, dateOfBirth: { year: 1990, month: 5, day: 17 } }, { lang: 'en', channel: 'portal' });
  assert.deepEqual((await byNumber())?.missing, [{ kind: 'passport', note: null }]);
  const requestId = /name="requestIds" value="([0-9a-f-]{36})"/.exec(await (await browser.get(page)).text())?.[1];
  assert.ok(requestId);
  assert.equal((await browser.submit(page, `${page}/received`, { requestIds: requestId })).status, 303);
  assert.equal((await byNumber())?.statusCode, 'documents_complete');

  const missingSerial = await browser.submit(page, `${page}/card`, { event: 'ordered' });
  assert.equal(missingSerial.status, 422);
  assert.equal((await browser.submit(page, `${page}/card`, { event: 'ordered', cardSerial: 'l01x 00t47' })).status, 303);
  const card = () => lookUpStatus(deps, { kind: 'card', serial: 'L01X00T47' }, { lang: 'tr', channel: 'portal' });
  assert.equal((await card())?.label.text, 'eAT sipariş edildi');
  assert.equal((await browser.submit(page, `${page}/card`, { event: 'ready' })).status, 303);
  assert.equal((await card())?.statusCode, 'ready');
  assert.deepEqual((await card())?.missing, [], 'the card look-up never shows documents');

  // The same serial for another procedure is refused with a message, nothing written.
  const second = await procedureWithPerson(db, { locationId: office.locationId, now: clock.now() });
  const secondPage = `/staff/procedures/${second.procedureId}/citizen`;
  const taken = await browser.submit(secondPage, `${secondPage}/card`, { event: 'ordered', cardSerial: 'L01X00T47' });
  assert.equal(taken.status, 409);
  assert.match(await taken.text(), /gehört schon zu einem anderen Vorgang/);
  const audited = await db.selectFrom('audit_entry').select('action').where('target_id', '=', p.procedureId).execute();
  assert.ok(audited.some((a) => a.action === 'case_procedure.card_ordered'));
});

test('a clerk of another location is refused (403), and nothing is written', async () => {
  const browser = new Browser(app);
  await browser.signIn(foreign.username);
  const page = `/staff/procedures/${p.procedureId}/citizen`;
  assert.equal((await browser.get(page)).status, 403);
  const before = await db.selectFrom('procedure_document_request').select('id').execute();
  const csrf = await browser.csrfFrom('/staff');
  assert.equal((await browser.post(`${page}/request`, { _csrf: csrf, kinds: 'photo' })).status, 403);
  assert.equal((await db.selectFrom('procedure_document_request').select('id').execute()).length, before.length);
});
