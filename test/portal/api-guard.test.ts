import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock, json } from '../app.ts';
import { createTestOffice } from './office-fixture.ts';

const { db, url } = await createTestDatabase();
const office = await createTestOffice(db);
const clock = fixedClock('2026-11-23T06:00:00Z');
const app = createTestApp(db, { url, clock, portal: { guardApi: true, powMaxNumber: 2000, bookingsPerIpPerHour: 100 } });

const body = (start: string, email: string) =>
  JSON.stringify({
    serviceId: office.serviceId,
    locationId: office.locationId,
    start,
    person: { name: 'Api Person', dateOfBirth: '1980-01-01', email, language: 'en' },
  });

async function solved(): Promise<string> {
  const challenge = await json(await app.request('/api/v1/proof-of-work'));
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  return Buffer.from(JSON.stringify({ ...challenge, number: solution!.number })).toString('base64');
}

test('the JSON API books only with a fresh proof of work, and never twice with the same one', async () => {
  const post = (payload: string | undefined, start: string, email: string) =>
    app.request('/api/v1/appointments', {
      method: 'POST',
      body: body(start, email),
      headers: { 'content-type': 'application/json', ...(payload ? { 'x-altcha': payload } : {}) },
    });
  const without = await post(undefined, '2026-11-24T08:00:00Z', 'a@example.org');
  assert.equal(without.status, 403);
  assert.match((await json(without)).detail, /proof of work/);
  const payload = await solved();
  const ok = await post(payload, '2026-11-24T08:00:00Z', 'a@example.org');
  assert.equal(ok.status, 201);
  const replay = await post(payload, '2026-11-24T09:00:00Z', 'b@example.org');
  assert.equal(replay.status, 403);
  assert.equal((await db.selectFrom('appointment').select('id').execute()).length, 1);
  const spec = await json(await app.request('/api/openapi.json'));
  assert.ok(spec.paths['/api/v1/proof-of-work']);
});

test("a challenge expires by the office clock, not the machine's", async () => {
  const challenge = await json(await app.request('/api/v1/proof-of-work'));
  const expires = Number(new URLSearchParams(String(challenge.salt).split('?')[1]).get('expires'));
  assert.equal(expires * 1000, clock.now().getTime() + 30 * 60_000, 'valid for the configured minutes from the clock');
  const payload = await solved();
  clock.advance(31 * 60_000);
  try {
    const late = await app.request('/api/v1/appointments', {
      method: 'POST',
      body: body('2026-11-24T10:00:00Z', 'late@example.org'),
      headers: { 'content-type': 'application/json', 'x-altcha': payload },
    });
    assert.equal(late.status, 403);
    assert.match((await json(late)).detail, /expired/);
  } finally {
    clock.advance(-31 * 60_000);
  }
});
