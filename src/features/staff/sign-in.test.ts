import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { addStaff, Browser, testPassword } from '../../../test/staff.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const sut = createTestApp(db, { clock });

test('a clerk signs in with user name and password and lands on the staff home', async () => {
  const clerk = await addStaff(db, 'clerk');
  const browser = new Browser(sut);
  const response = await browser.signIn(clerk.username);
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), '/staff');
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('lotse_staff='));
  assert.match(cookie ?? '', /HttpOnly/i);
  assert.match(cookie ?? '', /SameSite=Lax/i);
  const home = await browser.get('/staff');
  assert.equal(home.status, 200);
  assert.match(await home.text(), new RegExp(clerk.username));
  const row = await db.selectFrom('staff_session').select('id_hash').where('staff_id', '=', clerk.id).executeTakeFirstOrThrow();
  assert.ok(!Object.values(browser.cookies).includes(row.id_hash), 'the cookie is not the stored id');
});

test('unknown user and wrong password get the same answer, and both are audited', async () => {
  const clerk = await addStaff(db, 'clerk');
  const wrong = await new Browser(sut).signIn(clerk.username, 'wrong password here');
  const unknown = await new Browser(sut).signIn('nobody-here', 'wrong password here');
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
  assert.equal(strip(await wrong.text()), strip(await unknown.text()));
  const entries = await db
    .selectFrom('audit_entry')
    .select(['actor_label', 'outcome', 'note'])
    .where('action', '=', 'staff.sign_in')
    .where('outcome', '=', 'failed')
    .execute();
  assert.ok(entries.some((e) => e.actor_label === clerk.username && e.note === 'wrong password'));
  assert.ok(entries.some((e) => e.actor_label === 'nobody-here' && e.note === 'unknown user'));
});

test('pages need a session: without one they lead to the sign-in page', async () => {
  const page = await sut.request('/staff/admin/security');
  assert.equal(page.status, 303);
  assert.match(page.headers.get('location') ?? '', /^\/staff\/sign-in\?next=/);
});

test('after five wrong passwords the account is locked, even for the right password, until an admin lifts it', async () => {
  const clerk = await addStaff(db, 'clerk');
  for (let i = 0; i < 5; i++) assert.equal((await new Browser(sut).signIn(clerk.username, 'not the password')).status, 401);
  const locked = await new Browser(sut).signIn(clerk.username);
  assert.equal(locked.status, 429);
  assert.equal(await db.selectFrom('staff_session').select('id_hash').where('staff_id', '=', clerk.id).executeTakeFirst(), undefined);
  // An unknown name locks the same way, so a lock says nothing about whether a name exists.
  for (let i = 0; i < 5; i++) await new Browser(sut).signIn('ghost-user', 'x');
  assert.equal((await new Browser(sut).signIn('ghost-user', 'x')).status, 429);

  const admin = await addStaff(db, 'admin');
  const adminBrowser = new Browser(sut);
  await adminBrowser.signIn(admin.username);
  const lifted = await adminBrowser.submit('/staff/admin/security', '/staff/admin/security/unlock', { key: `account:${clerk.username}` });
  assert.equal(lifted.status, 303);
  assert.equal((await new Browser(sut).signIn(clerk.username)).status, 303);
});

test('the lock ends by itself after the lockout time', async () => {
  const clerk = await addStaff(db, 'clerk');
  for (let i = 0; i < 5; i++) await new Browser(sut).signIn(clerk.username, 'not the password');
  assert.equal((await new Browser(sut).signIn(clerk.username)).status, 429);
  clock.advance(16 * 60_000);
  assert.equal((await new Browser(sut).signIn(clerk.username)).status, 303);
});

test('a session ends after 30 idle minutes, and after 10 hours however active', async () => {
  const clerk = await addStaff(db, 'clerk');
  const idle = new Browser(sut);
  await idle.signIn(clerk.username);
  clock.advance(29 * 60_000);
  assert.equal((await idle.get('/staff')).status, 200);
  clock.advance(31 * 60_000);
  const expired = await idle.get('/staff');
  assert.equal(expired.status, 303);
  assert.match(expired.headers.get('location') ?? '', /sign-in/);

  const busy = new Browser(sut);
  await busy.signIn(clerk.username);
  for (let elapsed = 20; elapsed < 10 * 60; elapsed += 20) {
    clock.advance(20 * 60_000);
    assert.equal((await busy.get('/staff')).status, 200, `still in after ${elapsed} min`);
  }
  clock.advance(20 * 60_000);
  const csrf = await idle.csrfFrom('/staff/sign-in');
  assert.equal((await busy.post('/staff/sign-out-everywhere', { _csrf: csrf })).status, 401, 'a form sent with an ended session changes nothing');
  assert.equal((await busy.get('/staff')).status, 303);
  const stale = await db.selectFrom('audit_entry').select('action').where('action', '=', 'security.stale_session').execute();
  assert.equal(stale.length, 1, 'and is audited');
});

