import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { seedDemoOffice } from '../../src/demo/seed-demo-office.ts';
import { seedDemoStaff } from '../../src/demo/seed-demo-staff.ts';
import { createApiToken } from '../../src/features/staff/index.ts';
import { createLogger } from '../../src/platform/log.ts';
import { languages } from '../../src/web/i18n.ts';
import { createBlobStore } from '../../src/platform/storage/blob-store.ts';
import { temporaryFolder } from '../temporary-folder.ts';
import { createTestApp, fixedClock, json } from '../app.ts';
import { createTestDatabase } from '../database.ts';
import { changedTables, fingerprintQuery, fuzzSettings, hostileJson, hostileString, percentEncode } from './fuzz-kit.ts';
import { arbitraryFor, type JsonSchema, type Known } from './schema-arbitrary.ts';

// Every operation of the OpenAPI document, driven from its own schemas against the demo office:
// no answer is a 5xx, and a refused request changes nothing.
const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-12-01T07:30:00Z');
await seedDemoOffice({ db, clock, logger: createLogger('silent') });
await seedDemoStaff({ db, clock });
// A real document store: the document and xdomea routes are fuzzed too.
const blobs = createBlobStore({ folder: await temporaryFolder('lotse-fuzz-blobs-') });
const app = createTestApp(db, {
  url,
  clock,
  blobs,
  portal: {
    bookingsPerIpPerHour: 1_000_000,
    bookingsPerEmailPerDay: 1_000_000,
    noScriptBookingsPerIpPerHour: 1_000_000,
    lookupsPerIpPerHour: 1_000_000,
    applicationStartsPerIpPerHour: 1_000_000,
  },
});
const fingerprint = await fingerprintQuery(db);

type Operation = { method: string; path: string; parameters: { name: string; in: string; required?: boolean; schema: JsonSchema }[]; body?: JsonSchema };
const doc = await json(await app.request('/api/openapi.json'));
const components: Record<string, JsonSchema> = doc.components?.schemas ?? {};
const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    parameters: op.parameters ?? [],
    body: op.requestBody?.content?.['application/json']?.schema,
  })),
);

// Real values, so that requests reach the use cases: ids, free starts, codes and their secrets.
const services = await db.selectFrom('service').select('id').execute();
const locations = await db.selectFrom('location').select('id').execute();
const offered = await db
  .selectFrom('service_location')
  .innerJoin('service', 'service.id', 'service_location.service_id')
  .where('service.online_bookable', '=', true)
  .select(['service_id', 'location_id'])
  .execute();
const pair = offered[0]!;
// Free starts of one service and location: the first ones are booked here, the rest stay free for the fuzzer.
const availability = await json(
  await app.request(`/api/v1/availability?service=${pair.service_id}&location=${pair.location_id}&from=2026-12-02&to=2026-12-10`),
);
const starts: string[] = (availability.days ?? []).flatMap((day: { starts: string[] }) => day.starts);
let people = 0;
const validBooking = () => ({
  serviceId: pair.service_id,
  locationId: pair.location_id,
  start: starts[3 + (people % (starts.length - 3))],
  person: { name: `Fuzz Person ${++people}`, dateOfBirth: '1990-01-01', email: `fuzz${people}@example.org`, phone: '+49 30 1234567', language: 'de' },
});
const codes: string[] = [];
const secrets: string[] = [];
for (const start of starts.slice(0, 3)) {
  const booked = await app.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...validBooking(), start }),
  });
  if (booked.status !== 201) continue;
  const body = await json(booked);
  codes.push(body.appointment.code);
  secrets.push(body.manageSecret);
}
assert.ok(starts.length > 10 && codes.length === 3, 'the demo office offers free times and takes bookings');
// An online application (demo form), so that its operations reach the use cases: the fuzzer saves
// its steps with the current revision and sends it files.
const application = await json(
  await app.request('/api/v1/applications', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ form: 'temporary-protection', language: 'uk' }),
  }),
);
assert.match(application.token ?? '', /^[A-Za-z0-9_-]{43}$/, 'the demo office takes online applications');
let applicationRevision = 1;
const refreshApplicationRevision = async () => {
  const row = await db.selectFrom('application').select('revision').where('id', '=', application.id).executeTakeFirstOrThrow();
  applicationRevision = row.revision;
};
/** A body each operation accepts, for mutating one field at a time. */
const validBodies: Record<string, () => Record<string, unknown>> = {
  'POST /api/v1/appointments': validBooking,
  'PATCH /api/v1/appointments/{code}': () => ({ start: starts[3 + (people++ % (starts.length - 3))] }),
  'POST /api/v1/status-lookups': () => ({ number: 'K7RM-93XH-QD', dateOfBirth: '17.05.1990' }),
  'POST /api/v1/messages': () => ({
    kind: 'general',
    submissionKey: `fuzz-message-${randomUUID()}`,
    locationId: pair.location_id,
    name: `Fuzz Person ${++people}`,
    dateOfBirth: '1990-01-01',
    email: `fuzz${people}@example.org`,
    language: 'uk',
    body: 'Коли буде готова картка?',
  }),
  'POST /api/v1/messages/open': () => ({ reference: 'N-K7RM-93XH-QD', dateOfBirth: '1990-01-01' }),
  'POST /api/v1/applications': () => ({ form: 'temporary-protection', language: 'uk', email: 'olena@example.org' }),
  'PUT /api/v1/applications/{token}/steps/{step}': () => ({
    formVersionId: application.formVersionId,
    revision: applicationRevision,
    answers: { family_name: 'Коваленко', given_names: 'Олена', birth_date: '17.05.1990', nationality: 'ua' },
  }),
};
const admin = await db.selectFrom('staff').select('id').where('username', '=', 'demo.admin').executeTakeFirstOrThrow();
const { token: adminToken } = await createApiToken({ db, clock }, { staffId: admin.id, name: 'fuzz', role: 'admin' });

