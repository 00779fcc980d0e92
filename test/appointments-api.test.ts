import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { createApp } from '../src/app.tsx';
import { getAvailability } from '../src/features/appointments/index.ts';
import { createLogger } from '../src/platform/log.ts';
import { AppError } from '../src/shared/app-error.ts';
import { createTestApp, fixedClock, json } from './app.ts';
import { createTestDatabase } from './database.ts';
import { countAppointments, createClerk, createOffice, createService, person } from './office-factory.ts';

const { db, url } = await createTestDatabase({ poolSize: 20 });
// Tuesday 1 December 2026, 07:00 in Wetzlar.
const clock = fixedClock('2026-12-01T06:00:00Z');
const sut = createTestApp(db, { url, clock });

const office = await createOffice(db);
const serviceId = await createService(db, office, {
  texts: { de: 'Verlängerung des Aufenthaltstitels', uk: 'Продовження посвідки на проживання (Aufenthaltstitel)' },
});
const clerkId = await createClerk(db, office, { starts: '08:00', ends: '12:00' });

function post(body: unknown, headers: Record<string, string> = {}) {
  return sut.request('/api/v1/appointments', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const booking = (start: string, overrides: Record<string, unknown> = {}) => ({
  serviceId,
  locationId: office.locationId,
  start,
  person: person(),
  ...overrides,
});

function manage(code: string, secret: string | undefined, init: RequestInit = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== undefined) headers['x-manage-secret'] = secret;
  return sut.request(`/api/v1/appointments/${code}`, { ...init, headers });
}

async function problem(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
  const body = await json(response);
  assert.equal(body.code, code, body.detail);
  return body;
}

describe('catalogue', () => {
  test('locations', async () => {
    const body = await json(await sut.request('/api/v1/locations'));
    const mine = body.find((l: { id: string }) => l.id === office.locationId);
    assert.equal(mine.timeZone, 'Europe/Berlin');
  });

  test('services in the language asked for, German where no translation exists', async () => {
    const uk = await json(await sut.request(`/api/v1/services?lang=uk&location=${office.locationId}`));
    assert.equal(uk.length, 1);
    assert.equal(uk[0].lang, 'uk');
    assert.equal(uk[0].name, 'Продовження посвідки на проживання (Aufenthaltstitel)');
    assert.deepEqual(uk[0].locationIds, [office.locationId]);
    const ar = await json(await sut.request(`/api/v1/services?lang=ar&location=${office.locationId}`));
    assert.equal(ar[0].lang, 'de');
    assert.equal(ar[0].name, 'Verlängerung des Aufenthaltstitels');
    await problem(await sut.request('/api/v1/services?lang=xx'), 422, 'validation_failed');
  });
});

describe('availability', () => {
  const url = (q: Record<string, string>) => `/api/v1/availability?${new URLSearchParams({ service: serviceId, location: office.locationId, ...q })}`;

  test('free starts per day as ISO 8601 with offset', async () => {
    const body = await json(await sut.request(url({ from: '2026-12-02', to: '2026-12-03' })));
    assert.equal(body.timeZone, 'Europe/Berlin');
    assert.deepEqual(
      body.days.map((d: { date: string }) => d.date),
      ['2026-12-02', '2026-12-03'],
    );
    assert.equal(body.days[0].starts[0], '2026-12-02T08:00:00+01:00');
    assert.equal(body.days[0].starts.length, 8);
  });

  test('accepts the slugs of service and location as well as their ids', async () => {
    const service = await db.selectFrom('service').select('slug').where('id', '=', serviceId).executeTakeFirstOrThrow();
    const location = await db.selectFrom('location').select('slug').where('id', '=', office.locationId).executeTakeFirstOrThrow();
    const byId = await json(await sut.request(url({ from: '2026-12-02', to: '2026-12-03' })));
    const bySlug = await json(await sut.request(url({ service: service.slug, location: location.slug, from: '2026-12-02', to: '2026-12-03' })));
    assert.deepEqual(bySlug, byId);
    assert.equal(bySlug.serviceId, serviceId);
  });

  const bad: [string, Record<string, string>, string][] = [
    ['unknown slug', { location: 'no-such-place', from: '2026-12-02', to: '2026-12-02' }, 'location'],
    ['a slug that is no slug', { service: 'a b/../c', from: '2026-12-02', to: '2026-12-02' }, 'service'],
    ['unknown service', { service: randomUUID(), from: '2026-12-02', to: '2026-12-02' }, 'service'],
    ['unknown location', { location: randomUUID(), from: '2026-12-02', to: '2026-12-02' }, 'location'],
    ['malformed id', { service: 'not-an-id', from: '2026-12-02', to: '2026-12-02' }, 'service'],
    ['to before from', { from: '2026-12-05', to: '2026-12-02' }, 'to'],
    ['over 92 days', { from: '2026-12-02', to: '2027-03-10' }, 'to'],
    ['past from', { from: '2026-11-30', to: '2026-12-02' }, 'from'],
    ['beyond the window', { from: '2026-12-02', to: '2027-02-15' }, 'to'],
    ['not a real date', { from: '2026-02-30', to: '2026-12-02' }, 'from'],
    ['not a date', { from: 'tomorrow', to: '2026-12-02' }, 'from'],
  ];
  for (const [what, query, field] of bad) {
    test(`rejects ${what} with 422 naming ${field}`, async () => {
      const body = await problem(await sut.request(url(query)), 422, 'validation_failed');
      assert.ok(
        body.errors.some((e: { path: string }) => e.path === field),
        JSON.stringify(body.errors),
      );
    });
  }

  test('rejects a missing parameter', async () => {
    await problem(await sut.request(`/api/v1/availability?service=${serviceId}`), 422, 'validation_failed');
  });
});

describe('booking over HTTP', () => {
  test('201 with code and manage secret; view, cancel with the secret', async () => {
    const response = await post(booking('2026-12-04T08:00:00+01:00'));
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const { appointment, manageSecret } = await json(response);
    assert.equal(appointment.status, 'booked');
    assert.equal(appointment.staffId, clerkId);
    const shown = await json(await manage(appointment.code, manageSecret));
    assert.equal(shown.startsAt, '2026-12-04T08:00:00+01:00');
    const viaQuery = await sut.request(`/api/v1/appointments/${appointment.code}?secret=${encodeURIComponent(manageSecret)}`);
    assert.equal(viaQuery.status, 200);

    const cancelled = await json(await manage(appointment.code, manageSecret, { method: 'DELETE' }));
    assert.equal(cancelled.status, 'cancelled');
  });

  test('a cancelled time returns to online callers only after the re-release delay; staff have it at once', async () => {
    const start = '2026-12-04T11:00:00+01:00';
    const day = `/api/v1/availability?service=${serviceId}&location=${office.locationId}&from=2026-12-04&to=2026-12-04`;
    const { appointment, manageSecret } = await json(await post(booking(start)));
    assert.equal((await manage(appointment.code, manageSecret, { method: 'DELETE' })).status, 200);

    const held = await json(await sut.request(day));
    assert.ok(!held.days[0].starts.includes(start), 'hidden online right after the cancellation');
    await problem(await post(booking(start, { person: person({ email: 'second@example.org' }) })), 409, 'slot_taken');
    const staffView = await getAvailability(
      { db, clock },
      { serviceId, locationId: office.locationId, from: '2026-12-04', to: '2026-12-04', actor: { channel: 'staff', staffId: clerkId } },
    );
    assert.ok(staffView.days[0]!.starts.includes(start), 'staff see the time at once (phone customers)');

    // 60 minutes (the default delay) later the time is back online, and bookable.
    const later = createTestApp(db, { url, clock: fixedClock('2026-12-01T07:01:00Z') });
    const released = await json(await later.request(day));
    assert.ok(released.days[0].starts.includes(start), 'offered again after the delay');
    const rebooked = await later.request('/api/v1/appointments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(booking(start, { person: person({ email: 'third@example.org' }) })),
    });
    assert.equal(rebooked.status, 201);
  });

  test('wrong secret and unknown code give the same 404; a missing secret is a 422', async () => {
    const { appointment } = await json(await post(booking('2026-12-04T09:00:00+01:00')));
    const wrong = await problem(await manage(appointment.code, 'guess'), 404, 'not_found');
    const unknown = await problem(await manage('ZZZZZZZZ', 'guess'), 404, 'not_found');
    assert.equal(wrong.detail, unknown.detail);
    await problem(await manage(appointment.code, 'guess', { method: 'DELETE' }), 404, 'not_found');
    await problem(await manage(appointment.code, 'guess', { method: 'PATCH', body: JSON.stringify({ start: '2026-12-04T10:00:00+01:00' }) }), 404, 'not_found');
    await problem(await manage(appointment.code, undefined), 422, 'validation_failed');
    await problem(await manage('x'.repeat(500), 'guess'), 422, 'validation_failed');
  });

  test('PATCH moves the appointment; onto a taken time it is a 409 and nothing changes', async () => {
    const mine = await json(await post(booking('2026-12-07T08:00:00+01:00')));
    await post(booking('2026-12-07T09:00:00+01:00'));
    const moved = await manage(mine.appointment.code, mine.manageSecret, { method: 'PATCH', body: JSON.stringify({ start: '2026-12-07T10:00:00+01:00' }) });
    assert.equal(moved.status, 200);
    assert.equal((await json(moved)).startsAt, '2026-12-07T10:00:00+01:00');
    await problem(
      await manage(mine.appointment.code, mine.manageSecret, { method: 'PATCH', body: JSON.stringify({ start: '2026-12-07T09:00:00+01:00' }) }),
      409,
      'slot_taken',
    );
    await problem(await manage(mine.appointment.code, mine.manageSecret, { method: 'PATCH', body: JSON.stringify({ start: 42 }) }), 422, 'validation_failed');
    assert.equal((await json(await manage(mine.appointment.code, mine.manageSecret))).startsAt, '2026-12-07T10:00:00+01:00');
  });

  test('a second booking for the same service by the same person is a 409 that does not say when the first is', async () => {
    const someone = person();
    assert.equal((await post(booking('2026-12-08T08:00:00+01:00', { person: someone }))).status, 201);
    const body = await problem(
      await post(booking('2026-12-09T08:00:00+01:00', { person: { ...someone, email: someone.email.toUpperCase() } })),
      409,
      'duplicate_booking',
    );
    assert.equal(body.existingAppointment, undefined);
    assert.doesNotMatch(JSON.stringify(body), /2026-12-08|08:00/);
  });

  test('Idempotency-Key: a replay returns the same appointment and secret, never a second one', async () => {
    const key = randomUUID();
    const body = booking('2026-12-10T08:00:00+01:00');
    const first = await post(body, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    const replayed = await post(body, { 'idempotency-key': key });
    assert.equal(replayed.status, 201);
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await json(replayed), await json(first));
    const other = person();
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => post(booking('2026-12-10T09:00:00+01:00', { person: other }), { 'idempotency-key': `${key}-b` })),
    );
    assert.deepEqual(
      concurrent.map((r) => r.status),
      [201, 201, 201, 201, 201],
    );
    const codes = new Set(await Promise.all(concurrent.map(async (r) => (await json(r)).appointment.code)));
    assert.equal(codes.size, 1);
    for (const email of [body.person.email, other.email]) {
      const rows = await db.selectFrom('appointment').select('id').where('email', '=', email).execute();
      assert.equal(rows.length, 1, 'one appointment per key');
    }
    await problem(await post(booking('2026-12-10T10:00:00+01:00'), { 'idempotency-key': key }), 409, 'conflict');
    await problem(await post(body, { 'idempotency-key': 'short' }), 422, 'validation_failed');
  });

  test('50 simultaneous requests for one single-clerk slot: one 201, 49 × 409, one row', async () => {
    const start = '2026-12-11T10:00:00+01:00';
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(booking(start))));
    const statuses = responses.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 409).length, 49);
    for (const r of responses) if (r.status === 409) assert.equal((await json(r)).code, 'slot_taken');
    const rows = await db.selectFrom('appointment').select('id').where('starts_at', '=', new Date(start)).execute();
    assert.equal(rows.length, 1);
  });
});

