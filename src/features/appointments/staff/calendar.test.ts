import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice, createService } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { eraseExpiredPersonalData } from '../../retention/index.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T06:00:00Z'); // Monday, 07:00 in Berlin
const sut = createTestApp(db, { url, clock });
const office = await createOffice(db);
const serviceId = await createService(db, office, { texts: { de: 'Übertrag eAT' } });
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId], specialtyIds: [office.specialtyId] });
const colleague = await addStaff(db, 'clerk', { locationIds: [office.locationId], specialtyIds: [office.specialtyId] });
for (const id of [clerk.id, colleague.id]) {
  await db.insertInto('working_hours').values({ staff_id: id, location_id: office.locationId, weekday: 1, starts: '07:00', ends: '16:00' }).execute();
}
const browser = new Browser(sut);
await browser.signIn(clerk.username);

test('a clerk books a phone customer into own hours; the calendar shows it without the name; opening it is audited', async () => {
  const booked = await browser.submit('/staff/calendar/book', '/staff/calendar/book', {
    serviceId,
    locationId: office.locationId,
    start: '2026-11-23T10:00',
    name: 'Mariam Haidari',
    dateOfBirth: '1988-03-14',
    email: 'mariam@example.org',
    phone: '+49 170 000000',
    language: 'fa',
  });
  assert.equal(booked.status, 303);
  const appointment = await db.selectFrom('appointment').selectAll().where('person_name', '=', 'Mariam Haidari').executeTakeFirstOrThrow();
  assert.equal(appointment.staff_id, clerk.id);
  assert.equal(appointment.created_by, 'staff');
  assert.equal(appointment.starts_at.toISOString(), '2026-11-23T09:00:00.000Z');

  const day = await (await browser.get('/staff/calendar?date=2026-11-23')).text();
  assert.match(day, new RegExp(appointment.code));
  assert.doesNotMatch(day, /Mariam/, 'no personal data in the overview');
  const week = await (await browser.get('/staff/calendar?view=week&date=2026-11-26')).text();
  assert.match(week, new RegExp(appointment.code));

  const detail = await browser.get(`/staff/calendar/appointments/${appointment.id}`);
  assert.equal(detail.status, 200);
  assert.match(await detail.text(), /Mariam Haidari/);
  const opened = await db
    .selectFrom('audit_entry')
    .innerJoin('audit_person', 'audit_person.id', 'audit_entry.person_id')
    .select(['audit_entry.actor_staff_id', 'audit_entry.screen', 'audit_person.label'])
    .where('audit_entry.action', '=', 'person.open')
    .execute();
  assert.deepEqual(opened, [{ actor_staff_id: clerk.id, screen: 'calendar appointment', label: 'Mariam Haidari (1988-03-14)' }]);

  // Outside the own hours the engine refuses; nothing is booked.
  const late = await browser.submit('/staff/calendar/book', '/staff/calendar/book', {
    serviceId,
    locationId: office.locationId,
    start: '2026-11-23T17:00',
    name: 'Late Caller',
    dateOfBirth: '1990-01-01',
    email: 'late@example.org',
    language: 'de',
  });
  assert.ok(late.status >= 400 && late.status < 500, `status ${late.status}`);
  assert.equal(await db.selectFrom('appointment').select('id').where('person_name', '=', 'Late Caller').executeTakeFirst(), undefined);
});

test('another clerk cannot open the appointment, a tampered id is 404; both are audited', async () => {
  const appointment = await db.selectFrom('appointment').select('id').where('person_name', '=', 'Mariam Haidari').executeTakeFirstOrThrow();
  const other = new Browser(sut);
  await other.signIn(colleague.username);
  assert.equal((await other.get(`/staff/calendar/appointments/${appointment.id}`)).status, 403);
  assert.equal((await other.get('/staff/calendar/appointments/00000000-0000-4000-8000-000000000000')).status, 404);
  assert.equal((await other.get("/staff/calendar/appointments/1' OR 1=1")).status, 404);
  const entries = await db
    .selectFrom('audit_entry')
    .select(['action', 'outcome'])
    .where('actor_staff_id', '=', colleague.id)
    .where('outcome', '<>', 'ok')
    .execute();
  assert.deepEqual(entries.map((e) => `${e.action}/${e.outcome}`).sort(), ['denied:calendar.read_own/denied', 'person.open/failed', 'person.open/failed']);
});