const known: Known = {
  uuids: [...services.map((s) => s.id), ...locations.map((l) => l.id)],
  strings: {
    start: [...starts.slice(0, 6), '+275760-09-13T00:00:00Z', '2026-12-02T09:00:00+01:00'],
    code: codes,
    secret: secrets,
    'x-manage-secret': secrets,
    lang: [...languages],
    from: ['2026-12-01', '2026-12-02', '0000-01-01', '9999-12-31'],
    to: ['2026-12-05', '2027-03-01', '9999-12-31'],
    'idempotency-key': [randomUUID(), randomUUID()],
    name: ['Olena Kovalenko', 'علی‌رضا'],
    email: ['olena@example.org'],
    dateOfBirth: ['1985-07-01'],
    phone: ['+49 30 1234567'],
    token: [application.token],
    slug: ['temporary-protection', 'extension'],
    form: ['temporary-protection', 'address-change'],
    language: [...languages],
    step: ['person', 'stay', 'family', 'documents'],
    field: ['passport', 'family_name'],
    fileName: ['pass.pdf', '../../etc/passwd', 'a\u202eexe.pdf'],
    formVersionId: [application.formVersionId],
  },
};

const bodyEncoding = fc.constantFrom('json', 'json', 'json', 'malformed', 'text', 'form', 'multipart-broken', 'none');

const request = fc.nat({ max: operations.length - 1 }).chain((index) => {
  const op = operations[index]!;
  return fc.record({
    op: fc.constant(index),
    values: fc.tuple(...op.parameters.map((p) => fc.option(arbitraryFor(p.schema, components, known, p.name), { nil: undefined, freq: p.required ? 10 : 3 }))),
    body: op.body ? arbitraryFor(op.body, components, known) : fc.constant(undefined),
    encoding: op.body ? bodyEncoding : fc.constantFrom('none', ...(op.method === 'GET' ? [] : ['malformed'])),
    bearer: fc.constantFrom(undefined, undefined, undefined, adminToken, 'lotse_pat_nonsense'),
    // Often a valid body with one field made hostile, so that requests get past the schema.
    mutation: validBodies[`${op.method} ${op.path}`] ? fc.option(fc.tuple(fc.nat(), hostileJson), { freq: 2 }) : fc.constant(null),
  });
});

const headerSafe = (value: string) => (/^[\t\x20-\x7e]*$/.test(value) ? value : percentEncode(value));

