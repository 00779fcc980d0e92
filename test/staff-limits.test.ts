import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { addStaff, Browser, testPassword } from './staff.ts';
import { createApiToken } from '../src/features/staff/index.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-21T08:00:00Z');
const app = createTestApp(db, { clock, url });

const mitte = await db.insertInto('location').values({ slug: 'mitte', name: 'Mitte', address: 'Hauptstraße 1' }).returning('id').executeTakeFirstOrThrow();
const nord = await db.insertInto('location').values({ slug: 'nord', name: 'Nord', address: 'Nordweg 2' }).returning('id').executeTakeFirstOrThrow();
const service = await db.insertInto('service').values({ slug: 'pass', duration_minutes: 30 }).returning('id').executeTakeFirstOrThrow();
await db.insertInto('service_text').values({ service_id: service.id, lang: 'de', name: 'Pass' }).execute();

test("a role change or deactivation takes effect on the owner's API tokens at once", async () => {
  const lead = await addStaff(db, 'team_lead', { locationIds: [mitte.id] });
  const { token } = await createApiToken({ db, clock }, { staffId: lead.id, name: 'integration', role: 'team_lead' });
  const me = () => app.request('/api/v1/staff/me', { headers: { authorization: `Bearer ${token}` } });
  const before = await me();
  assert.equal(before.status, 200);
  assert.equal((await before.json()).role, 'team_lead');
  await db.updateTable('staff').set({ role: 'clerk' }).where('id', '=', lead.id).execute();
  assert.equal((await me()).status, 401, 'the demoted owner’s team-lead token no longer works');
  await db.updateTable('staff').set({ role: 'team_lead' }).where('id', '=', lead.id).execute();
  assert.equal((await me()).status, 200);
  await db.updateTable('staff').set({ active: false }).where('id', '=', lead.id).execute();
  assert.equal((await me()).status, 401, 'a deactivated owner’s token no longer works');
});

