import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { apiTokenFor, createClerk, createFrontOffice, deviceToken } from './front-desk-fixtures.ts';
import { serveApp } from './serve-app.ts';

// An instance built without a LISTEN connection (as some tests build it) on a real port: its
// event streams must answer 503 before they write anything, not start a 200 stream and fail.
const { db } = await createTestDatabase();
const app = createTestApp(db, { clock: fixedClock('2026-11-23T08:00:00Z') });
const { base } = await serveApp(app);
const office = await createFrontOffice(db);
const clerkToken = await apiTokenFor(db, await createClerk(db, office.location.id, [office.front]));
const displayToken = await deviceToken(db, 'display', office.location.id);

for (const [screen, path, token] of [
  ['desk and reception', `/front-desk/events?location=${office.location.id}`, clerkToken],
  ['call display', `/display/${office.location.slug}/events`, displayToken],
] as const) {
  test(`without live events, the ${screen} stream answers 503 and the instance keeps serving`, { timeout: 10_000 }, async () => {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: AbortSignal.timeout(5_000),
    });
    assert.equal(response.status, 503);
    assert.doesNotMatch(response.headers.get('content-type') ?? '', /event-stream/);
    // The whole answer arrives (no stream left open with heartbeats).
    assert.match(await response.text(), /Vorübergehend nicht erreichbar/);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });
}
