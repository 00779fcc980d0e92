import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp } from '../../../test/app.ts';
import { createApplicationOffice } from '../../../test/application-fixtures.ts';
import { createPersonWithFile } from '../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createOffice } from '../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../test/staff.ts';
import { fixedClock } from '../../shared/clock.ts';
import { insertProcedure, moveProcedureToStatus } from '../case-files/index.ts';
import type { StaffActor } from '../staff/index.ts';
import { recordCallCount } from '../status-lookup/lookup-figures.ts';
import { periodFigures } from './period-figures.ts';

const { db } = await createTestDatabase();
// Wednesday 10 March 2027, 12:00 in Berlin: the period's last day.
const clock = fixedClock('2027-03-10T11:00:00Z');
const office = await createApplicationOffice(db, clock);
const other = await createOffice(db);
const lead = await addStaff(db, 'team_lead', { locationIds: [office.locationId] });
const admin = await addStaff(db, 'admin');
const at = (local: string) => new Date(`${local}+01:00`);
const period = { locationId: office.locationId, from: '2027-03-01', to: '2027-03-10' };
const actor = (id: string, role: StaffActor['role'], locationIds: string[]): StaffActor => ({
  kind: 'staff',
  staffId: id,
  displayName: role,
  username: role,
  role,
  locationIds,
  specialtyIds: [],
  via: 'session',
});

// Online applications: extension (W09 accepted; W10 twice, once just after local midnight on
// Monday, which is still Sunday in UTC), § 24 (W09); not counted: a draft, one submitted on the
// local Sunday before the period, and one on another location's form.
const forms = await db
  .selectFrom('application_form as f')
  .innerJoin('application_form_version as v', 'v.form_id', 'f.id')
  .select(['f.slug', 'v.id'])
  .where('f.location_id', '=', office.locationId)
  .execute();