test('a team lead of one location cannot change hours at, or read the bookings of, another location', async () => {
  const lead = await addStaff(db, 'team_lead', { locationIds: [mitte.id] });
  const clerk = await addStaff(db, 'clerk', { locationIds: [mitte.id, nord.id] });
  const browser = new Browser(app);
  await browser.signIn(lead.username);
  const page = `/staff/admin/hours/${clerk.id}`;
  const form = await (await browser.get(page)).text();
  assert.doesNotMatch(form, new RegExp(`<option value="${nord.id}"`), 'the other location is not offered');

  const hoursAtNord = await browser.submit(page, `${page}/template`, { locationId: nord.id, weekday: '2', starts: '08:00', ends: '12:00' });
  assert.equal(hoursAtNord.status, 403);
  const dayAtNord = await browser.submit(page, `${page}/overrides`, { locationId: nord.id, day: '2026-11-24', starts: '08:00', ends: '12:00' });
  assert.equal(dayAtNord.status, 403);
  assert.equal((await db.selectFrom('working_hours').select('id').where('staff_id', '=', clerk.id).execute()).length, 0);
  assert.equal((await db.selectFrom('working_day_override').select('id').where('staff_id', '=', clerk.id).execute()).length, 0);
  const hoursAtMitte = await browser.submit(page, `${page}/template`, { locationId: mitte.id, weekday: '2', starts: '08:00', ends: '12:00' });
  assert.equal(hoursAtMitte.status, 303, 'the own location still works');

  // An entry at Nord (made by an admin) cannot be deleted by Mitte's team lead either.
  const nordHours = await db
    .insertInto('working_hours')
    .values({ staff_id: clerk.id, location_id: nord.id, weekday: 3, starts: '08:00', ends: '12:00' })
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.equal((await browser.submit(page, `${page}/template/${nordHours.id}/delete`, {})).status, 403);
  assert.ok(await db.selectFrom('working_hours').select('id').where('id', '=', nordHours.id).executeTakeFirst());

  const booked = await db
    .insertInto('appointment')
    .values({
      code: 'NORD0001',
      manage_secret_hash: 'x',
      service_id: service.id,
      location_id: nord.id,
      staff_id: clerk.id,
      starts_at: new Date('2026-11-24T09:00:00Z'),
      ends_at: new Date('2026-11-24T09:30:00Z'),
      person_name: 'Nord Person',
      date_of_birth: '1990-01-01',
      email: 'nord@example.org',
      email_normalized: 'nord@example.org',
      language: 'de',
      created_by: 'online',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const absence = await browser.submit(page, `${page}/absences`, { from: '2026-11-24T00:00', until: '2026-11-25T00:00', note: '' });
  assert.equal(absence.status, 303);
  const impact = await browser.get(absence.headers.get('location')!);
  assert.equal(impact.status, 200);
  assert.doesNotMatch(await impact.text(), /Nord Person/, 'the other location’s booked person is not shown');
  const absenceId = absence.headers.get('location')!.split('/').pop()!;
  const cancel = await browser.submit(absence.headers.get('location')!, `/staff/admin/absences/${absenceId}/cancel`, { appointmentId: booked.id, note: '' });
  assert.equal(cancel.status, 403);
  assert.equal((await db.selectFrom('appointment').select('status').where('id', '=', booked.id).executeTakeFirstOrThrow()).status, 'booked');
});

test("signing in again ends the browser's previous session", async () => {
  const clerk = await addStaff(db, 'clerk', { locationIds: [mitte.id] });
  const browser = new Browser(app);
  // The sign-in form open in two tabs: the second sign-in comes from the same browser.
  const csrf = await browser.csrfFrom('/staff/sign-in');
  const signIn = () => browser.post('/staff/sign-in', { _csrf: csrf, username: clerk.username, password: testPassword });
  assert.equal((await signIn()).status, 303);
  const first = new Map(browser.cookies);
  assert.equal((await browser.get('/staff')).status, 200);
  assert.equal((await signIn()).status, 303);
  const [name] = [...browser.cookies].find(([key, value]) => first.has(key) && first.get(key) !== value && key !== 'lotse_signin') ?? [];
  assert.ok(name, 'a new session cookie was set');
  const stale = await app.request('/staff', { headers: { cookie: `${name}=${first.get(name)}` }, redirect: 'manual' });
  assert.notEqual(stale.status, 200, 'the previous session cookie no longer opens staff pages');
  assert.equal((await browser.get('/staff')).status, 200, 'the new one does');
});

test('staff pages with personal data are not stored by caches', async () => {
  const admin = await addStaff(db, 'admin');
  const browser = new Browser(app);
  await browser.signIn(admin.username);
  for (const path of ['/staff', '/staff/admin/hours', '/staff/calendar']) {
    const page = await browser.get(path);
    assert.equal(page.headers.get('cache-control'), 'no-store', path);
  }
});

test('behind a trusted proxy, the audit trail records the client’s address, not the proxy’s or a forged one', async () => {
  const proxied = createTestApp(db, { clock, url, trustedProxies: ['10.0.0.0/8'] });
  const clerk = await addStaff(db, 'clerk', { locationIds: [mitte.id] });
  const env = { incoming: { socket: { remoteAddress: '10.1.2.3' } } };
  const form = await proxied.request('/staff/sign-in', {}, env);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const cookie = form.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const response = await proxied.request(
    '/staff/sign-in',
    {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf, username: clerk.username, password: testPassword }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie,
        origin: 'http://localhost:3000',
        'x-forwarded-for': '192.0.2.66, 198.51.100.23, 10.9.9.9',
      },
    },
    env,
  );
  assert.equal(response.status, 303);
  const entry = await db
    .selectFrom('audit_entry')
    .select('ip')
    .where('action', '=', 'staff.sign_in')
    .where('actor_label', '=', clerk.username)
    .executeTakeFirstOrThrow();
  assert.equal(entry.ip, '198.51.100.23');
});