test('every API operation from its schema: no 5xx, and a refused request writes nothing', async () => {
  let requests = 0;
  await fc.assert(
    fc.asyncProperty(request, async ({ op: index, values, body: generated, encoding, bearer, mutation }) => {
      const op = operations[index]!;
      let body = generated;
      if (mutation) {
        const valid = validBodies[`${op.method} ${op.path}`]!();
        const fields = leaves(valid);
        setAt(valid, fields[mutation[0] % fields.length]!, mutation[1]);
        body = valid;
      }
      let path = op.path;
      const query = new URLSearchParams();
      const headers: Record<string, string> = {};
      op.parameters.forEach((parameter, i) => {
        const value = values[i];
        if (value === undefined) return;
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, percentEncode(text));
        else if (parameter.in === 'query') query.set(parameter.name, text);
        else if (parameter.in === 'header') headers[parameter.name] = headerSafe(text);
      });
      path = path.replace(/\{[^}]+\}/g, 'X');
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const init: RequestInit = { method: op.method, headers };
      const bodies: Record<string, [string, string]> = {
        json: ['application/json', JSON.stringify(body) ?? 'null'],
        malformed: ['application/json', '{"start": "2026-12-02T08:00:00Z", "person": {'],
        text: ['text/plain', JSON.stringify(body) ?? ''],
        form: ['application/x-www-form-urlencoded', new URLSearchParams({ start: JSON.stringify(body) ?? '' }).toString()],
        'multipart-broken': ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="start"\r\n\r\n'],
      };
      const sent = bodies[encoding];
      if (sent) {
        headers['content-type'] = sent[0];
        init.body = sent[1];
      }
      const target = `${path}${query.size ? `?${query}` : ''}`;
      const before = await fingerprint();
      const response = await app.request(target, init);
      await response.arrayBuffer();
      await refreshApplicationRevision();
      requests++;
      const label = `${op.method} ${target.slice(0, 300)} (${encoding}) ${JSON.stringify(body)?.slice(0, 300)}`;
      assert.ok(response.status < 500, `${response.status} for ${label}`);
      if (response.status >= 400) {
        const changed = changedTables(before, await fingerprint());
        assert.deepEqual(changed, [], `${response.status} but written: ${label}`);
      }
    }),
    fuzzSettings(300),
  );
  assert.ok(requests >= 1);
});

test('a hostile string in every parameter of every operation is refused without a 5xx', async () => {
  // The systematic half: each parameter of each operation gets each kind of hostile value once.
  const hostile = fc.sample(hostileString, { seed: 7, numRuns: 6 });
  for (const op of operations) {
    for (const parameter of op.parameters) {
      for (const value of ['\0', 'a\0b', '\ud800', ...hostile]) {
        let path = op.path.replace(/\{[^}]+\}/g, codes[0]!);
        const headers: Record<string, string> = {};
        const query = new URLSearchParams();
        if (parameter.in === 'path') path = op.path.replace(`{${parameter.name}}`, percentEncode(value));
        if (parameter.in === 'query') query.set(parameter.name, value);
        if (parameter.in === 'header') headers[parameter.name] = headerSafe(value);
        const before = await fingerprint();
        const response = await app.request(`${path}?${query}`, { method: op.method, headers });
        await response.arrayBuffer();
        assert.ok(response.status < 500, `${response.status}: ${op.method} ${op.path} ${parameter.name}=${JSON.stringify(value).slice(0, 80)}`);
        if (response.status >= 400) assert.deepEqual(changedTables(before, await fingerprint()), [], `${op.method} ${op.path} ${parameter.name}`);
      }
    }
  }
});

test('a hostile value in every field of every request body, the rest valid, is refused without a 5xx', async () => {
  const values: unknown[] = ['\0', 'a\0b', '\ud800', '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', 'A'.repeat(5000), 1e308, -1, null, true, [], {}];
  // The case-file operations need a staff token, ETags and files made first: the property test
  // above drives them from their schemas; their own tests send hostile fields (case-files/**).
  const schemaOnly = operations.filter((o) => o.body && !validBodies[`${o.method} ${o.path}`]).map((o) => `${o.method} ${o.path}`);
  assert.ok(
    schemaOnly.every((op) => /^(POST|PUT|PATCH) \/api\/v1\/(case-files|persons|procedures|files|imports)\b/.test(op)),
    `operations without a valid body here: ${schemaOnly.join(', ')}`,
  );
  for (const op of operations.filter((o) => o.body && validBodies[`${o.method} ${o.path}`])) {
    for (const leaf of leaves(validBodies[`${op.method} ${op.path}`]!())) {
      for (const value of values) {
        const body = validBodies[`${op.method} ${op.path}`]!();
        setAt(body, leaf, value);
        const path = op.path.replace('{code}', codes[0]!).replace('{token}', application.token).replace('{step}', 'person');
        const headers = { 'content-type': 'application/json', 'x-manage-secret': secrets[0]! };
        const before = await fingerprint();
        const response = await app.request(path, { method: op.method, headers, body: JSON.stringify(body) });
        await response.arrayBuffer();
        await refreshApplicationRevision();
        const label = `${op.method} ${op.path} ${leaf.join('.')}=${JSON.stringify(value).slice(0, 40)}`;
        assert.ok(response.status < 500, `${response.status}: ${label}`);
        if (response.status >= 400) assert.deepEqual(changedTables(before, await fingerprint()), [], label);
      }
    }
  }
});

function leaves(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [path];
  return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}
