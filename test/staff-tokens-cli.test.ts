import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { createDevice } from '../src/features/staff/api-tokens.ts';
import { can } from '../src/features/staff/policy.ts';
import { actorForDeviceToken } from '../src/features/staff/api-tokens.ts';
import { createTestApp, fixedClock, json } from './app.ts';
import { createTestDatabase } from './database.ts';
import { createOffice } from './office-factory.ts';
import { addStaff, Browser } from './staff.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const sut = createTestApp(db, { clock });

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL(`../scripts/${script}`, import.meta.url).pathname, ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('npm run admin:create makes an administrator who can sign in; a taken name creates nothing', { timeout: 60_000 }, async () => {
  const created = await run('admin-create.ts', ['--username', 'Anna.Admin', '--name', 'Anna Admin', '--password', 'a very good password']);
  assert.equal(created.code, 0, created.stderr);
  const browser = new Browser(sut);
  assert.equal((await browser.signIn('anna.admin', 'a very good password')).status, 303);
  assert.equal((await browser.get('/staff/admin/security')).status, 200);
  const again = await run('admin-create.ts', ['--username', 'anna.admin', '--name', 'Other', '--password', 'a very good password']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /taken/);
  const noTerminal = await run('admin-create.ts', ['--username', 'bernd']);
  assert.notEqual(noTerminal.code, 0);
  assert.match(noTerminal.stderr, /pass it as a flag/);
});

test('npm run token:create prints a token once; it works as Bearer with its role, is stored hashed, and can be revoked', { timeout: 60_000 }, async () => {
  const admin = await addStaff(db, 'admin');
  const created = await run('token-create.ts', ['--owner', admin.username, '--role', 'clerk', '--name', 'benchmark']);
  assert.equal(created.code, 0, created.stderr);
  const token = created.stdout.trim();
  assert.match(token, /^lotse_pat_[\w-]{40,}$/);
  const stored = await db.selectFrom('api_token').select(['id', 'token_hash']).where('name', '=', 'benchmark').executeTakeFirstOrThrow();
  assert.ok(!stored.token_hash.includes(token.slice(10)), 'only a hash is stored');

  const me = await sut.request('/api/v1/staff/me', { headers: { authorization: `Bearer ${token}` } });
  assert.equal(me.status, 200);
  const body = await json(me);
  assert.equal(body.role, 'clerk', 'the token role, not the owner role');
  assert.equal(body.via, 'api_token');
  // With the clerk role the admin pages are closed to this token.
  assert.equal((await sut.request('/staff/admin/audit', { headers: { authorization: `Bearer ${token}` } })).status, 403);

  const browser = new Browser(sut);
  await browser.signIn(admin.username);
  assert.equal((await browser.submit('/staff/admin/security', '/staff/admin/security/tokens/revoke', { id: stored.id })).status, 303);
  assert.equal((await sut.request('/api/v1/staff/me', { headers: { authorization: `Bearer ${token}` } })).status, 401);
  assert.equal((await sut.request('/api/v1/staff/me', { headers: { authorization: 'Bearer lotse_pat_made-up' } })).status, 401);
  assert.equal((await sut.request('/api/v1/staff/me')).status, 401);
  const openapi = await json(await sut.request('/api/openapi.json'));
  assert.ok(openapi.paths['/api/v1/staff/me'], 'the staff API is in the OpenAPI document');

  const clerk = await addStaff(db, 'clerk');
  const denied = await run('token-create.ts', ['--owner', clerk.username, '--role', 'admin', '--name', 'escalation']);
  assert.equal(denied.code, 1, 'a clerk cannot hold an admin token');
});

test('an admin creates an API token in the UI; it is shown once and never appears in a URL', async () => {
  const admin = await addStaff(db, 'admin');
  const browser = new Browser(sut);
  await browser.signIn(admin.username);
  const response = await browser.submit('/staff/admin/security', '/staff/admin/security/tokens', { name: 'Fachverfahren-Import', role: 'reception' });
  assert.equal(response.status, 201);
  const token = /<p class="secret">(lotse_pat_[\w-]+)<\/p>/.exec(await response.text())?.[1];
  assert.ok(token);
  assert.equal((await json(await sut.request('/api/v1/staff/me', { headers: { authorization: `Bearer ${token}` } }))).role, 'reception');
  assert.doesNotMatch(await (await browser.get('/staff/admin/security')).text(), new RegExp(token.slice(10)));
});

test('a display device token is bound to its location and sees no personal data', async () => {
  const office = await createOffice(db);
  const { token } = await createDevice({ db, clock }, { kind: 'display', locationId: office.locationId, name: 'Wartebereich EG' });
  const device = await actorForDeviceToken(db, token);
  assert.ok(device);
  assert.equal(device.locationId, office.locationId);
  assert.equal(can(device, 'display.show', { locationId: office.locationId }), true);
  assert.equal(can(device, 'display.show', { locationId: '00000000-0000-4000-8000-000000000000' }), false);
  assert.equal(can(device, 'person.read', { locationId: office.locationId }), false);
  // A device is not a staff member: staff pages and the staff API stay closed.
  assert.equal((await sut.request('/api/v1/staff/me', { headers: { authorization: `Bearer ${token}` } })).status, 401);
});

test('a device is paired by typing its token once; the token is kept in an httpOnly cookie', async () => {
  const office = await createOffice(db);
  const { token } = await createDevice({ db, clock }, { kind: 'kiosk', locationId: office.locationId, name: 'Eingang' });
  const browser = new Browser(sut);
  assert.equal((await browser.get('/device/pair')).status, 200);
  const wrong = await browser.post('/device/pair', { token: 'lotse_dev_wrong' });
  assert.equal(wrong.headers.get('location'), '/device/pair?error=1');
  const paired = await browser.post('/device/pair', { token });
  assert.equal(paired.headers.get('location'), '/kiosk');
  assert.match(paired.headers.getSetCookie().join(';'), /lotse_device=.*HttpOnly/i);
  assert.equal((await browser.post('/device/pair', { token }, { origin: 'https://evil.example' })).status, 403);
});