test('sign-out everywhere ends every session of that person', async () => {
  const clerk = await addStaff(db, 'clerk');
  const laptop = new Browser(sut);
  const phone = new Browser(sut);
  await laptop.signIn(clerk.username);
  await phone.signIn(clerk.username);
  const response = await laptop.submit('/staff', '/staff/sign-out-everywhere', {});
  assert.equal(response.status, 303);
  assert.equal((await phone.get('/staff')).status, 303);
  const count = await db.selectFrom('staff_session').select(sql<number>`count(*)`.as('n')).where('staff_id', '=', clerk.id).executeTakeFirstOrThrow();
  assert.equal(count.n, 0);
});

test('state-changing requests need this session’s CSRF token and a same-site origin', async () => {
  const clerk = await addStaff(db, 'clerk');
  const mine = new Browser(sut);
  const other = new Browser(sut);
  await mine.signIn(clerk.username);
  await other.signIn(clerk.username);
  const otherToken = await other.csrfFrom('/staff');
  const ownToken = await mine.csrfFrom('/staff');

  assert.equal((await mine.post('/staff/sign-out-everywhere', {})).status, 403, 'no token');
  assert.equal((await mine.post('/staff/sign-out-everywhere', { _csrf: otherToken })).status, 403, 'token of another session');
  assert.equal((await mine.post('/staff/sign-out-everywhere', { _csrf: ownToken }, { origin: 'https://evil.example' })).status, 403, 'foreign origin');
  assert.equal((await mine.get('/staff')).status, 200, 'nothing happened');
  const rejected = await db.selectFrom('audit_entry').select('id').where('action', '=', 'security.csrf_rejected').execute();
  assert.equal(rejected.length, 3);

  // A token from before sign-out cannot be replayed in the next session.
  await mine.post('/staff/sign-out', { _csrf: ownToken });
  await mine.signIn(clerk.username);
  assert.equal((await mine.post('/staff/sign-out-everywhere', { _csrf: ownToken })).status, 403);
  assert.equal((await mine.post('/staff/sign-out-everywhere', { _csrf: await mine.csrfFrom('/staff') })).status, 303);
});

test('the sign-in form itself refuses a post without its cookie token', async () => {
  const clerk = await addStaff(db, 'clerk');
  const browser = new Browser(sut);
  const response = await browser.post('/staff/sign-in', { _csrf: 'forged', username: clerk.username, password: testPassword });
  assert.equal(response.status, 403);
});

test('failed sign-ins arriving at the same moment are all counted (no lost updates) and lock the account', async () => {
  const clerk = await addStaff(db, 'clerk');
  const answers = await Promise.all(Array.from({ length: 12 }, () => new Browser(sut).signIn(clerk.username, 'not the password')));
  const statuses = answers.map((r) => r.status);
  assert.ok(
    statuses.every((s) => s === 401 || s === 429),
    statuses.join(','),
  );
  const row = await db
    .selectFrom('sign_in_throttle')
    .select(['failures', 'locked_until'])
    .where('key', '=', `account:${clerk.username}`)
    .executeTakeFirstOrThrow();
  assert.equal(row.failures, statuses.filter((s) => s === 401).length);
  assert.ok(row.locked_until && row.locked_until > clock.now());
  assert.equal((await new Browser(sut).signIn(clerk.username)).status, 429);
});

test('staff screens switch between German and English', async () => {
  const browser = new Browser(sut);
  assert.match(await (await browser.get('/staff/sign-in')).text(), /Anmeldung für Mitarbeitende/);
  const switched = await browser.get('/staff/language/en?back=/staff/sign-in');
  assert.equal(switched.headers.get('location'), '/staff/sign-in');
  assert.match(await (await browser.get('/staff/sign-in')).text(), /Staff sign-in/);
  assert.equal((await browser.get('/staff/language/en?back=https://evil.example')).headers.get('location'), '/staff');
  assert.equal((await browser.get('/staff/language/tr')).status, 404);
});

test('behind HTTPS the session cookie is Secure with the __Host- prefix, and the Origin must be the public one', async () => {
  const clerk = await addStaff(db, 'clerk');
  const https = createTestApp(db, { clock, publicUrl: 'https://termine.example.de' });
  const browser = new Browser(https);
  const signIn = await browser.post('/staff/sign-in', { _csrf: 'x' }, { origin: 'https://termine.example.de' });
  assert.equal(signIn.status, 403, 'no sign-in cookie yet');
  const csrf = await browser.csrfFrom('/staff/sign-in');
  const response = await browser.post(
    '/staff/sign-in',
    { _csrf: csrf, username: clerk.username, password: testPassword },
    { origin: 'https://termine.example.de' },
  );
  assert.equal(response.status, 303);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('__Host-lotse_staff='));
  assert.match(cookie ?? '', /Secure/);
  assert.match(cookie ?? '', /HttpOnly/);
  assert.match(cookie ?? '', /Path=\//);
  const token = await browser.csrfFrom('/staff');
  assert.equal((await browser.post('/staff/sign-out-everywhere', { _csrf: token }, { origin: 'http://termine.example.de' })).status, 403, 'plain-http origin');
  assert.equal((await browser.post('/staff/sign-out-everywhere', { _csrf: token }, { origin: 'https://termine.example.de' })).status, 303);
});
