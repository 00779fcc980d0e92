import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { procedureWithPerson } from '../../../../test/status-lookup-fixture.ts';
import { fixedClock } from '../../../shared/clock.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T09:00:00Z');
const app = createTestApp(db, { url, jobs: createTestJobs(url), clock });
const office = await createOffice(db);
const p = await procedureWithPerson(db, { locationId: office.locationId, now: clock.now() });

const ask = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/v1/status-lookups', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

test('the API answers the look-up in the language asked for, and unknown like wrong, as problem+json', async () => {
  const found = await ask({ number: p.number, dateOfBirth: '17.05.1990' }, { 'accept-language': 'uk' });
  assert.equal(found.status, 200);
  assert.equal(found.headers.get('cache-control'), 'no-store');
  const body = (await found.json()) as { status: string; label: { text: string; lang: string }; since: string; missingDocuments: unknown[] };
  assert.deepEqual(body.label, { text: 'Заяву отримано', lang: 'uk' });
  assert.equal(body.status, 'received');
  assert.equal(body.since, '2026-11-23T09:00:00.000Z');
  assert.deepEqual(body.missingDocuments, []);
  const wrong = await ask({ number: p.number, dateOfBirth: '1990' });
  const unknown = await ask({ number: 'ZZZZ-ZZZZ-ZZ', dateOfBirth: '1990' });
  assert.equal(wrong.status, 404);
  assert.match(wrong.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const detail = async (r: Response) => ((await r.json()) as { detail: string }).detail;
  assert.equal(await detail(wrong), await detail(unknown));
});

test('bad input: 422 naming the field, never a 500; a huge body is refused; a forged proof of work is 403', async () => {
  const bad = await ask({ number: 'x'.repeat(30), dateOfBirth: '00.00.1990' });
  assert.equal(bad.status, 422);
  const errors = ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
  assert.ok(errors.length > 0);
  assert.equal((await ask({ number: 'K'.repeat(100_000), dateOfBirth: '1990' })).status, 422);
  assert.equal((await ask({ cardSerial: 'L01X00T47', extra: true })).status, 422);
  assert.equal((await ask([1, 2, 3])).status, 422);
  const forged = await ask({ cardSerial: 'L01X00T47' }, { 'x-altcha': Buffer.from('{"challenge":"x"}').toString('base64') });
  assert.equal(forged.status, 403);
});

test('the OpenAPI document describes the look-up with its schemas', async () => {
  const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
  assert.ok(doc.paths['/api/v1/status-lookups']);
  assert.ok(doc.components.schemas.StatusLookupRequest);
  assert.ok(doc.components.schemas.StatusLookupAnswer);
});
