import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { noticesSettled } from '../../../test/outbox.ts';
import { addStaff, Browser } from '../../../test/staff.ts';
import { isAppError } from '../../shared/app-error.ts';
import { moveAppointmentToColleague } from './absence-impact.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-21T08:00:00Z');
const sut = createTestApp(db, { clock, url });

const location = await db.insertInto('location').values({ slug: 'mitte', name: 'Mitte', address: 'Hauptstraße 1' }).returning('id').executeTakeFirstOrThrow();
const other = await db.insertInto('location').values({ slug: 'nord', name: 'Nord', address: 'Nordweg 2' }).returning('id').executeTakeFirstOrThrow();
const specialty = await db
  .insertInto('specialty')
  .values({ slug: 'ukraine', name: 'Ukraine §24', queue_prefix: 'U' })
  .returning('id')
  .executeTakeFirstOrThrow();
const service = await db.insertInto('service').values({ slug: 'par24', duration_minutes: 30 }).returning('id').executeTakeFirstOrThrow();
await db
  .insertInto('service_text')
  .values([
    { service_id: service.id, lang: 'de', name: 'Aufenthalt nach §24' },
    { service_id: service.id, lang: 'uk', name: 'Перебування за §24' },
  ])
  .execute();
await db.insertInto('service_specialty').values({ service_id: service.id, specialty_id: specialty.id }).execute();

const absent = await addStaff(db, 'clerk', { locationIds: [location.id], specialtyIds: [specialty.id] });
const colleague = await addStaff(db, 'clerk', { locationIds: [location.id], specialtyIds: [specialty.id] });
const unqualified = await addStaff(db, 'clerk', { locationIds: [location.id] });
const elsewhere = await addStaff(db, 'clerk', { locationIds: [other.id], specialtyIds: [specialty.id] });
for (const clerk of [colleague, unqualified]) {
  await db.insertInto('working_hours').values({ staff_id: clerk.id, location_id: location.id, weekday: 2, starts: '07:00', ends: '16:00' }).execute();
}
await db.insertInto('working_hours').values({ staff_id: elsewhere.id, location_id: other.id, weekday: 2, starts: '07:00', ends: '16:00' }).execute();

