import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { freePort } from '../../../../test/global-setup.ts';
import { providerTime, startTestProvider, WebClient } from '../../../../test/oidc-provider.ts';
import { serveApp } from '../../../../test/serve-app.ts';
import { createLogger } from '../../../platform/log.ts';
import { createSsoClient } from './oidc-client.ts';
import { parseGroupMap, ssoCallbackPath, type OidcSettings } from './sso-settings.ts';

const { db } = await createTestDatabase();
const port = await freePort();
const lotse = `http://127.0.0.1:${port}`;
const idp = await startTestProvider({ lotseUrl: lotse, idTokenTtlSeconds: 300 });
// The provider keeps real time and cannot be given a clock: the office clock starts where the provider's stands.
const clock = fixedClock(providerTime());
const groupMap = parseGroupMap(
  JSON.stringify({
    'lotse-admins': { role: 'admin' },
    'wetzlar-clerks': { role: 'clerk', locations: ['wetzlar'] },
    'giessen-team': { role: 'team_lead', locations: ['giessen'] },
  }),
);
if (!('map' in groupMap)) throw new Error(groupMap.error);
export const settings: OidcSettings = {
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
const sso = createSsoClient(settings, createLogger('silent'));
const idleMs = 30 * 60_000;
await serveApp(createTestApp(db, { clock, publicUrl: lotse, sso, staffAuth: { sessionIdleMs: idleMs } }), { port });
const [wetzlar, giessen] = await db
  .insertInto('location')
  .values([
    { slug: 'wetzlar', name: 'Wetzlar', address: 'Karl-Kellner-Ring 51' },
    { slug: 'giessen', name: 'Gießen', address: 'Riversplatz 1' },
  ])
  .returning('id')
  .execute();

let counter = 0;
function account(groups: string[]) {
  const id = `subject-${++counter}`;
  idp.accounts.set(id, { username: `anja.${counter}`, name: `Anja Schmidt ${counter}`, groups });
  return { id, username: `anja.${counter}` };
}

/** Staff sign-in through the provider's login and consent pages, up to the provider's answer to Lotse. */
async function throughProvider(browser: WebClient, accountId: string) {
  const callback = `${lotse}${ssoCallbackPath}?`;
  let page = await browser.follow(`${lotse}/staff/sso/start?next=/staff`, {}, callback);
  // Login (unless the provider's session is still there), then consent (unless given before).
  for (let step = 0; step < 3 && !page.url.startsWith(callback); step++) {
    assert.equal(page.response.status, 200, `the provider shows a page: ${page.url}`);
    const html = await page.response.clone().text();
    page = await browser.submitForm(page, html.includes('name="login"') ? { login: accountId, password: 'any' } : {}, callback);
  }
  assert.ok(page.url.startsWith(callback), `the provider answers Lotse: ${page.url}`);
  return page.url;
}

async function staffRow(username: string) {
  return db.selectFrom('staff').select(['id', 'role', 'sso_subject', 'password_hash', 'display_name']).where('username', '=', username).executeTakeFirst();
}

async function locationsOf(staffId: string) {
  const rows = await db.selectFrom('staff_location').select('location_id').where('staff_id', '=', staffId).execute();
  return rows.map((row) => row.location_id).sort();
}

async function lastSignInAudit() {
  return db
    .selectFrom('audit_entry')
    .select(['outcome', 'note', 'actor_label'])
    .where('action', '=', 'staff.sign_in')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

test('the sign-in page offers the work account', async () => {
  const page = await new WebClient().request(`${lotse}/staff/sign-in`);
  const html = await page.text();
  assert.match(html, /Mit dem Dienstkonto anmelden/);
  assert.match(html, /href="\/staff\/sso\/start\?next=%2Fstaff"/);
  const english = await new WebClient().request(`${lotse}/staff/sign-in`, { headers: { 'accept-language': 'en' } });
  assert.match(await english.text(), /Sign in with your work account/);
});

test('a first sign-in creates the account with the mapped role and locations; the next one re-maps them', async () => {
  const person = account(['wetzlar-clerks', 'Domain Users']);
  const browser = new WebClient();
  const answer = await throughProvider(browser, person.id);
  const home = await browser.follow(answer);
  assert.equal(home.url, `${lotse}/staff`);
  assert.equal(home.response.status, 200);
  assert.match(await home.response.text(), /Anja Schmidt/);
  const created = await staffRow(person.username);
  assert.equal(created?.role, 'clerk');
  assert.equal(created?.sso_subject, person.id);
  assert.equal(created?.password_hash, null, 'no password: this account signs in at the provider only');
  assert.deepEqual(await locationsOf(created?.id ?? ''), [wetzlar?.id]);
  const session = await db
    .selectFrom('staff_session')
    .select(['sso_subject', 'sso_sid', 'sso_refresh_token'])
    .where('staff_id', '=', created?.id ?? '')
    .executeTakeFirstOrThrow();
  assert.equal(session.sso_subject, person.id);
  assert.ok(session.sso_sid, 'the session remembers the provider session');
  assert.ok(session.sso_refresh_token);
  assert.equal(
    (
      await db
        .selectFrom('audit_entry')
        .select('id')
        .where('action', '=', 'staff.sso_account_created')
        .where('target_id', '=', created?.id ?? '')
        .execute()
    ).length,
    1,
  );

  // The IT moves her to the team in Gießen: the next sign-in says so.
  idp.accounts.set(person.id, { username: person.username, name: 'Anja Schmidt-Weber', groups: ['giessen-team'] });
  const again = new WebClient();
  await again.follow(await throughProvider(again, person.id));
  const remapped = await staffRow(person.username);
  assert.equal(remapped?.id, created?.id, 'the same account');
  assert.equal(remapped?.role, 'team_lead');
  assert.equal(remapped?.display_name, 'Anja Schmidt-Weber');
  assert.deepEqual(await locationsOf(created?.id ?? ''), [giessen?.id]);
});

test('a known Lotse account with the same user name is linked, not duplicated', async () => {
  const person = account(['lotse-admins']);
  const existing = await db
    .insertInto('staff')
    .values({ username: person.username, display_name: 'Old name', role: 'clerk' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const browser = new WebClient();
  await browser.follow(await throughProvider(browser, person.id));
  const linked = await staffRow(person.username);
  assert.equal(linked?.id, existing.id);
  assert.equal(linked?.sso_subject, person.id);
  assert.equal(linked?.role, 'admin');
});

test('a person without a mapped group is refused with a clear message, audited, and gets no account', async () => {
  const person = account(['Domain Users']);
  const browser = new WebClient();
  const refused = await browser.follow(await throughProvider(browser, person.id));
  assert.equal(refused.response.status, 403);
  assert.match(await refused.response.text(), /keine Rolle in Lotse/);
  assert.equal(await staffRow(person.username), undefined);
  assert.deepEqual(await lastSignInAudit(), { outcome: 'denied', note: 'sso: no group mapped to a Lotse role', actor_label: person.username });
});

test('an ID token for another audience is refused', async () => {
  const person = account(['wetzlar-clerks']);
  const browser = new WebClient();
  const answer = await throughProvider(browser, person.id);
  idp.rewriteIdToken.change = (claims) => ({ ...claims, aud: 'another-application' });
  try {
    const refused = await browser.follow(answer);
    assert.equal(refused.response.status, 401);
    assert.match(await refused.response.text(), /nicht angenommen/);
  } finally {
    idp.rewriteIdToken.change = undefined;
  }
  const audit = await lastSignInAudit();
  assert.equal(audit.outcome, 'failed');
  assert.match(audit.note ?? '', /^sso: OAUTH_JWT_CLAIM_COMPARISON_FAILED \(aud\)$/);
  assert.equal(await staffRow(person.username), undefined);
});

test('a replayed answer (the same state twice) is refused and starts no session', async () => {
  const person = account(['wetzlar-clerks']);
  const browser = new WebClient();
  const answer = await throughProvider(browser, person.id);
  const stateCookie = browser.cookies.get('lotse_sso_state') ?? '';
  assert.equal((await browser.follow(answer)).response.status, 200);
  const staffId = (await staffRow(person.username))?.id ?? '';
  const sessions = async () => (await db.selectFrom('staff_session').select('id_hash').where('staff_id', '=', staffId).execute()).length;
  assert.equal(await sessions(), 1);
  // Even with the state cookie put back, the state was used.
  const attacker = new WebClient();
  attacker.cookies.set('lotse_sso_state', stateCookie);
  const replayed = await attacker.follow(answer);
  assert.equal(replayed.response.status, 401);
  assert.match(await replayed.response.text(), /abgelaufen oder wurde schon verwendet/);
  assert.equal(await sessions(), 1);
  assert.equal((await lastSignInAudit()).note, 'sso: state unknown, used before or expired');
});

test('an answer that did not start in this browser is refused (login CSRF)', async () => {
  const person = account(['wetzlar-clerks']);
  const answer = await throughProvider(new WebClient(), person.id);
  const refused = await new WebClient().follow(answer);
  assert.equal(refused.response.status, 401);
  assert.equal((await lastSignInAudit()).note, 'sso: state missing or not from this browser');
});

test('a code carried into another sign-in is refused: the PKCE verifier does not match', async () => {
  const person = account(['wetzlar-clerks']);
  const browser = new WebClient();
  const first = new URL(await throughProvider(browser, person.id));
  // A second sign-in in the same browser: its own state (and nonce) now in the cookie and database.
  const second = new URL(await throughProvider(browser, person.id));
  const mixed = new URL(first);
  mixed.searchParams.set('state', second.searchParams.get('state') ?? '');
  const refused = await browser.follow(mixed.href);
  assert.equal(refused.response.status, 401);
  assert.equal((await lastSignInAudit()).note, 'sso: provider: invalid_grant');
});

test('an ID token with the nonce of an earlier sign-in (a replayed token) is refused', async () => {
  const person = account(['wetzlar-clerks']);
  const earlier = new WebClient();
  await earlier.follow(await throughProvider(earlier, person.id));
  const earlierNonce = idp.issuedIdTokens.at(-1)?.nonce;
  assert.ok(earlierNonce);
  const browser = new WebClient();
  const answer = await throughProvider(browser, person.id);
  idp.rewriteIdToken.change = (claims) => ({ ...claims, nonce: earlierNonce });
  try {
    assert.equal((await browser.follow(answer)).response.status, 401);
  } finally {
    idp.rewriteIdToken.change = undefined;
  }
  assert.equal((await lastSignInAudit()).note, 'sso: OAUTH_JWT_CLAIM_COMPARISON_FAILED (nonce)');
});

test('an expired ID token is refused', async () => {
  const person = account(['wetzlar-clerks']);
  const browser = new WebClient();
  const answer = await throughProvider(browser, person.id);
  clock.advance(6 * 60_000); // the provider's ID tokens live 5 minutes; Lotse's sign-in attempt 10
  try {
    const refused = await browser.follow(answer);
    assert.equal(refused.response.status, 401);
  } finally {
    clock.advance(-6 * 60_000);
  }
  assert.match((await lastSignInAudit()).note ?? '', /^sso: OAUTH_JWT_TIMESTAMP_CHECK_FAILED \(exp\)$/);
});

test('sign-out at the provider ends the Lotse session through back-channel logout', async () => {
  const person = account(['wetzlar-clerks']);
  const browser = new WebClient();
  await browser.follow(await throughProvider(browser, person.id));
  assert.equal((await browser.follow(`${lotse}/staff`)).url, `${lotse}/staff`, 'signed in');
  clock.set(providerTime()); // the logout token is made now, by the provider's clock
  const logout = await browser.follow(`${idp.issuer}/session/end?client_id=${idp.clientId}`);
  const done = await browser.submitForm(logout, { logout: 'yes' });
  assert.ok(done.response.status < 400, `the provider signs out: ${done.response.status}`);
  const staffId = (await staffRow(person.username))?.id ?? '';
  for (let i = 0; i < 50 && (await db.selectFrom('staff_session').select('id_hash').where('staff_id', '=', staffId).execute()).length > 0; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal((await db.selectFrom('staff_session').select('id_hash').where('staff_id', '=', staffId).execute()).length, 0);
  const after = await browser.follow(`${lotse}/staff`);
  assert.match(after.url, /\/staff\/sign-in/);
  assert.equal(
    (await db.selectFrom('audit_entry').select('note').where('action', '=', 'staff.sso_logout').where('target_id', '=', staffId).executeTakeFirst())?.note,
    'back-channel logout',
  );
  // The same logout token once more (a replay): refused by its jti, nothing ends.
  const used = idp.logoutTokens.at(-1);
  assert.ok(used, 'the provider sent a logout token');
  const again = await new WebClient().request(`${lotse}/staff/sso/backchannel-logout`, {
    method: 'POST',
    body: new URLSearchParams({ logout_token: used }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(again.status, 400);
  assert.deepEqual(await again.json(), { error: 'invalid_request', error_description: 'logout token: replayed' });
});

test('signing out of Lotse ends the session at the provider too, which sends the browser back to the sign-in page', async () => {
  const person = account(['wetzlar-clerks']);
  const browser = new WebClient();
  await browser.follow(await throughProvider(browser, person.id));
  const home = await browser.follow(`${lotse}/staff`);
  const html = await home.response.text();
  const csrf = /<form method="post" action="\/staff\/sign-out">[\s\S]*?name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(csrf, 'the sign-out form carries its token');
  const signedOut = await browser.request(`${lotse}/staff/sign-out`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrf }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: lotse },
  });
  assert.equal(signedOut.status, 303);
  const atProvider = new URL(signedOut.headers.get('location') ?? '');
  assert.equal(atProvider.origin, new URL(idp.issuer).origin);
  assert.equal(atProvider.searchParams.get('client_id'), idp.clientId);
  assert.equal(atProvider.searchParams.get('post_logout_redirect_uri'), `${lotse}/staff/sign-in`);
  // The staff pages allow that form to go on to the provider (CSP form-action), nowhere else.
  assert.match(home.response.headers.get('content-security-policy') ?? '', new RegExp(`form-action 'self' ${new URL(idp.issuer).origin}(;|$)`));
  const confirm = await browser.follow(atProvider.href);
  const back = await browser.submitForm(confirm, { logout: 'yes' }, `${lotse}/staff/sign-in`);
  assert.equal(back.url, `${lotse}/staff/sign-in`);
  // Signed out at the provider: the next sign-in asks for the login again.
  const again = await browser.follow(`${lotse}/staff/sso/start?next=/staff`, {}, `${lotse}/staff/sso/callback`);
  assert.match(await again.response.text(), /name="login"/);
});
