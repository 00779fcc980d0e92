import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { serve } from '@hono/node-server';
import { loadConfig } from '../src/config.ts';
import { createTestApp, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { PortalClient } from './portal/portal-client.ts';
import { addStaff, testPassword } from './staff.ts';

// LOTSE_TRUST_PROXY over real HTTP: the test's requests come from 127.0.0.1 (the proxy's place) and
// carry X-Forwarded-For. What the setting decides is seen where the address is used: the audit
// trail of a sign-in, and the per-address limit of appointment look-ups.
const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T07:00:00Z');
const forwarded = '192.0.2.66, 198.51.100.23, 10.9.9.9';

async function serveWith(trustProxy: string, portal: { lookupsPerIpPerHour: number } = { lookupsPerIpPerHour: 1000 }) {
  const app = createTestApp(db, { clock, url, trustedProxies: loadConfig({ LOTSE_TRUST_PROXY: trustProxy }).trustedProxies, portal });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { request: (path: string, init: RequestInit = {}) => fetch(base + path, { ...init, redirect: 'manual' }) };
}

/** Signs a new clerk in with the given X-Forwarded-For; answers the address the audit trail recorded. */
async function signInAddress(http: Awaited<ReturnType<typeof serveWith>>, xForwardedFor: string): Promise<string | null> {
  const clerk = await addStaff(db, 'clerk');
  const client = new PortalClient(http as never);
  const form = await client.get('/staff/sign-in');
  const response = await client.post(
    '/staff/sign-in',
    form.html,
    { username: clerk.username, password: testPassword },
    { origin: 'http://localhost:3000', 'x-forwarded-for': xForwardedFor },
  );
  assert.equal(response.status, 303);
  const entry = await db
    .selectFrom('audit_entry')
    .select('ip')
    .where('action', '=', 'staff.sign_in')
    .where('actor_label', '=', clerk.username)
    .executeTakeFirstOrThrow();
  return entry.ip;
}

/** One appointment look-up with the given X-Forwarded-For: 422 (no such appointment) or 429 (limit reached). */
async function lookUp(http: Awaited<ReturnType<typeof serveWith>>, xForwardedFor: string): Promise<number> {
  const client = new PortalClient(http as never);
  const form = await client.get('/en/manage');
  const response = await client.post(
    '/en/manage',
    form.html,
    { code: 'ZZZZZZZZ', dateOfBirth: '1990-01-01' },
    { origin: 'http://localhost:3000', 'x-forwarded-for': xForwardedFor },
  );
  return response.status;
}

const loopback = /^(127\.0\.0\.1|::ffff:127\.0\.0\.1)$/;

test('LOTSE_TRUST_PROXY=false: X-Forwarded-For is ignored, the client is the connecting address', async () => {
  const http = await serveWith('false');
  assert.match((await signInAddress(http, forwarded)) ?? '', loopback);
});

test('LOTSE_TRUST_PROXY=true: through loopback and private proxies, the client is the first address from outside', async () => {
  const http = await serveWith('true');
  assert.equal(await signInAddress(http, forwarded), '198.51.100.23');
  assert.equal(await signInAddress(http, '203.0.113.7'), '203.0.113.7');
});

test('LOTSE_TRUST_PROXY as a list: only the listed proxies are skipped', async () => {
  // 10.9.9.9 is listed, so the client is the entry left of it; 192.0.2.66 was written by the client.
  assert.equal(await signInAddress(await serveWith('127.0.0.1, 10.0.0.0/8'), forwarded), '198.51.100.23');
  // The connecting address is not in the list: the header is not believed at all.
  assert.match((await signInAddress(await serveWith('10.0.0.0/8'), forwarded)) ?? '', loopback);
  // Only loopback is trusted: 10.9.9.9 is the client, though it is a private address.
  assert.equal(await signInAddress(await serveWith('loopback'), forwarded), '10.9.9.9');
});

test('the look-up limit counts per client behind a trusted proxy, and per connection without one', async () => {
  const trusted = await serveWith('true', { lookupsPerIpPerHour: 1 });
  assert.equal(await lookUp(trusted, '198.51.100.31'), 422);
  assert.equal(await lookUp(trusted, '198.51.100.32'), 422, 'another client behind the proxy has its own count');
  assert.equal(await lookUp(trusted, '198.51.100.31'), 429, 'the same client again is over the limit');
  assert.equal(await lookUp(trusted, '192.0.2.1, 198.51.100.31'), 429, 'a forged entry on the left changes nothing');

  const untrusted = await serveWith('false', { lookupsPerIpPerHour: 1 });
  // The counters of the first app are in the same table under other addresses; 127.0.0.1 is new.
  assert.equal(await lookUp(untrusted, '198.51.100.41'), 422);
  assert.equal(await lookUp(untrusted, '198.51.100.42'), 429, 'without a trusted proxy every request is the connecting address');
});
