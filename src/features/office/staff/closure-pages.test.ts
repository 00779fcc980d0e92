import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { noticesSettled } from '../../../../test/outbox.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';

const { db, url } = await createTestDatabase();
// Tuesday 1 December 2026, 09:00 in Wetzlar.
const clock = fixedClock('2026-12-01T08:00:00Z');
const sut = createTestApp(db, { clock, url });

const location = await db
  .insertInto('location')
  .values({ slug: 'wetzlar', name: 'Wetzlar', address: 'Karl-Kellner-Ring 51' })
  .returning('id')
  .executeTakeFirstOrThrow();
const other = await db
  .insertInto('location')
  .values({ slug: 'dillenburg', name: 'Dillenburg', address: 'Wilhelmstraße 16' })
  .returning('id')
  .executeTakeFirstOrThrow();
const specialty = await db.insertInto('specialty').values({ slug: 'front', name: 'Front office', queue_prefix: 'A' }).returning('id').executeTakeFirstOrThrow();
const service = await db.insertInto('service').values({ slug: 'renewal', duration_minutes: 30 }).returning('id').executeTakeFirstOrThrow();
await db
  .insertInto('service_text')
  .values([
    { service_id: service.id, lang: 'de', name: 'Verlängerung' },
    { service_id: service.id, lang: 'uk', name: 'Продовження' },
  ])
  .execute();
await db.insertInto('service_specialty').values({ service_id: service.id, specialty_id: specialty.id }).execute();
await db.insertInto('service_location').values({ service_id: service.id, location_id: location.id }).execute();
const clerk = await addStaff(db, 'clerk', { locationIds: [location.id], specialtyIds: [specialty.id] });
await db
  .insertInto('working_hours')
  .values([1, 2, 3, 4, 5].map((weekday) => ({ staff_id: clerk.id, location_id: location.id, weekday, starts: '07:00', ends: '16:00' })))
  .execute();

