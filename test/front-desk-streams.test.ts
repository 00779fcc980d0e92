import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWalkInTicket } from '../src/features/front-desk/index.ts';
import { createTestApp, createTestLiveEvents, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { apiTokenFor, createClerk, createFrontOffice, deviceToken } from './front-desk-fixtures.ts';
import { serveApp } from './serve-app.ts';
import { openEventStream } from './sse-client.ts';

// The desk's and display's event streams on a real port: with live events they stay open and
// deliver; an instance built without a LISTEN connection (as some tests build it) answers 503
// before it writes anything.
const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const liveEvents = createTestLiveEvents(url);
const live = await serveApp(createTestApp(db, { clock, liveEvents }));
const without = await serveApp(createTestApp(db, { clock }));
await liveEvents.ready();
const office = await createFrontOffice(db);
const clerk = await createClerk(db, office.location.id, [office.front]);
const reception = await createClerk(db, office.location.id, [], 'reception');
const clerkToken = await apiTokenFor(db, clerk);
const displayToken = await deviceToken(db, 'display', office.location.id);
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** What the HTTP server reports about responses it could not write (it logs them to console.error). */
async function serverErrorsDuring(run: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return errors;
}

test('the desk and reception stream stays open (no-store leaves it alone) and nudges on every queue change', { timeout: 15_000 }, async () => {
  const errors = await serverErrorsDuring(async () => {
    const stream = openEventStream(`${live.base}/front-desk/events?location=${office.location.id}`, auth(clerkToken));
    // The first bytes are the retry hint and heartbeats, not events: wait until the server holds the stream.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let i = 0; i < 2; i++) {
      const before = stream.events.length;
      await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'de' });
      await stream.next((event) => event.event === 'queue' && stream.events.indexOf(event) >= before);
    }
    const ended = await Promise.race([stream.ended.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 300))]);
    assert.equal(ended, false, 'the stream is still open');
    stream.close();
  });
  assert.deepEqual(
    errors.filter((e) => /HEADERS_SENT|Cannot write headers/.test(e)),
    [],
  );
});

for (const [screen, path, token] of [
  ['desk and reception', `/front-desk/events?location=${office.location.id}`, clerkToken],
  ['call display', `/display/${office.location.slug}/events`, displayToken],
] as const) {
  test(`without live events, the ${screen} stream answers 503 and the instance keeps serving`, { timeout: 10_000 }, async () => {
    const response = await fetch(`${without.base}${path}`, { headers: { ...auth(token), accept: 'text/event-stream' }, signal: AbortSignal.timeout(5_000) });
    assert.equal(response.status, 503);
    assert.doesNotMatch(response.headers.get('content-type') ?? '', /event-stream/);
    // The whole answer arrives (no stream left open with heartbeats).
    assert.match(await response.text(), /Vorübergehend nicht erreichbar/);
    assert.equal((await fetch(`${without.base}/healthz`)).status, 200);
  });
}