const versionOf = (slug: string) => forms.find((f) => f.slug === slug)?.id ?? assert.fail(slug);
const otherForm = await db
  .insertInto('application_form')
  .values({
    slug: 'other-extension',
    location_id: other.locationId,
    procedure_type_id: await typeId('extension'),
    created_at: clock.now(),
    updated_at: clock.now(),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const otherVersion = await db
  .insertInto('application_form_version')
  .columns(['form_id', 'number', 'state', 'definition', 'texts', 'source_digest', 'published_at', 'created_at', 'updated_at'])
  .expression((eb) =>
    eb
      .selectFrom('application_form_version')
      .select([eb.val(otherForm.id).as('form_id'), 'number', 'state', 'definition', 'texts', 'source_digest', 'published_at', 'created_at', 'updated_at'])
      .where('id', '=', versionOf('extension')),
  )
  .returning('id')
  .executeTakeFirstOrThrow();

async function typeId(code: string) {
  return (await db.selectFrom('procedure_type').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

async function application(versionId: string, submitted: string | null, accepted = false) {
  const submittedAt = submitted === null ? null : at(submitted);
  await db
    .insertInto('application')
    .values({
      form_version_id: versionId,
      lang: 'de',
      token_hash: randomBytes(32).toString('hex'),
      state: submittedAt === null ? 'draft' : accepted ? 'accepted' : 'submitted',
      submitted_at: submittedAt,
      accepted_at: accepted ? submittedAt : null,
      person_match: submittedAt === null ? null : 'new',
      created_at: at('2027-02-01T08:00:00'),
      updated_at: at('2027-02-01T08:00:00'),
    })
    .execute();
}
await application(versionOf('extension'), '2027-03-01T09:00:00', true);
await application(versionOf('extension'), '2027-03-08T00:30:00');
await application(versionOf('extension'), '2027-03-09T10:00:00');
await application(versionOf('temporary-protection'), '2027-03-02T11:00:00');
await application(versionOf('extension'), null);
await application(versionOf('extension'), '2027-02-28T23:30:00');
await application(otherVersion.id, '2027-03-02T11:00:00');

// Procedures: each opened at a time (in status "received") and moved through statuses at later times.
async function procedure(locationId: string, type: string, opened: string, moves: [code: string, local: string][] = []) {
  const file = await createPersonWithFile(db, { locationId, now: at(opened) });
  const procedureTypeId = await typeId(type);
  const received = await db
    .selectFrom('procedure_status')
    .select('id')
    .where('procedure_type_id', '=', procedureTypeId)
    .where('code', '=', 'received')
    .executeTakeFirstOrThrow();
  const by = { staffId: null, label: 'Test' };
  const { id } = await db
    .transaction()
    .execute((trx) => insertProcedure(trx, { fileId: file.fileId, procedureTypeId, statusId: received.id, by, note: null }, at(opened)));
  for (const [code, local] of moves) {
    const move = await db.transaction().execute((trx) => moveProcedureToStatus(trx, { procedureId: id, code, by }, at(local)));
    assert.equal(move.outcome, 'moved', `${code} at ${local}`);
  }
}
// Extension, decided in the period after 2, 4, 6 and 10 days (the third reopened and decided
// again: counted once, at its first decision); one first decided before the period and again in it
// (not counted); one opened in the period and still received.
await procedure(office.locationId, 'extension', '2027-02-27T10:00:00', [['decided', '2027-03-01T10:00:00']]);
await procedure(office.locationId, 'extension', '2027-02-26T10:00:00', [
  ['decided', '2027-03-02T10:00:00'],
  ['completed', '2027-03-04T10:00:00'],
]);
await procedure(office.locationId, 'extension', '2027-03-01T10:00:00', [
  ['decided', '2027-03-07T10:00:00'],
  ['in_review', '2027-03-08T10:00:00'],
  ['decided', '2027-03-09T11:00:00'],
]);
await procedure(office.locationId, 'extension', '2027-02-27T10:00:00', [['decided', '2027-03-09T10:00:00']]);
await procedure(office.locationId, 'extension', '2027-02-01T10:00:00', [
  ['decided', '2027-02-20T10:00:00'],
  ['in_review', '2027-02-21T10:00:00'],
  ['decided', '2027-03-05T10:00:00'],
]);
await procedure(office.locationId, 'extension', '2027-03-09T09:00:00');
// Settlement: decided after three and a half days.
await procedure(office.locationId, 'settlement', '2027-03-02T08:00:00', [['decided', '2027-03-05T20:00:00']]);
// Another location's decision, opening and closing: not counted.
await procedure(other.locationId, 'extension', '2027-03-01T08:00:00', [
  ['decided', '2027-03-02T08:00:00'],
  ['completed', '2027-03-03T08:00:00'],
]);

// The delivery has handled every notice of the office a minute after its status change — the opening
// on 9 March without an address — except the other location's, which are still due.
await sql`
  UPDATE procedure_notice n
     SET outcome = CASE WHEN c.at = ${at('2027-03-09T09:00:00')} THEN 'no_address' ELSE 'sent' END, done_at = c.at + interval '1 minute'
    FROM case_procedure_status_change c JOIN case_procedure p ON p.id = c.procedure_id JOIN case_file f ON f.id = p.file_id
   WHERE c.id = n.status_change_id AND f.location_id = ${office.locationId}`.execute(db);

const extension = 'Verlängerung der Aufenthaltserlaubnis';
const settlement = 'Niederlassungserlaubnis';
const protection = 'Aufenthaltserlaubnis zum vorübergehenden Schutz (§ 24 AufenthG, Ukraine)';

test('applications per form and ISO week of submission in the location’s zone; drafts, other periods and locations left out', async () => {
  const figures = await periodFigures({ db, clock }, actor(lead.id, 'team_lead', [office.locationId]), period);
  assert.deepEqual(figures.applications, [
    { form: protection, week: '2027-W09', submitted: 1, accepted: 0 },
    { form: extension, week: '2027-W09', submitted: 1, accepted: 1 },
    { form: extension, week: '2027-W10', submitted: 2, accepted: 0 },
  ]);
});

test('time from submission to decision per type: the first decision in the period, median and 90th percentile in days', async () => {
  const figures = await periodFigures({ db, clock }, actor(lead.id, 'team_lead', [office.locationId]), period);
  // Extension: 2, 4, 6, 10 days → median 5, p90 6 + 0.7 × (10 − 6) = 8.8.
  assert.deepEqual(figures.decisions, [
    { typeName: settlement, decided: 1, medianDays: 3.5, p90Days: 3.5 },
    { typeName: extension, decided: 4, medianDays: 5, p90Days: 8.8 },
  ]);
  // A period holding only the reopened procedure's second decision: nothing (it was decided before).
  const later = await periodFigures({ db, clock }, actor(lead.id, 'team_lead', [office.locationId]), { ...period, from: '2027-03-09', to: '2027-03-09' });
  assert.deepEqual(later.decisions, [{ typeName: extension, decided: 1, medianDays: 10, p90Days: 10 }]);
});

test('procedures open now per type and status in the type’s order; opened and closed in the period per type', async () => {
  const figures = await periodFigures({ db, clock }, actor(lead.id, 'team_lead', [office.locationId]), period);
  assert.deepEqual(
    figures.procedures.open.map((p) => [p.typeName, p.statusCode, p.statusLabel, p.open]),
    [
      [settlement, 'decided', 'Entschieden', 1],
      [extension, 'received', 'Antrag eingegangen', 1],
      [extension, 'decided', 'Entschieden', 4],
    ],
  );
  assert.deepEqual(figures.procedures.flow, [
    { typeName: settlement, opened: 1, closed: 0 },
    { typeName: extension, opened: 2, closed: 1 },
  ]);
});

test('notices handled in the period per type and status: mailed and without an address; earlier ones, due ones and another location’s left out', async () => {
  const figures = await periodFigures({ db, clock }, actor(lead.id, 'team_lead', [office.locationId]), period);
  assert.deepEqual(
    figures.notices.map((n) => [n.typeName, n.statusLabel, n.sent, n.noAddress]),
    [
      [settlement, 'Antrag eingegangen', 1, 0],
      [settlement, 'Entschieden', 1, 0],
      [extension, 'Antrag eingegangen', 1, 1],
      [extension, 'Entschieden', 6, 0],
      [extension, 'Abgeschlossen', 1, 0],
    ],
  );
});

test('calls: a day after today is refused, today taken; two administrators entering the same day at once leave one row and an audit entry each', async () => {
  const deps = { db, clock, timeZone: 'Europe/Berlin' };
  const context = (id: string, role: StaffActor['role'] = 'admin') => ({ actor: actor(id, role, [office.locationId]), screen: 'test', ip: undefined });
  await assert.rejects(recordCallCount(deps, context(admin.id), { day: '2027-03-11', calls: 5 }), { code: 'validation_failed' });
  await assert.rejects(recordCallCount(deps, context(admin.id), { day: '2027-03-09', calls: 1_000_001 }), { code: 'validation_failed' });
  await assert.rejects(recordCallCount(deps, context(admin.id), { day: '0000-01-01', calls: 5 }), { code: 'validation_failed' });
  await assert.rejects(recordCallCount(deps, context(admin.id), { day: '1999-12-31', calls: 5 }), { code: 'validation_failed' });
  await assert.rejects(recordCallCount(deps, context(admin.id), { day: '2027-02-29', calls: 5 }), { code: 'validation_failed' });
  await assert.rejects(recordCallCount(deps, context(admin.id), { day: '2027-03-09', calls: 2.5 }), { code: 'validation_failed' });
  await assert.rejects(recordCallCount(deps, context(lead.id, 'team_lead'), { day: '2027-03-09', calls: 5 }), { code: 'forbidden' });
  await recordCallCount(deps, context(admin.id), { day: '2027-03-10', calls: 7 });
  const second = await addStaff(db, 'admin');
  await Promise.all([
    recordCallCount(deps, context(admin.id), { day: '2027-03-09', calls: 40 }),
    recordCallCount(deps, context(second.id), { day: '2027-03-09', calls: 41 }),
  ]);
  const rows = await db.selectFrom('office_call_day').select(['day', 'calls']).where('day', '=', '2027-03-09').execute();
  assert.equal(rows.length, 1);
  assert.ok([40, 41].includes(rows[0]?.calls ?? -1));
  const audits = await db.selectFrom('audit_entry').select('action').where('action', '=', 'admin.office_calls.save').execute();
  assert.equal(audits.length, 3);
  await recordCallCount(deps, context(admin.id), { day: '2027-03-09', calls: 42 });
  const figures = await periodFigures({ db, clock }, actor(lead.id, 'team_lead', [office.locationId]), period);
  assert.deepEqual(
    figures.lookups.slice(-3).map((d) => [d.day, d.calls]),
    [
      ['2027-03-08', null],
      ['2027-03-09', 42],
      ['2027-03-10', 7],
    ],
  );
});

test('the page shows the new tables; their CSVs hold the same numbers; the admin form refuses a future day', async () => {
  const app = createTestApp(db, { clock });
  const browser = new Browser(app);
  await browser.signIn(lead.username);
  const query = `location=${office.locationId}&from=2027-03-01&to=2027-03-10`;
  const page = await browser.get(`/staff/figures?${query}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<caption>Jetzt offene Verfahren je Verfahrensart und Status<\/caption>/);
  assert.match(
    html,
    /<th scope="row">Verlängerung der Aufenthaltserlaubnis<\/th><td class="number">4<\/td><td class="number">5<\/td><td class="number">8,8<\/td>/,
  );
  assert.doesNotMatch(html, /href="\/staff\/admin\/status-figures"/, 'a team lead does not enter calls');
  const csv = async (table: string) => {
    const response = await browser.get(`/staff/figures/${table}.csv?${query}`);
    assert.equal(response.status, 200, table);
    return (await response.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
  };
  assert.deepEqual(await csv('applications'), [
    'Formular;Woche;Eingereicht;davon in die Akte übernommen',
    `${protection};2027-W09;1;0`,
    `${extension};2027-W09;1;1`,
    `${extension};2027-W10;2;0`,
  ]);
  assert.deepEqual(await csv('decisions'), [
    'Verfahrensart;Entschieden;Median (Tage);90 % höchstens (Tage)',
    `${settlement};1;3,5;3,5`,
    `${extension};4;5,0;8,8`,
  ]);
  assert.deepEqual(await csv('procedures'), [
    'Verfahrensart;Status;Offen',
    `${settlement};Entschieden;1`,
    `${extension};Antrag eingegangen;1`,
    `${extension};Entschieden;4`,
  ]);
  assert.deepEqual((await csv('notices')).slice(0, 2), [
    'Verfahrensart;Status;Per E-Mail gesendet;Ohne E-Mail-Adresse',
    `${settlement};Antrag eingegangen;1;0`,
  ]);
  assert.deepEqual(await csv('flow'), ['Verfahrensart;Eröffnet;Abgeschlossen', `${settlement};1;0`, `${extension};2;1`]);
  const lookups = await csv('lookups');
  assert.equal(lookups[0], 'Tag;Status-Abfragen;davon gefunden;Anrufe (von der Behörde eingetragen)');
  assert.deepEqual(lookups.slice(-2), ['2027-03-09;0;0;42', '2027-03-10;0;0;7']);
  assert.equal(lookups.length, 11);

  const adminBrowser = new Browser(app);
  await adminBrowser.signIn(admin.username);
  assert.match(await (await adminBrowser.get(`/staff/figures?${query}`)).text(), /href="\/staff\/admin\/status-figures"/);
  const future = await adminBrowser.submit('/staff/admin/status-figures', '/staff/admin/status-figures/calls', { day: '2027-03-11', calls: '4' });
  assert.equal(future.status, 422);
  assert.match(await future.text(), /Der Tag liegt in der Zukunft/);
});
