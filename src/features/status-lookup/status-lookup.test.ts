import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, createTestJobs } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createOffice } from '../../../test/office-factory.ts';
import { createOutbox } from '../../../test/outbox.ts';
import { PortalClient } from '../../../test/portal/portal-client.ts';
import { addStaff } from '../../../test/staff.ts';
import { procedureWithPerson } from '../../../test/status-lookup-fixture.ts';
import { fixedClock } from '../../shared/clock.ts';
import { moveProcedureToStatus } from '../case-files/index.ts';
import { loadStaffActor } from '../staff/session-store.ts';
import { deliverNotices } from './deliver-notices.ts';
import { markDocumentsReceived, requestDocuments } from './document-requests.ts';
import { lookUpStatus } from './look-up-status.ts';
import { readCardQuery, readProcedureQuery } from './lookup-query.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T09:00:00Z');
const jobs = createTestJobs(url);
const outbox = await createOutbox(jobs);
const office = await createOffice(db);
const deps = { db, clock, jobs, timeZone: 'Europe/Berlin', publicUrl: 'https://lotse.example' };
const { id: clerkId } = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const ctx = { actor: (await loadStaffActor(db, clerkId, 'session'))!, screen: 'test', ip: undefined };
const app = createTestApp(db, { url, jobs, clock });

const query = (number: string, dateOfBirth: string) => {
  const read = readProcedureQuery({ number, dateOfBirth });
  if (!('query' in read)) throw new Error('test input refused');
  return read.query;
};

test('by number and date of birth: the status in the reader’s language, since when, what to do, the documents still missing', async () => {
  const p = await procedureWithPerson(db, { locationId: office.locationId, now: new Date('2026-11-02T10:00:00Z'), person: { preferredLanguage: 'ar' } });
  clock.set('2026-11-10T08:00:00Z');
  await requestDocuments(deps, ctx, { procedureId: p.procedureId, kinds: ['proof_of_income', 'other'], note: 'Mietbescheinigung 2026' });
  clock.set('2026-11-23T09:00:00Z');
  const answer = await lookUpStatus(deps, query(p.number.toLowerCase().replaceAll('-', ' '), '17.05.1990'), { lang: 'ar', channel: 'portal' });
  assert.ok(answer);
  assert.equal(answer.statusCode, 'documents_missing');
  assert.deepEqual(answer.label, { text: 'مستندات ناقصة', lang: 'ar' });
  assert.equal(answer.since.toISOString(), '2026-11-10T08:00:00.000Z');
  assert.deepEqual(answer.missing.map((m) => m.kind).sort(), ['other', 'proof_of_income']);
  assert.equal(answer.missing.find((m) => m.kind === 'other')?.note, 'Mietbescheinigung 2026');
  // A language without a text for this status falls back to German, marked as such.
  await db.deleteFrom('procedure_status_text').where('lang', '=', 'so').execute();
  const german = await lookUpStatus(deps, query(p.number, '17.05.1990'), { lang: 'so', channel: 'api' });
  assert.deepEqual(german?.label, { text: 'Unterlagen fehlen', lang: 'de' });
});

test('a partial date of birth matches only as stored; a wrong date answers like an unknown number; every look-up is counted', async () => {
  clock.set('2026-11-24T09:00:00Z');
  const p = await procedureWithPerson(db, { locationId: office.locationId, now: clock.now(), person: { birthDate: { year: 1990, month: null, day: null } } });
  const ask = (dob: string, number = p.number) => lookUpStatus(deps, query(number, dob), { lang: 'en', channel: 'portal' });
  assert.equal((await ask('1990'))?.label.text, 'Application received');
  assert.equal(await ask('01.01.1990'), null, 'a made-up day is not the stored year');
  assert.equal(await ask('05.1990'), null);
  assert.equal(await ask('1990', 'ZZZZ-ZZZZ-ZZ'), null);
  const counted = await db.selectFrom('status_lookup_day').selectAll().where('day', '=', '2026-11-24').executeTakeFirstOrThrow();
  assert.deepEqual({ lookups: counted.lookups, found: counted.found }, { lookups: 4, found: 1 });
});