let seq = 0;
async function book(startsAt: string, person: string) {
  const starts = new Date(startsAt);
  const row = await db
    .insertInto('appointment')
    .values({
      code: `CLOS${String(++seq).padStart(4, '0')}`,
      manage_secret_hash: 'x',
      service_id: service.id,
      location_id: location.id,
      staff_id: clerk.id,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 30 * 60_000),
      person_name: person,
      date_of_birth: '1990-01-01',
      email: `${person.split(' ')[0]?.toLowerCase()}@example.org`,
      email_normalized: `${person.split(' ')[0]?.toLowerCase()}@example.org`,
      language: 'uk',
      created_by: 'online',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const closuresOf = (locationId: string) => db.selectFrom('location_closure').selectAll().where('location_id', '=', locationId).execute();

test('an admin sets the federal state; an unknown state is refused and changes nothing', async () => {
  const admin = await addStaff(db, 'admin');
  const browser = new Browser(sut);
  await browser.signIn(admin.username);
  const page = `/staff/admin/locations/${location.id}`;
  const fields = { name: 'Wetzlar', slug: 'wetzlar', address: 'Karl-Kellner-Ring 51', timeZone: 'Europe/Berlin', active: 'on' };
  assert.equal((await browser.submit(page, page, { ...fields, federalState: 'XX' })).status, 422);
  assert.equal((await db.selectFrom('location').select('federal_state').where('id', '=', location.id).executeTakeFirstOrThrow()).federal_state, null);
  assert.equal((await browser.submit(page, page, { ...fields, federalState: 'HE' })).status, 303);
  assert.equal((await db.selectFrom('location').select('federal_state').where('id', '=', location.id).executeTakeFirstOrThrow()).federal_state, 'HE');
  assert.match(await (await browser.get(page)).text(), /<option value="HE" selected="">Hessen<\/option>/);
});

test('a closure lists the appointments it and the holidays hit; each is moved to another time or cancelled with a message', async () => {
  // Christmas Eve (Thursday): 09:00 and 13:00 local; Christmas Day 10:00; the day before 09:00.
  const morning = await book('2026-12-24T08:00:00Z', 'Olena Shevchenko');
  const afternoon = await book('2026-12-24T12:00:00Z', 'Taras Bondarenko');
  const christmas = await book('2026-12-25T09:00:00Z', 'Iryna Melnyk');
  const before = await book('2026-12-23T08:00:00Z', 'Andrij Koval');

  const admin = await addStaff(db, 'admin');
  const browser = new Browser(sut);
  await browser.signIn(admin.username);
  const page = `/staff/admin/closures/${location.id}`;
  const initial = await (await browser.get(page)).text();
  assert.match(initial, /Iryna Melnyk/, 'the holiday already hits the Christmas Day appointment');
  assert.doesNotMatch(initial, /Taras Bondarenko|Olena Shevchenko|Andrij Koval/);
  assert.match(initial, /1\. Weihnachtstag/);

  // Christmas Eve from 12:00 to the end of the day.
  assert.equal((await browser.submit(page, page, { day: '2026-12-24', starts: '12:00', ends: '', reason: 'Heiligabend' })).status, 303);
  const [closure] = await closuresOf(location.id);
  assert.equal(closure?.starts, '12:00:00');
  assert.equal(closure?.ends, '24:00:00');
  assert.equal(closure?.created_by, admin.id);

  const html = await (await browser.get(page)).text();
  assert.match(html, /Taras Bondarenko/);
  assert.match(html, /Iryna Melnyk/);
  assert.doesNotMatch(html, /Olena Shevchenko|Andrij Koval/, 'the morning and the day before are open');
  assert.match(html, /Heiligabend/);

  // Moving into a closed time is refused; nothing changes.
  const refused = await browser.submit(page, `${page}/move`, { appointmentId: afternoon, start: '2026-12-24T13:30' });
  assert.equal(refused.status, 409);
  // An appointment no closure hits cannot be handled here (tampered id).
  assert.equal((await browser.submit(page, `${page}/cancel`, { appointmentId: before, note: '' })).status, 409);
  assert.equal(
    (await db.selectFrom('appointment').select('starts_at').where('id', '=', afternoon).executeTakeFirstOrThrow()).starts_at.toISOString(),
    '2026-12-24T12:00:00.000Z',
  );

  assert.equal((await browser.submit(page, `${page}/move`, { appointmentId: afternoon, start: '2026-12-28T10:00' })).status, 303);
  assert.equal(
    (await db.selectFrom('appointment').select('starts_at').where('id', '=', afternoon).executeTakeFirstOrThrow()).starts_at.toISOString(),
    '2026-12-28T09:00:00.000Z',
  );
  assert.equal((await browser.submit(page, `${page}/cancel`, { appointmentId: christmas, note: 'Das Amt ist an Feiertagen geschlossen.' })).status, 303);
  assert.equal((await db.selectFrom('appointment').select('status').where('id', '=', christmas).executeTakeFirstOrThrow()).status, 'cancelled');

  await noticesSettled(db);
  const mails = await sql<{
    data: { to: string; subject: string; text: string };
  }>`SELECT data FROM pgboss.job WHERE name = 'mail.send' ORDER BY created_on`.execute(db);
  assert.deepEqual(mails.rows.map((m) => m.data.to).sort(), ['iryna@example.org', 'taras@example.org']);
  assert.match(mails.rows.find((m) => m.data.to === 'iryna@example.org')!.data.text, /Das Amt ist an Feiertagen geschlossen\./);
  const audited = await db
    .selectFrom('audit_entry')
    .select('action')
    .where('action', 'in', ['appointment.cancel_for_closure', 'appointment.move_for_closure', 'admin.location_closure.add'])
    .execute();
  assert.equal(audited.length, 3);

  const after = await (await browser.get(page)).text();
  assert.doesNotMatch(after, /Taras Bondarenko|Iryna Melnyk/, 'nothing left to handle');
  assert.equal((await db.selectFrom('appointment').select('status').where('id', '=', morning).executeTakeFirstOrThrow()).status, 'booked');

  // Deleting the closure reopens the afternoon.
  assert.equal((await browser.submit(page, `${page}/${closure!.id}/delete`, {})).status, 303);
  assert.equal((await closuresOf(location.id)).length, 0);
});

test('bad closures are refused with a 4xx and nothing is written', async () => {
  const admin = await addStaff(db, 'admin');
  const browser = new Browser(sut);
  await browser.signIn(admin.username);
  const page = `/staff/admin/closures/${location.id}`;
  const count = async () =>
    (
      await db
        .selectFrom('location_closure')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const before = await count();
  assert.equal((await browser.submit(page, page, { day: '2026-12-22', starts: '12:00', ends: '09:00', reason: 'Dienstbesprechung' })).status, 422);
  assert.equal((await browser.submit(page, page, { day: '2026-12-22', starts: '12:00', ends: '12:00', reason: 'Dienstbesprechung' })).status, 422);
  assert.equal((await browser.submit(page, page, { day: '2027-02-30', starts: '', ends: '', reason: 'Betriebsausflug' })).status, 422);
  assert.equal((await browser.submit(page, page, { day: '2026-12-22', starts: '25:00', ends: '', reason: 'x' })).status, 422);
  assert.equal((await browser.submit(page, page, { day: '2026-12-22', starts: '', ends: '', reason: '   ' })).status, 422);
  assert.equal((await browser.submit(page, page, { day: '2026-12-22', lastDay: '2026-12-21', reason: 'Umzug' })).status, 422, 'last day before the first');
  assert.equal((await browser.submit(page, page, { day: '2026-12-22', lastDay: '2027-01-31', reason: 'Umzug' })).status, 422, 'more than 31 days');
  assert.equal((await browser.submit(page, page, { day: '2026-12-22', lastDay: '2026-12-32', reason: 'Umzug' })).status, 422, 'a day that does not exist');
  const csrf = await browser.csrfFrom('/staff');
  assert.equal((await browser.post('/staff/admin/closures/00000000-0000-4000-8000-000000000000', { _csrf: csrf, day: '2026-12-22', reason: 'x' })).status, 404);
  assert.equal((await browser.post('/staff/admin/closures/not-an-id', { _csrf: csrf, day: '2026-12-22', reason: 'x' })).status, 404);
  assert.equal(await count(), before);
});

test('a closure over several days is one row per day with the same times, all or nothing', async () => {
  const admin = await addStaff(db, 'admin');
  const browser = new Browser(sut);
  await browser.signIn(admin.username);
  const page = `/staff/admin/closures/${other.id}`;
  const form = { day: '2026-12-28', lastDay: '2026-12-31', starts: '12:00', ends: '', reason: 'Zwischen den Jahren' };
  assert.equal((await browser.submit(page, page, form)).status, 303);
  const rows = await db
    .selectFrom('location_closure')
    .select(['day', 'starts', 'ends', 'reason'])
    .where('location_id', '=', other.id)
    .where('reason', '=', 'Zwischen den Jahren')
    .orderBy('day')
    .execute();
  assert.deepEqual(
    rows.map((r) => [String(r.day), r.starts, r.ends]),
    [
      ['2026-12-28', '12:00:00', '24:00:00'],
      ['2026-12-29', '12:00:00', '24:00:00'],
      ['2026-12-30', '12:00:00', '24:00:00'],
      ['2026-12-31', '12:00:00', '24:00:00'],
    ],
  );
  // One day alone (no last day, or the same day) stays one row.
  assert.equal((await browser.submit(page, page, { day: '2027-01-04', lastDay: '2027-01-04', reason: 'Inventur' })).status, 303);
  assert.equal((await db.selectFrom('location_closure').select('id').where('reason', '=', 'Inventur').execute()).length, 1);
  await db.deleteFrom('location_closure').where('location_id', '=', other.id).execute();
});

test('a team lead enters closures only for their own location', async () => {
  const lead = await addStaff(db, 'team_lead', { locationIds: [other.id] });
  const browser = new Browser(sut);
  await browser.signIn(lead.username);
  assert.equal((await browser.get(`/staff/admin/closures/${location.id}`)).status, 403);
  const csrf = await browser.csrfFrom('/staff');
  assert.equal((await browser.post(`/staff/admin/closures/${location.id}`, { _csrf: csrf, day: '2026-12-22', reason: 'Dienstbesprechung' })).status, 403);
  assert.equal((await closuresOf(location.id)).length, 0);
  const own = `/staff/admin/closures/${other.id}`;
  assert.equal((await browser.submit(own, own, { day: '2026-12-22', starts: '13:00', ends: '15:00', reason: 'Dienstbesprechung' })).status, 303);
  assert.equal((await closuresOf(other.id)).length, 1);
  const list = await (await browser.get('/staff/admin/closures')).text();
  assert.match(list, /Dillenburg/);
  assert.doesNotMatch(list, /Wetzlar/);
  // A clerk has no business here.
  const clerkBrowser = new Browser(sut);
  await clerkBrowser.signIn(clerk.username);
  assert.equal((await clerkBrowser.get(own)).status, 403);
});