test('a clerk blocks time in the own calendar; reception has no calendar', async () => {
  const blocked = await browser.submit('/staff/calendar', '/staff/calendar/block', {
    from: '2026-11-23T12:00',
    until: '2026-11-23T13:00',
    note: 'Akten vorbereiten',
  });
  assert.equal(blocked.status, 303);
  const row = await db
    .selectFrom('absence')
    .select(['reason', sql<Date>`lower(during)`.as('starts')])
    .where('staff_id', '=', clerk.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.reason, 'blocked');
  assert.equal(row.starts.toISOString(), '2026-11-23T11:00:00.000Z');
  assert.match(await (await browser.get('/staff/calendar?date=2026-11-23')).text(), /Akten vorbereiten/);

  // Blocking over a booked appointment keeps it and says so.
  const over = await browser.submit('/staff/calendar', '/staff/calendar/block', { from: '2026-11-23T09:45', until: '2026-11-23T10:45', note: '' });
  assert.match(over.headers.get('location') ?? '', /overlaps=1/);
  assert.match(await (await browser.get(over.headers.get('location') ?? '')).text(), /Ein gebuchter Termin liegt/);

  const reception = new Browser(sut);
  await reception.signIn((await addStaff(db, 'reception', { locationIds: [office.locationId] })).username);
  assert.equal((await reception.get('/staff/calendar')).status, 403);
});

test('the calendar shows the closures and public holidays of the own locations, not of others', async () => {
  const elsewhere = await createOffice(db);
  await db
    .insertInto('location_closure')
    .values([
      { location_id: office.locationId, day: '2026-11-24', starts: '12:00', ends: '24:00', reason: 'Personalversammlung', created_at: clock.now() },
      { location_id: elsewhere.locationId, day: '2026-11-24', starts: null, ends: null, reason: 'Umzug anderswo', created_at: clock.now() },
    ])
    .execute();
  const { name } = await db.selectFrom('location').select('name').where('id', '=', office.locationId).executeTakeFirstOrThrow();
  const week = await (await browser.get('/staff/calendar?view=week&date=2026-11-23')).text();
  const tuesday = week.slice(week.indexOf('id="day-2026-11-24"'), week.indexOf('id="day-2026-11-25"'));
  assert.match(tuesday, new RegExp(`12:00–Dienstschluss · <strong>${name} geschlossen</strong> · Personalversammlung`));
  assert.doesNotMatch(week, /Umzug anderswo/);
  const christmas = await (await browser.get('/staff/calendar?date=2026-12-25')).text();
  assert.match(christmas, new RegExp(`<strong>${name} geschlossen</strong> · Feiertag: 1\\. Weihnachtstag`));
});

test('after the retention the appointment opens without the person, and the opening is audited under the pseudonym', async () => {
  const appointment = await db.selectFrom('appointment').select(['id', 'code']).where('person_name', '=', 'Mariam Haidari').executeTakeFirstOrThrow();
  await eraseExpiredPersonalData({ db, clock: fixedClock('2027-01-05T06:00:00Z') }, { retentionDays: 30 });
  const detail = await browser.get(`/staff/calendar/appointments/${appointment.id}`);
  assert.equal(detail.status, 200);
  const html = await detail.text();
  assert.match(html, new RegExp(appointment.code), 'the appointment itself is still there');
  assert.match(html, /Nach Ablauf der Aufbewahrungsfrist gelöscht am 05\.01\.2027/);
  assert.doesNotMatch(html, /Mariam|1988-03-14|mariam@example\.org|\+49 170/);
  const labels = await db
    .selectFrom('audit_entry')
    .innerJoin('audit_person', 'audit_person.id', 'audit_entry.person_id')
    .select('audit_person.label')
    .where('audit_entry.action', '=', 'person.open')
    .where('audit_entry.target_id', '=', appointment.id)
    .execute();
  assert.equal(labels.length, 2, 'the opening before and the one after the erasure');
  assert.ok(
    labels.every((l) => /^pseudonym-[0-9a-f]{12}$/.test(l.label)),
    JSON.stringify(labels),
  );
  assert.equal(labels[0]?.label, labels[1]?.label);
});
