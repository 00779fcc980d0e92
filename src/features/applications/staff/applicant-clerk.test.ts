import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApplicationOffice, submitTemporaryProtection } from '../../../../test/application-fixtures.ts';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { createPersonWithFile } from '../../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createService } from '../../../../test/office-factory.ts';
import { createOutbox } from '../../../../test/outbox.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { fixedClock } from '../../../shared/clock.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z'); // Monday, 09:00 in Berlin
const office = await createApplicationOffice(db, clock);
const jobs = createTestJobs(url);
const outbox = await createOutbox(jobs);
const app = createTestApp(db, { clock, blobs: office.blobs, jobs });
const deps = { db, clock, blobs: office.blobs, uploadMaxBytes: 20 * 1024 * 1024, jobs, publicUrl: 'http://localhost' };
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const otherClerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
// One clerk gives the § 24 appointments: two bookings of one time cannot both succeed.
const serviceId = await createService(db, office, { texts: { de: 'Aufenthaltserlaubnis § 24', uk: 'Дозвіл § 24' } });
const giver = await addStaff(db, 'clerk', { locationIds: [office.locationId], specialtyIds: [office.specialtyId] });
await db.insertInto('working_hours').values({ staff_id: giver.id, location_id: office.locationId, weekday: 1, starts: '10:00', ends: '12:00' }).execute();
await db.updateTable('procedure_type').set({ service_id: serviceId }).where('code', '=', 'temporary-protection').execute();

async function submitted(email: string, names: { family_name?: string; given_names?: string } = {}) {
  const receipt = await submitTemporaryProtection(deps, email, names);
  const row = await db
    .selectFrom('application')
    .innerJoin('case_procedure', 'case_procedure.id', 'application.procedure_id')
    .select(['application.id', 'application.procedure_id', 'application.person_id', 'case_procedure.file_id'])
    .where('case_procedure.number', '=', receipt.procedureNumber)
    .executeTakeFirstOrThrow();
  return { ...row, number: receipt.procedureNumber };
}

async function signedIn(username: string) {
  const browser = new Browser(app);
  await browser.signIn(username);
  return browser;
}

const statusCode = async (procedureId: string) =>
  (
    await db
      .selectFrom('case_procedure')
      .innerJoin('procedure_status', 'procedure_status.id', 'case_procedure.status_id')
      .select('procedure_status.code')
      .where('case_procedure.id', '=', procedureId)
      .executeTakeFirstOrThrow()
  ).code;