describe('bad booking input: a clear 4xx and nothing written', () => {
  const cases: [string, () => unknown, number, string, string?][] = [
    ['a start off the grid', () => booking('2026-12-14T08:10:00+01:00'), 422, 'validation_failed', 'start'],
    ['a start outside the clerks’ hours', () => booking('2026-12-14T13:00:00+01:00'), 409, 'slot_taken'],
    ['a start in the past', () => booking('2026-11-30T08:00:00+01:00'), 422, 'validation_failed', 'start'],
    ['a start beyond the window', () => booking('2027-03-01T08:00:00+01:00'), 422, 'validation_failed', 'start'],
    ['a start without offset', () => booking('2026-12-14T08:00:00'), 422, 'validation_failed', 'start'],
    ['an unknown service', () => booking('2026-12-14T08:00:00+01:00', { serviceId: randomUUID() }), 422, 'validation_failed', 'serviceId'],
    ['an unknown location', () => booking('2026-12-14T08:00:00+01:00', { locationId: randomUUID() }), 422, 'validation_failed', 'locationId'],
    ['a malformed e-mail', () => booking('2026-12-14T08:00:00+01:00', { person: person({ email: 'olena@' }) }), 422, 'validation_failed', 'person.email'],
    ['a 10 KB name', () => booking('2026-12-14T08:00:00+01:00', { person: person({ name: 'x'.repeat(10_240) }) }), 422, 'validation_failed', 'person.name'],
    ['an empty name', () => booking('2026-12-14T08:00:00+01:00', { person: person({ name: '   ' }) }), 422, 'validation_failed', 'person.name'],
    [
      'a date of birth in the future',
      () => booking('2026-12-14T08:00:00+01:00', { person: person({ dateOfBirth: '2030-01-01' }) }),
      422,
      'validation_failed',
      'person.dateOfBirth',
    ],
    [
      'an impossible date of birth',
      () => booking('2026-12-14T08:00:00+01:00', { person: person({ dateOfBirth: '1990-02-31' }) }),
      422,
      'validation_failed',
      'person.dateOfBirth',
    ],
    [
      'an unsupported language',
      () => booking('2026-12-14T08:00:00+01:00', { person: person({ language: 'xx' }) }),
      422,
      'validation_failed',
      'person.language',
    ],
    ['wrong types', () => ({ serviceId: 5, locationId: true, start: 1_700_000_000, person: 'me' }), 422, 'validation_failed', 'serviceId'],
    ['a missing person', () => ({ serviceId, locationId: office.locationId, start: '2026-12-14T08:00:00+01:00' }), 422, 'validation_failed', 'person'],
    ['an unexpected field', () => booking('2026-12-14T08:00:00+01:00', { staffId: clerkId }), 422, 'validation_failed'],
    ['a JSON array', () => [], 422, 'validation_failed'],
  ];
  for (const [what, body, status, code, field] of cases) {
    test(`${what} → ${status} ${code}`, async () => {
      const before = await countAppointments(db);
      const answer = await problem(await post(body()), status, code);
      if (field)
        assert.ok(
          answer.errors?.some((e: { path: string }) => e.path === field),
          JSON.stringify(answer.errors),
        );
      assert.equal(await countAppointments(db), before);
    });
  }

  test('malformed JSON → 400', async () => {
    const response = await sut.request('/api/v1/appointments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"serviceId":' });
    await problem(response, 400, 'invalid_json');
  });
});

test('the booking guard runs before a public booking and can refuse it', async () => {
  const guarded = createApp({
    db,
    jobs: { send: async () => '', register: async () => {}, stop: async () => {} } as never,
    logger: createLogger('silent'),
    clock,
    bodyLimitBytes: 1 << 20,
    publicUrl: 'http://localhost:3000',
    bookingGuard: {
      check: async ({ action }) => {
        throw new AppError('rate_limited', `No ${action} without proof of work.`);
      },
    },
  });
  const before = await countAppointments(db);
  const response = await guarded.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(booking('2026-12-15T08:00:00+01:00')),
  });
  await problem(response, 429, 'rate_limited');
  assert.equal(await countAppointments(db), before);
});

test('the OpenAPI document describes the appointment API', async () => {
  const doc = await json(await sut.request('/api/openapi.json'));
  for (const path of ['/api/v1/locations', '/api/v1/services', '/api/v1/availability', '/api/v1/appointments', '/api/v1/appointments/{code}']) {
    assert.ok(doc.paths[path], path);
  }
  assert.ok(doc.paths['/api/v1/appointments/{code}'].delete);
  assert.ok(doc.paths['/api/v1/appointments/{code}'].patch);
  assert.ok(doc.components.schemas.Appointment);
});