test('bad input is refused before anything is looked up: huge strings, zeros for unknown parts, letters the numbers never use', () => {
  const inputs: [string, string][] = [
    ['x'.repeat(1_000_000), '17.05.1990'],
    ['K7RM-93XH-QD', 'x'.repeat(1_000_000)],
    ['K7RM-93XH-QD', '00.00.1990'],
    ['K7RM-93XH-Q0', '1990'],
    ['K7RM-93XH-QDX', '1990'],
    ['', ''],
  ];
  for (const [number, dob] of inputs) {
    const read = readProcedureQuery({ number, dateOfBirth: dob });
    assert.ok('errors' in read, `${number.slice(0, 20)} / ${dob.slice(0, 20)}`);
  }
  assert.ok('errors' in readProcedureQuery({ number: 42, dateOfBirth: { year: 1990 } }));
  assert.ok('errors' in readCardQuery({ serial: 'L01X00T4' }));
  assert.deepEqual(readCardQuery({ serial: 'l01x 00t47' }), { query: { kind: 'card', serial: 'L01X00T47' } });
});

test('two status changes at once: both are kept in order, and each gets exactly one notice, also when delivery runs twice at once', async () => {
  clock.set('2026-11-25T09:00:00Z');
  const p = await procedureWithPerson(db, {
    locationId: office.locationId,
    now: clock.now(),
    person: { email: 'olena@example.org', preferredLanguage: 'uk', familyName: 'Kovalenko', givenNames: 'Olena' },
  });
  const before = await db.selectFrom('case_procedure').select('version').where('id', '=', p.procedureId).executeTakeFirstOrThrow();
  const by = { staffId: null, label: 'Lotse' };
  await Promise.all(
    ['appointment_booked', 'decided'].map((code) =>
      db.transaction().execute((trx) => moveProcedureToStatus(trx, { procedureId: p.procedureId, code, by }, clock.now())),
    ),
  );
  const after = await db.selectFrom('case_procedure').select('version').where('id', '=', p.procedureId).executeTakeFirstOrThrow();
  assert.equal(after.version, before.version + 2, 'no change is lost');
  const notices = await db.selectFrom('procedure_notice').selectAll().where('procedure_id', '=', p.procedureId).execute();
  // received (notify), appointment_booked (notify), decided (notify)
  assert.equal(notices.length, 3);
  await Promise.all([deliverNotices(deps), deliverNotices(deps), deliverNotices(deps)]);
  await deliverNotices(deps);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = 'olena@example.org'`.execute(
    db,
  );
  assert.equal(rows[0]!.n, 3, 'one mail per change');
  const mail = await outbox.waitForMail('olena@example.org', (m) => (m.text ?? '').includes('Рішення ухвалено'));
  assert.match(mail.subject ?? '', new RegExp(`Новий стан вашої справи ${p.number} · Neuer Stand in Ihrem Vorgang ${p.number}`));
  assert.match(mail.text ?? '', /Deutsche Zusammenfassung:\nIhr Vorgang .* hat einen neuen Stand: Entschieden/);
  assert.equal(mail.headers.get('content-language'), 'uk');
  assert.match(mail.text ?? '', /https:\/\/lotse\.example\/uk\/status/);
});

test('documents received: the last one moves the procedure to "documents complete"; a person without an address is noted, not mailed', async () => {
  clock.set('2026-11-26T09:00:00Z');
  const p = await procedureWithPerson(db, { locationId: office.locationId, now: clock.now() });
  await requestDocuments(deps, ctx, { procedureId: p.procedureId, kinds: ['passport', 'photo'] });
  const open = await db.selectFrom('procedure_document_request').select('id').where('procedure_id', '=', p.procedureId).orderBy('kind').execute();
  const first = await markDocumentsReceived(deps, ctx, { procedureId: p.procedureId, requestIds: [open[0]!.id] });
  assert.equal(first.open, 1);
  const answer = await lookUpStatus(deps, query(p.number, '17.05.1990'), { lang: 'de', channel: 'portal' });
  assert.equal(answer?.statusCode, 'documents_missing');
  assert.equal(answer?.missing.length, 1);
  await markDocumentsReceived(deps, ctx, { procedureId: p.procedureId, requestIds: [open[1]!.id] });
  const done = await lookUpStatus(deps, query(p.number, '17.05.1990'), { lang: 'de', channel: 'portal' });
  assert.equal(done?.statusCode, 'documents_complete');
  assert.deepEqual(done?.missing, []);
  await assert.rejects(markDocumentsReceived(deps, ctx, { procedureId: p.procedureId, requestIds: [open[1]!.id] }), { code: 'conflict' });
  await deliverNotices(deps);
  const outcomes = await db.selectFrom('procedure_notice').select('outcome').where('procedure_id', '=', p.procedureId).execute();
  assert.ok(outcomes.length > 0 && outcomes.every((n) => n.outcome === 'no_address'));
});

test('portal: /ar/status answers in Arabic, right to left, with the missing document; wrong and unknown look the same', async () => {
  clock.set('2026-11-27T09:00:00Z');
  const p = await procedureWithPerson(db, { locationId: office.locationId, now: clock.now() });
  await requestDocuments(deps, ctx, { procedureId: p.procedureId, kinds: ['health_insurance'] });
  const client = new PortalClient(app);
  const form = await client.get('/ar/status');
  assert.equal(form.status, 200);
  assert.match(form.html, /<html lang="ar" dir="rtl"/);
  const found = await client.post('/ar/status', form.html, { number: p.number, dateOfBirth: '17.05.1990' });
  assert.equal(found.status, 200);
  assert.match(found.html, /مستندات ناقصة/);
  assert.match(found.html, /إثبات التأمين الصحي/);
  assert.equal(found.headers.get('cache-control'), 'no-store');
  assert.doesNotMatch(found.html, /Rahimi|Mehrnoosh|Wetzlar/, 'nothing else of the file');
  const wrong = await client.post('/ar/status', form.html, { number: p.number, dateOfBirth: '18.05.1990' });
  const unknown = await client.post('/ar/status', form.html, { number: 'ZZZZ-ZZZZ-ZZ', dateOfBirth: '18.05.1990' });
  assert.equal(wrong.status, 404);
  assert.equal(unknown.status, 404);
  const message = (html: string) => /<span class="field-error" id="number-error">([^<]+)<\/span>/.exec(html)?.[1];
  assert.equal(message(wrong.html), message(unknown.html));
  assert.equal(message(wrong.html), 'لم نجد معاملة بهذا الرقم وتاريخ الميلاد هذا. يرجى التحقق من كليهما.');
  const huge = await client.post('/ar/status', form.html, { number: 'A'.repeat(500_000), dateOfBirth: '9'.repeat(100_000) });
  assert.equal(huge.status, 422);
  assert.match(huge.html, /يرجى إدخال رقم المعاملة/);
});

test('a wrong date of birth 1,000 times from one address: rate limited after the limit, the right one too, nothing found meanwhile', async () => {
  clock.set('2026-11-28T09:00:00Z');
  const p = await procedureWithPerson(db, { locationId: office.locationId, now: clock.now() });
  const client = new PortalClient(app);
  const form = await client.get('/en/status');
  const statuses: number[] = [];
  for (let day = 1; day <= 1000; day++) {
    const dob = `${String((day % 28) + 1).padStart(2, '0')}.${String((Math.floor(day / 28) % 12) + 1).padStart(2, '0')}.19${50 + (day % 40)}`;
    statuses.push((await client.post('/en/status', form.html, { number: p.number, dateOfBirth: dob === '17.05.1990' ? '18.05.1990' : dob })).status);
  }
  assert.ok(statuses.slice(0, 10).every((s) => s === 404));
  assert.equal(statuses.filter((s) => s === 404).length, 10, 'ten guesses, whichever limit comes first');
  assert.ok(statuses.slice(10).every((s) => s === 429));
  const right = await client.post('/en/status', form.html, { number: p.number, dateOfBirth: '17.05.1990' });
  assert.equal(right.status, 429);
  assert.match(right.html, /Too many look-ups/);
  assert.equal(right.headers.get('retry-after'), '3600');
});
