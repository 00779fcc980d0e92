import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { addStaff, Browser } from '../../../test/staff.ts';
import { matchTotp, newTotpSecret, otpauthUrl, totpCode, totpStep } from './totp.ts';

// '12345678901234567890' in base32, as the former hand-written encoder stored it.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

test('HOTP and TOTP match the RFC 4226 and RFC 6238 test vectors', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  // TOTP at step n is HOTP with counter n.
  for (const [counter, code] of expected.entries()) assert.equal(totpCode(rfcSecret, new Date(counter * 30_000)), code);
  // RFC 6238, SHA-1, T = 59 s and T = 1111111109 s (8 digits there; the last 6 here).
  assert.equal(totpCode(rfcSecret, new Date(59_000)), '287082');
  assert.equal(totpCode(rfcSecret, new Date(1_111_111_109_000)), '081804');
});

test('a code is accepted one step either way, once, and stored secrets keep their form', () => {
  const at = new Date('2026-11-23T08:00:10Z');
  const now = totpStep(at);
  const codeAt = (step: number) => totpCode(rfcSecret, new Date(step * 30_000));
  assert.equal(matchTotp(rfcSecret, codeAt(now), at, null), now);
  assert.equal(matchTotp(rfcSecret, codeAt(now - 1), at, null), now - 1);
  assert.equal(matchTotp(rfcSecret, codeAt(now + 1), at, null), now + 1);
  assert.equal(matchTotp(rfcSecret, codeAt(now - 2), at, null), undefined, 'two steps late is too late');
  assert.equal(matchTotp(rfcSecret, codeAt(now + 2), at, null), undefined);
  assert.equal(matchTotp(rfcSecret, codeAt(now), at, now), undefined, 'a used step is refused');
  assert.equal(matchTotp(rfcSecret, codeAt(now - 1), at, now - 1), undefined);
  assert.equal(matchTotp(rfcSecret, codeAt(now + 1), at, now), now + 1);
  assert.equal(matchTotp(rfcSecret, ` ${codeAt(now)}`, at, null), undefined, 'only six digits');
  assert.equal(matchTotp(rfcSecret.toLowerCase(), codeAt(now), at, null), now, 'base32 is read case-insensitively');
  const secret = newTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/, '20 random bytes, unpadded base32 as before');
  assert.equal(
    otpauthUrl(rfcSecret, 'anna@amt'),
    'otpauth://totp/Lotse:anna%40amt?issuer=Lotse&secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA1&digits=6&period=30',
  );
});

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const sut = createTestApp(db, { clock });

async function enrol(browser: Browser): Promise<{ secret: string; recovery: string[] }> {
  const page = await (await browser.get('/staff/security/two-factor')).text();
  const secret = /<span class="secret">([A-Z2-7]{32})<\/span>/.exec(page)?.[1];
  assert.ok(secret, 'the page shows the key');
  assert.match(page, /<img class="totp-qr" src="data:image\/svg\+xml;base64,/, 'and a QR code');
  const reloaded = await (await browser.get('/staff/security/two-factor')).text();
  assert.ok(reloaded.includes(secret), 'reloading keeps the key already scanned');
  const csrf = /name="_csrf" value="([^"]*)"/.exec(page)?.[1] ?? '';
  const done = await browser.post('/staff/security/two-factor', { _csrf: csrf, code: totpCode(secret, clock.now()) });
  assert.equal(done.status, 200);
  const recovery = [...(await done.text()).matchAll(/<li class="secret">([0-9A-F-]+)<\/li>/g)].map((m) => m[1] ?? '');
  assert.equal(recovery.length, 10);
  return { secret, recovery };
}

test('with TOTP set up, the password alone is not enough; a code is, once', async () => {
  const clerk = await addStaff(db, 'clerk');
  const browser = new Browser(sut);
  await browser.signIn(clerk.username);
  const { secret, recovery } = await enrol(browser);
  const stored = await db.selectFrom('recovery_code').select('code_hash').where('staff_id', '=', clerk.id).execute();
  assert.ok(
    stored.every((row) => !recovery.includes(row.code_hash)),
    'recovery codes are stored hashed',
  );

  clock.advance(60_000);
  const again = new Browser(sut);
  const response = await again.signIn(clerk.username);
  assert.match(response.headers.get('location') ?? '', /^\/staff\/sign-in\/code/);
  assert.equal((await again.get('/staff')).status, 303, 'half signed-in is not signed in');

  const wrong = await again.submit('/staff/sign-in/code', '/staff/sign-in/code', { code: '000000' });
  assert.match(wrong.headers.get('location') ?? '', /error=1/);
  const code = totpCode(secret, clock.now());
  const ok = await again.submit('/staff/sign-in/code', '/staff/sign-in/code', { code });
  assert.equal(ok.headers.get('location'), '/staff');
  assert.equal((await again.get('/staff')).status, 200);

  // The same code cannot be used a second time (replay), even within its 30 seconds.
  const third = new Browser(sut);
  await third.signIn(clerk.username);
  const replay = await third.submit('/staff/sign-in/code', '/staff/sign-in/code', { code });
  assert.match(replay.headers.get('location') ?? '', /error=1/);

  // A recovery code works once.
  const first = await third.submit('/staff/sign-in/code', '/staff/sign-in/code', { code: recovery[0]! });
  assert.equal(first.headers.get('location'), '/staff');
  const fourth = new Browser(sut);
  await fourth.signIn(clerk.username);
  const reused = await fourth.submit('/staff/sign-in/code', '/staff/sign-in/code', { code: recovery[0]! });
  assert.match(reused.headers.get('location') ?? '', /error=1/);
});

test('when an admin makes TOTP mandatory for a role, its members must set it up before anything else', async () => {
  const admin = await addStaff(db, 'admin');
  const adminBrowser = new Browser(sut);
  await adminBrowser.signIn(admin.username);
  const saved = await adminBrowser.submit('/staff/admin/security', '/staff/admin/security/roles', { totpRequired: ['reception'] });
  assert.equal(saved.status, 303);

  const reception = await addStaff(db, 'reception');
  const browser = new Browser(sut);
  const response = await browser.signIn(reception.username);
  assert.equal(response.headers.get('location'), '/staff/security/two-factor');
  const blocked = await browser.get('/staff');
  assert.equal(blocked.headers.get('location'), '/staff/security/two-factor');
  await enrol(browser);
  assert.equal((await browser.get('/staff')).status, 200);
  const audit = await db.selectFrom('audit_entry').select(['before', 'after']).where('action', '=', 'admin.role_settings.update').executeTakeFirstOrThrow();
  assert.ok(JSON.stringify(audit.after).includes('"totp_required":true'));
});
