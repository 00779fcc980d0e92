import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { addStaff, Browser } from './staff.ts';

const { db } = await createTestDatabase();
const sut = createTestApp(db, { clock: fixedClock('2026-11-23T08:00:00Z'), publicUrl: 'https://termine.example.de' });

// What a browser says about a form's source; each of these is refused by every shell.
const foreign: Record<string, Record<string, string>> = {
  'Origin null (sandboxed frame, data: page)': { origin: 'null' },
  'our Origin but Sec-Fetch-Site cross-site': { origin: 'http://localhost', 'sec-fetch-site': 'cross-site' },
  'Sec-Fetch-Site same-site (a neighbouring subdomain)': { 'sec-fetch-site': 'same-site' },
  'another Origin': { origin: 'https://evil.example' },
};
const own = { origin: 'https://termine.example.de', 'sec-fetch-site': 'same-origin' };

type Shell = { name: string; send(headers: Record<string, string>): Promise<Response>; accepted: number };

async function shells(): Promise<Shell[]> {
  const citizen = new Browser(sut);
  const portalToken = await citizen.csrfFrom('/de/manage');
  const signingIn = new Browser(sut);
  const signInToken = await signingIn.csrfFrom('/staff/sign-in');
  const clerk = await addStaff(db, 'clerk');
  const staff = new Browser(sut);
  await staff.signIn(clerk.username);
  const staffToken = await staff.csrfFrom('/staff');
  return [
    { name: 'portal', send: (h) => citizen.post('/de/manage', { _csrf: portalToken, code: 'ABC', dateOfBirth: '' }, h), accepted: 422 },
    { name: 'staff sign-in', send: (h) => signingIn.post('/staff/sign-in', { _csrf: signInToken, username: 'nobody', password: 'x' }, h), accepted: 401 },
    { name: 'device pairing', send: (h) => new Browser(sut).post('/device/pair', { token: 'unknown' }, h), accepted: 303 },
    { name: 'front desk', send: (h) => new Browser(sut).post('/kiosk/nowhere/check-in', { code: 'X' }, h), accepted: 404 },
    // Last: the accepted request signs this session out.
    { name: 'staff session', send: (h) => staff.post('/staff/sign-out-everywhere', { _csrf: staffToken }, h), accepted: 303 },
  ];
}

test('one cross-site rule for portal, staff and front desk', async () => {
  for (const shell of await shells()) {
    for (const [why, headers] of Object.entries(foreign)) {
      assert.equal((await shell.send(headers)).status, 403, `${shell.name}: ${why}`);
    }
    assert.equal((await shell.send(own)).status, shell.accepted, `${shell.name}: a form from our own site`);
  }
});

test('token forms refuse a missing or foreign token; the front desk refuses a post that names no origin', async () => {
  const citizen = new Browser(sut);
  await citizen.csrfFrom('/de/manage');
  assert.equal((await citizen.post('/de/manage', { code: 'ABC', dateOfBirth: '' }, own)).status, 403, 'portal without token');
  assert.equal((await citizen.post('/de/manage', { _csrf: 'A'.repeat(43), code: 'ABC', dateOfBirth: '' }, own)).status, 403, 'portal with another token');
  const signingIn = new Browser(sut);
  await signingIn.csrfFrom('/staff/sign-in');
  assert.equal((await signingIn.post('/staff/sign-in', { _csrf: 'A'.repeat(43), username: 'nobody', password: 'x' }, own)).status, 403);
  assert.equal((await new Browser(sut).post('/kiosk/nowhere/check-in', { code: 'X' })).status, 403, 'no Origin, no Sec-Fetch-Site');
});
