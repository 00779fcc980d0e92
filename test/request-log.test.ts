import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createApp } from '../src/app.tsx';
import { createLogger } from '../src/platform/log.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestDatabase } from './database.ts';
import { createTestJobs, json } from './app.ts';
import { createTestOffice } from './portal/office-fixture.ts';

const { db, url } = await createTestDatabase({ poolSize: 4 });
const office = await createTestOffice(db);
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
// Monday 2026-11-23, 07:00 in Berlin; the office's clerk works 08:00–12:00.
const clock = fixedClock('2026-11-23T06:00:00Z');
const sut = createApp({ db, jobs: createTestJobs(url), logger: createLogger('info', sink), clock, bodyLimitBytes: 4096, publicUrl: 'http://localhost:3000' });

const logged = async (response: Response) => {
  const requestId = response.headers.get('x-request-id');
  assert.ok(requestId);
  // pino writes through the stream asynchronously.
  for (let tries = 0; tries < 50; tries++) {
    const line = lines.map((text) => JSON.parse(text)).find((entry) => entry.requestId === requestId && entry.msg === 'request');
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`no log line for request ${requestId}`);
};

test('a booking and a look-up are each logged as one line with the route pattern, status and duration, and nothing of the person', async () => {
  const person = { name: 'Amina Haddad', dateOfBirth: '1990-01-01', email: 'amina.haddad@example.org', phone: '+49 30 5550199', language: 'ar' };
  const booked = await sut.request('/api/v1/appointments?note=Wohnheim-Zimmer-12', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'session=secret-cookie' },
    body: JSON.stringify({ serviceId: office.serviceId, locationId: office.locationId, start: '2026-11-24T08:00:00Z', person }),
  });
  assert.equal(booked.status, 201);
  const { appointment, manageSecret } = await json(booked);
  const bookLine = await logged(booked);
  assert.deepEqual({ method: bookLine.method, route: bookLine.route, status: bookLine.status }, { method: 'POST', route: '/api/v1/appointments', status: 201 });
  assert.equal(typeof bookLine.ms, 'number');
  assert.ok(bookLine.ms > 0 && bookLine.ms < 60_000, `duration ${bookLine.ms} ms`);

  const shown = await sut.request(
    `/api/v1/appointments/${appointment.code}?secret=${encodeURIComponent(manageSecret)}&email=${encodeURIComponent(person.email)}`,
  );
  assert.equal(shown.status, 200);
  const showLine = await logged(shown);
  assert.deepEqual(
    { method: showLine.method, route: showLine.route, status: showLine.status },
    { method: 'GET', route: '/api/v1/appointments/:code', status: 200 },
  );
  assert.equal(typeof showLine.ms, 'number');

  const missing = await sut.request(`/api/v1/appointments/${appointment.code}`, { headers: { 'x-manage-secret': 'wrong-secret-value-123' } });
  assert.ok(missing.status >= 400 && missing.status < 500);
  assert.equal((await logged(missing)).route, '/api/v1/appointments/:code');

  const all = lines.join('\n');
  const personal = [
    appointment.code,
    manageSecret,
    person.name,
    'Amina',
    'Haddad',
    person.email,
    'amina',
    person.dateOfBirth,
    person.phone,
    '5550199',
    'Wohnheim',
    'secret-cookie',
    'wrong-secret-value',
  ];
  for (const secret of personal) assert.ok(!all.includes(secret), `the log contains ${secret}`);
});

test('health checks are logged under their own route patterns', async () => {
  const health = await sut.request('/healthz');
  assert.equal(health.status, 200);
  assert.deepEqual({ route: (await logged(health)).route, status: 200 }, { route: '/healthz', status: 200 });
  const ready = await sut.request('/readyz');
  assert.equal(ready.status, 200);
  assert.equal((await logged(ready)).route, '/readyz');
});

test('a request a middleware answers is logged under the route it was meant for', async () => {
  const refused = await sut.request('/staff/admin/services', { redirect: 'manual' });
  assert.ok(refused.status >= 300 && refused.status < 500, `status ${refused.status}`);
  assert.equal((await logged(refused)).route, '/staff/admin/services');
});
