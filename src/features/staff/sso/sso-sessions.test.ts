import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { generateKeyPair, SignJWT } from 'jose';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { freePort } from '../../../../test/global-setup.ts';
import { providerTime, startTestProvider, WebClient } from '../../../../test/oidc-provider.ts';
import { serveApp } from '../../../../test/serve-app.ts';
import { addStaff, testPassword } from '../../../../test/staff.ts';
import { createLogger } from '../../../platform/log.ts';
import { createSsoClient } from './oidc-client.ts';
import { parseGroupMap, ssoCallbackPath, type OidcSettings } from './sso-settings.ts';

const { db } = await createTestDatabase();
const port = await freePort();
const lotse = `http://127.0.0.1:${port}`;
// ID tokens outlive the idle time here: a refresh half an hour on (by the office clock) still validates.
const idp = await startTestProvider({ lotseUrl: lotse, idTokenTtlSeconds: 7200 });
const clock = fixedClock(providerTime());
const groupMap = parseGroupMap('{"lotse-clerks": {"role": "clerk"}, "lotse-admins": {"role": "admin"}}');
if (!('map' in groupMap)) throw new Error(groupMap.error);
const settings: OidcSettings = {
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  redirectUrl: `${lotse}${ssoCallbackPath}`,
  scopes: 'openid profile',
  usernameClaim: 'preferred_username',
  nameClaim: 'name',
  groupsClaim: 'groups',
  groupMap: groupMap.map,
};
const idleMs = 30 * 60_000;
const app = createTestApp(db, { clock, publicUrl: lotse, sso: createSsoClient(settings, createLogger('silent')), staffAuth: { sessionIdleMs: idleMs } });
await serveApp(app, { port });

let counter = 0;
async function signedInThroughProvider(groups = ['lotse-clerks']) {
  const id = `person-${++counter}`;
  idp.accounts.set(id, { username: `sso.user${counter}`, name: `SSO User ${counter}`, groups });
  const browser = new WebClient();
  const callback = `${lotse}${ssoCallbackPath}?`;
  let page = await browser.follow(`${lotse}/staff/sso/start`, {}, callback);
  for (let step = 0; step < 3 && !page.url.startsWith(callback); step++) {
    const html = await page.response.clone().text();
    page = await browser.submitForm(page, html.includes('name="login"') ? { login: id, password: 'any' } : {}, callback);
  }
  assert.equal((await browser.follow(page.url)).url, `${lotse}/staff`, 'signed in');
  const staff = await db.selectFrom('staff').select('id').where('sso_subject', '=', id).executeTakeFirstOrThrow();
  return { id, browser, staffId: staff.id };
}

const sessionsOf = async (staffId: string) => db.selectFrom('staff_session').select(['sso_sid', 'sso_checked_at']).where('staff_id', '=', staffId).execute();

/** A password sign-in over HTTP with the sign-in form's CSRF token. */
async function signInWithPassword(username: string) {
  const browser = new WebClient();
  const page = await browser.request(`${lotse}/staff/sign-in`);
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await page.text())?.[1] ?? '';
  const body = new URLSearchParams({ _csrf: csrf, username, password: testPassword });
  const response = await browser.request(`${lotse}/staff/sign-in`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: lotse },
  });
  return { browser, response };
}

test('a person removed at the provider loses the open session once the idle time has passed; one still there keeps it', async () => {
  const stays = await signedInThroughProvider();
  const removed = await signedInThroughProvider();
  idp.accounts.delete(removed.id);
  clock.advance(idleMs - 60_000);
  // Within the idle time nothing is asked: both still work (and stay active).
  assert.equal((await removed.browser.follow(`${lotse}/staff`)).url, `${lotse}/staff`);
  assert.equal((await stays.browser.follow(`${lotse}/staff`)).url, `${lotse}/staff`);
  clock.advance(2 * 60_000);
  const after = await removed.browser.follow(`${lotse}/staff`);
  assert.match(after.url, /\/staff\/sign-in/);
  assert.deepEqual(await sessionsOf(removed.staffId), []);
  const ended = await db
    .selectFrom('audit_entry')
    .select('note')
    .where('action', '=', 'staff.sso_session_ended')
    .where('target_id', '=', removed.staffId)
    .executeTakeFirst();
  assert.equal(ended?.note, 'the identity provider no longer confirms the person');
  assert.equal((await stays.browser.follow(`${lotse}/staff`)).url, `${lotse}/staff`);
  const [checked] = await sessionsOf(stays.staffId);
  assert.equal(checked?.sso_checked_at?.getTime(), clock.now().getTime(), 'the provider confirmed the person now');
});

test('front-channel logout ends the sessions of that provider session, and only with our issuer', async () => {
  const person = await signedInThroughProvider();
  const [session] = await sessionsOf(person.staffId);
  const sid = session?.sso_sid ?? '';
  const stranger = new WebClient();
  await stranger.request(`${lotse}/staff/sso/logout?iss=${encodeURIComponent('https://evil.example')}&sid=${encodeURIComponent(sid)}`);
  assert.equal((await sessionsOf(person.staffId)).length, 1, 'another issuer ends nothing');
  // From the provider's hidden frame: no Lotse cookie comes along, the session id decides.
  const frame = await stranger.request(`${lotse}/staff/sso/logout?iss=${encodeURIComponent(idp.issuer)}&sid=${encodeURIComponent(sid)}`);
  assert.equal(frame.status, 303);
  assert.deepEqual(await sessionsOf(person.staffId), []);
  assert.match((await person.browser.follow(`${lotse}/staff`)).url, /\/staff\/sign-in/);
});