test('a clerk books a free time for the applicant in one step: linked to the procedure, status moved by Lotse, confirmation in Ukrainian', async () => {
  const application = await submitted('olena.booking@example.org', { family_name: 'Бондар', given_names: 'Олена' });
  const browser = await signedIn(clerk.username);
  const inbox = await (await browser.get('/staff/applications')).text();
  assert.ok(inbox.includes(`/staff/applications/${application.id}/appointment`), 'the inbox links the booking page');
  const page = await browser.get(`/staff/applications/${application.id}/appointment`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.ok(html.includes(`value="${serviceId}" selected`), 'the type’s service is chosen');
  const starts = [...html.matchAll(/name="start" value="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(starts[0], '2026-11-23T10:00:00+01:00');

  const booked = await browser.submit(`/staff/applications/${application.id}/appointment`, `/staff/applications/${application.id}/appointment`, {
    serviceId,
    start: starts[0]!,
  });
  assert.equal(booked.status, 303);
  const link = await db
    .selectFrom('case_appointment_link')
    .innerJoin('appointment', 'appointment.id', 'case_appointment_link.appointment_id')
    .select(['appointment.id', 'appointment.language', 'appointment.email', 'appointment.created_by', 'case_appointment_link.person_id'])
    .where('case_appointment_link.procedure_id', '=', application.procedure_id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    { language: link.language, email: link.email, by: link.created_by, person: link.person_id },
    { language: 'uk', email: 'olena.booking@example.org', by: 'staff', person: application.person_id },
  );
  assert.equal(await statusCode(application.procedure_id!), 'appointment_booked');
  const change = await db
    .selectFrom('case_procedure_status_change')
    .select(['by_staff_id', 'by_label'])
    .where('procedure_id', '=', application.procedure_id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual(change, { by_staff_id: null, by_label: 'Lotse' });
  const mail = await outbox.waitFor((m) => JSON.stringify(m.to).includes('olena.booking@example.org') && /Ihr Termin am/.test(m.subject ?? ''));
  assert.equal(mail.headers.get('content-language'), 'uk');

  const again = await browser.submit(`/staff/applications/${application.id}/appointment`, `/staff/applications/${application.id}/appointment`, {
    serviceId,
    start: starts[1]!,
  });
  assert.equal(again.status, 409, 'one appointment per application');
  assert.ok((await again.text()).includes('schon ein Termin gebucht'));
});

test('two clerks book the same time for two applicants at once: one gets it, the other a 409 and nothing is written', async () => {
  const [first, second] = [
    await submitted('a.race@example.org', { family_name: 'Мельник', given_names: 'Ірина' }),
    await submitted('b.race@example.org', { family_name: 'Ткаченко', given_names: 'Марія' }),
  ];
  const [a, b] = [await signedIn(clerk.username), await signedIn(otherClerk.username)];
  const start = '2026-11-23T11:00:00+01:00';
  const [csrfA, csrfB] = [await a.csrfFrom(`/staff/applications/${first.id}/appointment`), await b.csrfFrom(`/staff/applications/${second.id}/appointment`)];
  const [ra, rb] = await Promise.all([
    a.post(`/staff/applications/${first.id}/appointment`, { _csrf: csrfA, serviceId, start }),
    b.post(`/staff/applications/${second.id}/appointment`, { _csrf: csrfB, serviceId, start }),
  ]);
  assert.deepEqual([ra.status, rb.status].sort(), [303, 409]);
  const loser = ra.status === 409 ? ra : rb;
  assert.ok((await loser.text()).includes('inzwischen vergeben'));
  const links = await db
    .selectFrom('case_appointment_link')
    .select('procedure_id')
    .where('procedure_id', 'in', [first.procedure_id!, second.procedure_id!])
    .execute();
  assert.equal(links.length, 1);
  const losing = links[0]!.procedure_id === first.procedure_id ? second : first;
  assert.equal(await statusCode(losing.procedure_id!), 'received', 'the loser’s procedure did not move');

  // Two clerks booking two different times for the same applicant at once: the application's lock lets one through.
  const third = await submitted('c.race@example.org', { family_name: 'Кравченко', given_names: 'Софія' });
  const path = `/staff/applications/${third.id}/appointment`;
  const [csrfC, csrfD] = [await a.csrfFrom(path), await b.csrfFrom(path)];
  const [rc, rd] = await Promise.all([
    a.post(path, { _csrf: csrfC, serviceId, start: '2026-11-23T10:30:00+01:00' }),
    b.post(path, { _csrf: csrfD, serviceId, start: '2026-11-23T11:30:00+01:00' }),
  ]);
  assert.deepEqual([rc.status, rd.status].sort(), [303, 409]);
  const booked = await db.selectFrom('case_appointment_link').select('appointment_id').where('procedure_id', '=', third.procedure_id).execute();
  assert.equal(booked.length, 1, 'one appointment for the application');
});

test('an uncertain match: the clerk sees the candidates (audited), confirms one (the procedure and documents move, the provisional person goes); two at once: one 409', async () => {
  const taras = await createPersonWithFile(db, {
    locationId: office.locationId,
    person: { familyName: 'Shevchenko', givenNames: 'Taras', birthDate: { year: 1990, month: 5, day: 17 } },
    reference: 'WZ-2024-0815',
  });
  const application = await submitted('oksana.match@example.org', { family_name: 'Шевченко', given_names: 'Оксана' });
  const browser = await signedIn(clerk.username);
  const inbox = await (await browser.get('/staff/applications')).text();
  assert.ok(inbox.includes(`/staff/applications/${application.id}/match`));
  const page = await browser.get(`/staff/applications/${application.id}/match`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.ok(html.includes('Shevchenko, Taras') && html.includes('WZ-2024-0815') && html.includes('17.05.1990'), html.slice(0, 300));
  const audited = await db
    .selectFrom('audit_entry')
    .select('target_id')
    .where('action', '=', 'application.match_candidates')
    .where('target_id', '=', application.id)
    .execute();
  assert.equal(audited.length, 1, 'showing the candidate’s file is an audited read');

  const second = await signedIn(otherClerk.username);
  const path = `/staff/applications/${application.id}/match`;
  const [csrfA, csrfB] = [await browser.csrfFrom(path), await second.csrfFrom(path)];
  const [a, b] = await Promise.all([
    browser.post(path, { _csrf: csrfA, personId: taras.personId }),
    second.post(path, { _csrf: csrfB, personId: taras.personId }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [303, 409]);
  const winner = a.status === 303 ? browser : second;
  const again = await winner.post(path, { _csrf: a.status === 303 ? csrfA : csrfB, personId: taras.personId });
  assert.equal(again.status, 303, 'the same decision again by the same clerk is answered, not redone');

  const procedure = await db.selectFrom('case_procedure').select('file_id').where('id', '=', application.procedure_id).executeTakeFirstOrThrow();
  assert.equal(procedure.file_id, taras.fileId);
  const documents = await db.selectFrom('case_document').select(['file_id', 'procedure_id']).where('procedure_id', '=', application.procedure_id).execute();
  assert.ok(documents.length >= 2, 'the upload and the receipt');
  assert.ok(documents.every((d) => d.file_id === taras.fileId));
  const row = await db.selectFrom('application').select(['person_id', 'person_match']).where('id', '=', application.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { person_id: taras.personId, person_match: 'confirmed' });
  assert.equal(
    await db.selectFrom('case_person').select('id').where('id', '=', application.person_id!).executeTakeFirst(),
    undefined,
    'the provisional person is gone',
  );
  assert.equal(await db.selectFrom('case_file').select('id').where('id', '=', application.file_id).executeTakeFirst(), undefined);

  const other = await browser.post(path, { _csrf: csrfA, personId: 'new' });
  assert.equal(other.status, 409, 'a different decision later is refused');
});

test('"a new person" keeps the application’s own file; a person who is no candidate is refused', async () => {
  const application = await submitted('oksana.new@example.org', { family_name: 'Шевченко', given_names: 'Оксана' });
  const browser = await signedIn(clerk.username);
  const path = `/staff/applications/${application.id}/match`;
  const stranger = await createPersonWithFile(db, { locationId: office.locationId, person: { familyName: 'Fremd', givenNames: 'Anna' } });
  assert.equal((await browser.submit(path, path, { personId: stranger.personId })).status, 422);
  assert.equal((await browser.submit(path, path, { personId: 'new' })).status, 303);
  const row = await db
    .selectFrom('application')
    .select(['person_id', 'person_match', 'match_decided_by_staff_id'])
    .where('id', '=', application.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { person_id: application.person_id, person_match: 'new', match_decided_by_staff_id: clerk.id });
  assert.ok(await db.selectFrom('case_file').select('id').where('id', '=', application.file_id).executeTakeFirst());
});
