import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock, json } from './app.ts';
import { createTestDatabase } from './database.ts';
import { createClerk, createOffice, createService, person } from './office-factory.ts';
import { addStaff, Browser } from './staff.ts';

// Each of these was a 500 (issue 11, item 5); each is a 4xx now, and nothing is written.
const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-12-01T06:00:00Z');
const app = createTestApp(db, { url, clock });
const office = await createOffice(db);
const serviceId = await createService(db, office);
await createClerk(db, office, { starts: '08:00', ends: '12:00' });
const appointments = async () =>
  Number(
    (
      await db
        .selectFrom('appointment')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const postJson = (path: string, body: string, method = 'POST', headers: Record<string, string> = {}) =>
  app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body });
const booking = (start: string, name = 'Olena Kovalenko') => JSON.stringify({ serviceId, locationId: office.locationId, start, person: person({ name }) });

test('a NUL or a lone surrogate in a booking name is a 422 naming the field', async () => {
  for (const raw of ['"Olena\\u0000Kovalenko"', '"Olena\\ud800"', '"\\udc00"']) {
    const body = booking('2026-12-02T08:00:00Z').replace('"Olena Kovalenko"', raw);
    const response = await postJson('/api/v1/appointments', body);
    assert.equal(response.status, 422, raw);
    const problem = await json(response);
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(
      problem.errors.map((e: { path: string }) => e.path),
      ['person.name'],
    );
  }
  assert.equal(await appointments(), 0);
  // A well-formed pair and other escapes are fine.
  const fine = await postJson('/api/v1/appointments', booking('2026-12-02T08:00:00Z').replace('"Olena Kovalenko"', '"Zo\\u00eb \\ud83d\\ude00"'));
  assert.equal(fine.status, 201);
  assert.equal((await json(fine)).appointment.person.name, 'Zoë 😀');
});

test('a deeply nested JSON body with escapes is judged without a stack overflow', async () => {
  const deep = `${'['.repeat(200_000)}"\\u0041"${']'.repeat(200_000)}`;
  const response = await postJson('/api/v1/appointments', deep);
  assert.ok(response.status === 422 || response.status === 400, String(response.status));
});

test('a start beyond the years Lotse works with is a 422 on booking and on moving', async () => {
  for (const start of ['+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '+010000-01-01T00:00:00Z']) {
    const response = await postJson('/api/v1/appointments', booking(start));
    assert.equal(response.status, 422, start);
    assert.equal((await json(response)).errors[0].path, 'start');
  }
  const before = await appointments();
  const booked = await json(await postJson('/api/v1/appointments', booking('2026-12-02T09:00:00Z', 'Mira Test')));
  const moved = await postJson(`/api/v1/appointments/${booked.appointment.code}`, JSON.stringify({ start: '+275760-09-13T00:00:00Z' }), 'PATCH', {
    'x-manage-secret': booked.manageSecret,
  });
  assert.equal(moved.status, 422);
  const row = await db.selectFrom('appointment').select('starts_at').where('code', '=', booked.appointment.code).executeTakeFirstOrThrow();
  assert.equal(row.starts_at.toISOString(), '2026-12-02T09:00:00.000Z');
  assert.equal(await appointments(), before + 1);
});

test('a NUL in an address is a 400 page, before any sign-in or lookup', async () => {
  for (const path of ['/kiosk/%00', '/display/%00/events', '/de/appointment/%00', '/api/v1/appointments/%00', '/de/book/extension/mitte/details?start=%00']) {
    const response = await app.request(path);
    assert.equal(response.status, 400, path);
    await response.arrayBuffer();
  }
});

test('a NUL in the sign-in user name is a 400 page, and nobody is signed in', async () => {
  await addStaff(db, 'admin', { username: 'nul.admin' });
  const browser = new Browser(app);
  const csrf = await browser.csrfFrom('/staff/sign-in');
  const response = await browser.post('/staff/sign-in', { _csrf: csrf, username: 'nul.admin\0', password: 'correct horse battery' });
  assert.equal(response.status, 400);
  assert.match(await response.text(), /<html lang="de"/);
  assert.equal(
    Number(
      (
        await db
          .selectFrom('staff_session')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    0,
  );
});

test('multipart without a boundary, or cut off, is a 400 on a form, in the reader’s language', async () => {
  const before = await appointments();
  const truncated = '--XX\r\nContent-Disposition: form-data; name="name"\r\n\r\nOlena';
  for (const [type, body] of [
    ['multipart/form-data', 'name=Olena'],
    ['multipart/form-data; boundary=XX', truncated],
  ] as const) {
    for (const path of ['/ar/book/extension/mitte/details', '/ar/manage', '/staff/sign-in', '/device/pair', '/kiosk/x/check-in']) {
      const response = await app.request(path, { method: 'POST', headers: { 'content-type': type, origin: 'http://localhost' }, body });
      assert.equal(response.status, 400, `${path} ${type}`);
      const html = await response.text();
      if (path.startsWith('/ar/')) {
        assert.match(html, /<html lang="ar" dir="rtl">/);
        assert.match(html, /تعذّر فهم الإدخال/);
      }
    }
  }
  const api = await app.request('/api/v1/appointments', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
  assert.equal(api.status, 400);
  assert.match(api.headers.get('content-type') ?? '', /problem\+json/);
  assert.equal(await appointments(), before);
});