test('a logout token not signed by the provider, no JWT, or none at all ends nothing', async () => {
  const person = await signedInThroughProvider();
  const [session] = await sessionsOf(person.staffId);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const forge = (claims: Record<string, unknown>, key = privateKey) =>
    new SignJWT({ sid: session?.sso_sid, events: { 'http://schemas.openid.net/event/backchannel-logout': {} }, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'logout+jwt' })
      .setIssuer(idp.issuer)
      .setAudience(idp.clientId)
      .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
      .setJti(`jti-${Math.random()}`)
      .sign(key);
  const post = async (token: string) => fetch(`${lotse}/staff/sso/backchannel-logout`, { method: 'POST', body: new URLSearchParams({ logout_token: token }) });
  const forged = await post(await forge({}));
  assert.equal(forged.status, 400);
  assert.equal((await forged.json()).error, 'invalid_request');
  assert.equal((await post('not-a-jwt')).status, 400);
  assert.equal((await fetch(`${lotse}/staff/sso/backchannel-logout`, { method: 'POST', body: new URLSearchParams() })).status, 400);
  assert.equal((await sessionsOf(person.staffId)).length, 1);
});

test('an administrator can require single sign-on: then only the first administrator signs in with a password', async () => {
  const first = await addStaff(db, 'admin');
  const clerk = await addStaff(db, 'clerk');
  const admin = await signInWithPassword(first.username);
  assert.equal(admin.response.status, 303);
  const page = await admin.browser.request(`${lotse}/staff/admin/security`);
  const html = await page.text();
  assert.match(html, /Nur noch mit Dienstkonto anmelden/);
  assert.match(html, new RegExp(`Die Anmeldung mit Passwort behält: [^<]*\\(${first.username}\\)`));
  const csrf = /action="\/staff\/admin\/security\/sign-in-policy"[\s\S]*?name="_csrf" value="([^"]*)"/.exec(html)?.[1] ?? '';
  const saved = await admin.browser.request(`${lotse}/staff/admin/security/sign-in-policy`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrf, ssoRequired: 'on' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: lotse },
  });
  assert.equal(saved.status, 303);
  const change = await db
    .selectFrom('audit_entry')
    .select(['before', 'after', 'actor_staff_id'])
    .where('action', '=', 'admin.sign_in_policy.update')
    .executeTakeFirstOrThrow();
  assert.deepEqual([change.before, change.after, change.actor_staff_id], [{ sso_required: false }, { sso_required: true }, first.id]);

  const refused = await signInWithPassword(clerk.username);
  assert.equal(refused.response.status, 403);
  assert.match(await refused.response.text(), /Bitte melden Sie sich mit Ihrem Dienstkonto an/);
  const audit = await db
    .selectFrom('audit_entry')
    .select('note')
    .where('action', '=', 'staff.sign_in')
    .where('target_id', '=', clerk.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  assert.equal(audit?.note, 'local sign-in refused: single sign-on required');
  assert.equal((await signInWithPassword(first.username)).response.status, 303, 'the first administrator keeps the password');
  await signedInThroughProvider();

  // Without an identity provider the setting cannot be switched on: nobody else could sign in.
  await db.updateTable('sign_in_policy').set({ sso_required: false }).execute();
  const withoutIdp = createTestApp(db, { clock, publicUrl: lotse });
  const cookie = [...admin.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const noIdp = await withoutIdp.request('/staff/admin/security/sign-in-policy', {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrf, ssoRequired: 'on' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: lotse, cookie },
  });
  assert.equal(noIdp.status, 422);
  assert.equal((await db.selectFrom('sign_in_policy').select('sso_required').executeTakeFirstOrThrow()).sso_required, false);
});

function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

test('start-up says which setting is wrong, never the secret: unreachable issuer, refused secret, or ready', async () => {
  const closed = await freePort();
  const unreachable = capturedLogger();
  const secret = 'the-secret-that-must-not-be-logged';
  assert.equal(
    await createSsoClient({ ...settings, issuer: `http://127.0.0.1:${closed}`, clientSecret: secret }, unreachable.logger).checkAtStart(),
    'issuer_unreachable',
  );
  assert.match(unreachable.lines.join(''), /identity provider not reachable/);

  const wrongSecret = capturedLogger();
  assert.equal(await createSsoClient({ ...settings, clientSecret: secret }, wrongSecret.logger).checkAtStart(), 'client_rejected');
  assert.match(wrongSecret.lines.join(''), /refuses the client id or secret/);

  const right = capturedLogger();
  assert.equal(await createSsoClient(settings, right.logger).checkAtStart(), 'ok');
  for (const line of [...unreachable.lines, ...wrongSecret.lines, ...right.lines]) {
    assert.ok(!line.includes(secret) && !line.includes(settings.clientSecret), `no secret in: ${line}`);
  }
});

test('with the issuer unreachable, the work-account button answers with a clear message and passwords still work', async () => {
  const closed = await freePort();
  const broken = createTestApp(db, {
    clock,
    publicUrl: lotse,
    sso: createSsoClient({ ...settings, issuer: `http://127.0.0.1:${closed}` }, createLogger('silent')),
  });
  const start = await broken.request('/staff/sso/start');
  assert.equal(start.status, 503);
  assert.match(await start.text(), /gerade nicht erreichbar/);
  const clerk = await addStaff(db, 'clerk');
  const page = await broken.request('/staff/sign-in');
  const csrf = /name="_csrf" value="([^"]*)"/.exec(await page.text())?.[1] ?? '';
  const cookie = page.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const signedIn = await broken.request('/staff/sign-in', {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrf, username: clerk.username, password: testPassword }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: lotse, cookie },
  });
  assert.equal(signedIn.status, 303);
  assert.equal(signedIn.headers.get('location'), '/staff');
});
