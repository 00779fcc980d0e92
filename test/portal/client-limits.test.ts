import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock, json } from '../app.ts';
import { createTestOffice } from './office-fixture.ts';
import { PortalClient } from './portal-client.ts';

const { db, url } = await createTestDatabase();
const office = await createTestOffice(db);
const clock = fixedClock('2026-11-23T06:00:00Z');

/** A request as it arrives through the reverse proxy on this machine (socket 127.0.0.1). */
const viaProxy = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

function apiClient(app: ReturnType<typeof createTestApp>) {
  async function solved(): Promise<string> {
    const challenge = await json(await app.request('/api/v1/proof-of-work'));
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    return Buffer.from(JSON.stringify({ ...challenge, number: solution!.number })).toString('base64');
  }
  async function book(options: { start: string; email: string; forwardedFor?: string; altcha?: string; idempotencyKey?: string; dateOfBirth?: string }) {
    const body = JSON.stringify({
      serviceId: office.serviceId,
      locationId: office.locationId,
      start: options.start,
      person: { name: 'Api Person', dateOfBirth: options.dateOfBirth ?? '1980-01-01', email: options.email, language: 'en' },
    });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-altcha': options.altcha ?? (await solved()) };
    if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    return app.request('/api/v1/appointments', { method: 'POST', body, headers }, viaProxy);
  }
  return { solved, book };
}

test('behind a trusted proxy, the API limits each client by its own address, the rightmost untrusted one', async () => {
  const app = createTestApp(db, {
    url,
    clock,
    trustedProxies: ['loopback'],
    portal: { guardApi: true, powMaxNumber: 2000, bookingsPerIpPerHour: 2, bookingsPerEmailPerDay: 100 },
  });
  const { book } = apiClient(app);
  assert.equal((await book({ start: '2026-11-24T08:00:00Z', email: 'a1@example.org', forwardedFor: '203.0.113.1' })).status, 201);
  // The client wrote its own X-Forwarded-For entry on the left; the proxy appended the real address.
  assert.equal((await book({ start: '2026-11-24T08:30:00Z', email: 'a2@example.org', forwardedFor: '198.51.100.77, 203.0.113.1' })).status, 201);
  const third = await book({ start: '2026-11-24T09:00:00Z', email: 'a3@example.org', forwardedFor: '198.51.100.78, 203.0.113.1' });
  assert.equal(third.status, 429, 'a forged leftmost entry does not reset the limit');
  // Another client behind the same proxy has its own limit.
  assert.equal((await book({ start: '2026-11-24T09:30:00Z', email: 'b1@example.org', forwardedFor: '203.0.113.2' })).status, 201);
});

test('without a trusted proxy, X-Forwarded-For is ignored', async () => {
  const app = createTestApp(db, { url, clock, portal: { guardApi: true, powMaxNumber: 2000, bookingsPerIpPerHour: 1, bookingsPerEmailPerDay: 100 } });
  const { book } = apiClient(app);
  assert.equal((await book({ start: '2026-11-25T08:00:00Z', email: 'c1@example.org', forwardedFor: '203.0.113.10' })).status, 201);
  assert.equal((await book({ start: '2026-11-25T08:30:00Z', email: 'c2@example.org', forwardedFor: '203.0.113.11' })).status, 429);
});

test('a literal retry of an API booking (same X-Altcha, same Idempotency-Key) replays the booking', async () => {
  const app = createTestApp(db, { url, clock, portal: { guardApi: true, powMaxNumber: 2000, bookingsPerIpPerHour: 100, bookingsPerEmailPerDay: 100 } });
  const { book, solved } = apiClient(app);
  const altcha = await solved();
  const request = { start: '2026-11-26T08:00:00Z', email: 'retry@example.org', altcha, idempotencyKey: 'retry-0001-abcdef' };
  const first = await book(request);
  assert.equal(first.status, 201);
  const again = await book(request);
  assert.equal(again.status, 201, await again.clone().text());
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal((await json(again)).appointment.code, (await json(first)).appointment.code);
  // The spent proof of work still refuses a new booking.
  assert.equal((await book({ ...request, idempotencyKey: 'retry-0002-abcdef', start: '2026-11-26T09:00:00Z' })).status, 403);
});

test('the per-e-mail daily limit applies to the API too', async () => {
  const app = createTestApp(db, { url, clock, portal: { guardApi: true, powMaxNumber: 2000, bookingsPerIpPerHour: 100, bookingsPerEmailPerDay: 1 } });
  const { book } = apiClient(app);
  assert.equal((await book({ start: '2026-11-27T08:00:00Z', email: 'Daily@Example.org' })).status, 201);
  const second = await book({ start: '2026-11-27T09:00:00Z', email: 'daily@example.org', dateOfBirth: '1991-02-02' });
  assert.equal(second.status, 429);
});

test('forms with errors do not count against the address: the thirteenth, correct form books', async () => {
  const app = createTestApp(db, { url, clock, portal: { powMaxNumber: 2000, bookingsPerIpPerHour: 12, noScriptBookingsPerIpPerHour: 50 } });
  const client = new PortalClient(app);
  const start = '2026-11-30T08:00:00.000Z';
  const details = await client.get(`/de/book/extension/mitte/details?start=${encodeURIComponent(start)}`);
  assert.equal(details.status, 200);
  const fields = { start, name: 'Amina Haddad', dateOfBirth: '1990-03-15', email: 'amina@example.org', phone: '', language: 'de', consent: 'yes', altcha: '' };
  let page = details.html;
  for (let i = 0; i < 12; i++) {
    const typo = await client.post('/de/book/extension/mitte/details', page, { ...fields, email: `amina@example${i}` });
    assert.equal(typo.status, 422);
    page = typo.html;
  }
  const booked = await client.post('/de/book/extension/mitte/details', page, fields);
  assert.equal(booked.status, 303, booked.html.slice(0, 500));
});

test('portal cookies are Secure when PUBLIC_URL is https, also when TLS ends at a proxy; pages with personal data are not stored', async () => {
  const app = createTestApp(db, { url, clock, publicUrl: 'https://termine.example', portal: { powMaxNumber: 2000 } });
  const client = new PortalClient(app);
  // The proxy ended TLS: the request reaches Lotse as plain http.
  const lookup = await client.get('/de/manage');
  const csrf = lookup.headers.getSetCookie().find((line) => line.startsWith('lotse_csrf='));
  assert.ok(csrf);
  assert.match(csrf, /;\s*Secure/i);
  assert.equal(lookup.headers.get('cache-control'), 'no-store');
  const start = '2026-12-01T08:00:00.000Z';
  const details = await client.get(`/de/book/extension/mitte/details?start=${encodeURIComponent(start)}`);
  const typo = await client.post(
    '/de/book/extension/mitte/details',
    details.html,
    { start, name: 'Amina Haddad', dateOfBirth: '1990-03-15', email: 'amina@', phone: '', language: 'de', consent: 'yes', altcha: '' },
    { origin: 'https://termine.example' },
  );
  assert.equal(typo.status, 422);
  assert.match(typo.html, /Amina Haddad/);
  assert.equal(typo.headers.get('cache-control'), 'no-store', 'the form sent back with the person’s details');
});