let seq = 0;
async function book(staffId: string, startsAt: string, person: string, language = 'uk') {
  const starts = new Date(startsAt);
  const row = await db
    .insertInto('appointment')
    .values({
      code: `TEST${String(++seq).padStart(4, '0')}`,
      manage_secret_hash: 'x',
      service_id: service.id,
      location_id: location.id,
      staff_id: staffId,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 30 * 60_000),
      person_name: person,
      date_of_birth: '1990-01-01',
      email: `${person.split(' ')[0]?.toLowerCase()}@example.org`,
      email_normalized: `${person.split(' ')[0]?.toLowerCase()}${seq}@example.org`,
      language,
      created_by: 'online',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

test('an absence lists the appointments it hits; they can be moved to a qualified colleague or cancelled with a message', async () => {
  // Tuesday 24 November 2026, Berlin is UTC+1.
  const toMove = await book(absent.id, '2026-11-24T09:00:00Z', 'Olena Shevchenko');
  const toCancel = await book(absent.id, '2026-11-24T13:00:00Z', 'Taras Bondarenko');
  const untouched = await book(absent.id, '2026-11-25T09:00:00Z', 'Iryna Melnyk');
  await book(colleague.id, '2026-11-24T13:00:00Z', 'Busy Colleague', 'de');

  const admin = await addStaff(db, 'admin');
  const browser = new Browser(sut);
  await browser.signIn(admin.username);
  const created = await browser.submit(`/staff/admin/hours/${absent.id}`, `/staff/admin/hours/${absent.id}/absences`, {
    from: '2026-11-24T00:00',
    until: '2026-11-25T00:00',
    note: 'Fortbildung',
  });
  assert.equal(created.status, 303);
  const absencePage = created.headers.get('location') ?? '';
  assert.match(absencePage, /^\/staff\/admin\/absences\/[0-9a-f-]{36}$/);

  const html = await (await browser.get(absencePage)).text();
  assert.match(html, /Olena Shevchenko/);
  assert.match(html, /Taras Bondarenko/);
  assert.doesNotMatch(html, /Iryna Melnyk/, 'the next day is not affected');
  const moveForm = html.slice(html.indexOf('Olena Shevchenko'), html.indexOf('Taras Bondarenko'));
  assert.match(moveForm, new RegExp(`value="${colleague.id}"`), 'the qualified, free colleague is offered');
  assert.doesNotMatch(moveForm, new RegExp(`value="${unqualified.id}"`), 'no colleague without the specialty');
  assert.doesNotMatch(moveForm, new RegExp(`value="${elsewhere.id}"`), 'no colleague from another location');
  const cancelPart = html.slice(html.indexOf('Taras Bondarenko'));
  assert.doesNotMatch(cancelPart.slice(0, cancelPart.indexOf('</form>')), new RegExp(`value="${colleague.id}"`), 'the colleague is busy then');

  const viewed = await db.selectFrom('audit_entry').select('person_id').where('action', '=', 'person.view').where('screen', '=', 'absence impact').execute();
  assert.equal(viewed.length, 2, 'opening the list of people is audited per person');

  // A move to someone not qualified is refused and changes nothing.
  const refused = await browser.submit(absencePage, `${absencePage}/move`, { appointmentId: toMove, toStaffId: unqualified.id });
  assert.equal(refused.status, 409);
  assert.equal((await db.selectFrom('appointment').select('staff_id').where('id', '=', toMove).executeTakeFirstOrThrow()).staff_id, absent.id);
  // An appointment the absence does not hit cannot be handled through it (tampered id).
  assert.equal((await browser.submit(absencePage, `${absencePage}/cancel`, { appointmentId: untouched, note: '' })).status, 409);

  const moved = await browser.submit(absencePage, `${absencePage}/move`, { appointmentId: toMove, toStaffId: colleague.id });
  assert.equal(moved.status, 303);
  assert.equal((await db.selectFrom('appointment').select('staff_id').where('id', '=', toMove).executeTakeFirstOrThrow()).staff_id, colleague.id);

  const cancelled = await browser.submit(absencePage, `${absencePage}/cancel`, { appointmentId: toCancel, note: 'Bitte neu buchen.' });
  assert.equal(cancelled.status, 303);
  const row = await db.selectFrom('appointment').select(['status', 'cancelled_at']).where('id', '=', toCancel).executeTakeFirstOrThrow();
  assert.equal(row.status, 'cancelled');
  await noticesSettled(db);
  const mails = await sql<{
    data: { to: string; subject: string; text: string; language: string };
  }>`SELECT data FROM pgboss.job WHERE name = 'mail.send'`.execute(db);
  assert.equal(mails.rows.length, 1);
  const mail = mails.rows[0]!.data;
  assert.equal(mail.to, 'taras@example.org');
  assert.equal(mail.language, 'uk');
  assert.match(mail.subject, /скасовано/);
  assert.match(mail.text, /Перебування за §24/);
  assert.match(mail.text, /Bitte neu buchen\./);
  assert.match(mail.text, /Aufenthalt nach §24/, 'a German version follows');

  const after = await (await browser.get(absencePage)).text();
  assert.doesNotMatch(after, /Olena Shevchenko|Taras Bondarenko/, 'nothing left to handle');
  assert.equal((await db.selectFrom('appointment').select('status').where('id', '=', untouched).executeTakeFirstOrThrow()).status, 'booked');
});

test('a team lead manages hours only of staff at their own locations', async () => {
  const lead = await addStaff(db, 'team_lead', { locationIds: [other.id] });
  const browser = new Browser(sut);
  await browser.signIn(lead.username);
  assert.equal((await browser.get(`/staff/admin/hours/${elsewhere.id}`)).status, 200);
  assert.equal((await browser.get(`/staff/admin/hours/${absent.id}`)).status, 403);
  const csrf = await browser.csrfFrom('/staff');
  const attempt = await browser.post(`/staff/admin/hours/${absent.id}/absences`, { _csrf: csrf, from: '2026-12-01T08:00', until: '2026-12-01T12:00' });
  assert.equal(attempt.status, 403);
  const absences = await db.selectFrom('absence').select('id').where('staff_id', '=', absent.id).execute();
  assert.equal(absences.length, 1, 'only the admin’s absence from the first test');
});

test('two absences moved to the same free colleague at the same moment: exactly one move wins', async () => {
  const admin = await addStaff(db, 'admin');
  const actor = {
    kind: 'staff' as const,
    staffId: admin.id,
    displayName: 'Admin',
    username: admin.username,
    role: 'admin' as const,
    locationIds: [],
    specialtyIds: [],
    via: 'session' as const,
  };
  const second = await addStaff(db, 'clerk', { locationIds: [location.id], specialtyIds: [specialty.id] });
  const free = await addStaff(db, 'clerk', { locationIds: [location.id], specialtyIds: [specialty.id] });
  await db.insertInto('working_hours').values({ staff_id: free.id, location_id: location.id, weekday: 2, starts: '07:00', ends: '16:00' }).execute();
  // Tuesday 1 December 2026, 10:00 in Berlin: both clerks have someone booked, the colleague is free.
  const first = await book(absent.id, '2026-12-01T09:00:00Z', 'Anna Petrenko');
  const other = await book(second.id, '2026-12-01T09:00:00Z', 'Oleh Tkachenko');
  const results = await Promise.allSettled([
    moveAppointmentToColleague({ db, clock }, actor, { appointmentId: first, toStaffId: free.id, screen: 'test' }),
    moveAppointmentToColleague({ db, clock }, actor, { appointmentId: other, toStaffId: free.id, screen: 'test' }),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const failure = results.find((r) => r.status === 'rejected');
  assert.ok(failure && failure.status === 'rejected' && isAppError(failure.reason) && ['slot_taken', 'conflict'].includes(failure.reason.code));
  const holders = await db.selectFrom('appointment').select('staff_id').where('id', 'in', [first, other]).execute();
  assert.equal(holders.filter((h) => h.staff_id === free.id).length, 1, 'the colleague holds one of them, not both');
});
