import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { createWalkInTicket } from '../src/features/front-desk/index.ts';
import { recordCall } from '../src/features/front-desk/display-events.ts';
import { createTestApp, createTestLiveEvents, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { createClerk, createFrontOffice, deviceToken } from './front-desk-fixtures.ts';
import { gatedProxy } from './gated-proxy.ts';
import { serveApp } from './serve-app.ts';
import { openEventStream, type SseConnection } from './sse-client.ts';

// A freshly started instance whose LISTEN connection is not up yet: the proxy holds it for as
// long as the test needs, so "a call committed before the instance listens" happens every run.
const { db, url } = await createTestDatabase({ poolSize: 4 });
const proxy = await gatedProxy(url);
after(() => proxy.stop());
const liveEvents = createTestLiveEvents(proxy.url);
const clock = fixedClock('2026-11-23T08:00:00Z');
const app = createTestApp(db, { liveEvents, clock });
const { base } = await serveApp(app);

const office = await createFrontOffice(db);
const reception = await createClerk(db, office.location.id, [], 'reception');
const displayToken = await deviceToken(db, 'display', office.location.id);
const displayUrl = `${base}/display/${office.location.slug}/events`;
const auth = { authorization: `Bearer ${displayToken}` };

/** A call committed the way a desk commits one (its own transaction), on the database directly. */
async function call(): Promise<string> {
  const ticket = await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'fa' });
  const event = await db.transaction().execute((trx) =>
    recordCall(trx, {
      locationId: office.location.id,
      ticketId: ticket.id,
      number: ticket.displayNumber,
      counter: 'Schalter 1',
      language: 'fa',
      kind: 'call',
      at: clock.now(),
    }),
  );
  return String(event.id);
}

const shown = (display: SseConnection, id: string, timeoutMs?: number) => display.next((e) => e.event === 'call' && e.id === id, timeoutMs);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a display on an instance that does not listen yet misses no call, and a resume after it skips none', { timeout: 30_000 }, async () => {
  const first = await call();
  const display = openEventStream(displayUrl, auth);
  await display.opened;
  // Whatever the stream reads from the table before the instance listens, it has read by now.
  await shown(display, first, 1_000).catch(() => {});
  const second = await call();
  proxy.open();
  await liveEvents.ready();
  const third = await call();

  await shown(display, third);
  await shown(display, second, 1_000);
  const ids = display.events.filter((e) => e.event === 'call').map((e) => e.id);
  assert.deepEqual(ids, [first, second, third], 'every call once, in order');
  display.close();

  const resumed = openEventStream(displayUrl, { ...auth, 'last-event-id': first });
  await shown(resumed, third);
  assert.deepEqual(
    resumed.events.filter((e) => e.event === 'call').map((e) => e.id),
    [second, third],
  );
  resumed.close();
});

test('after the LISTEN connection is cut, the reconnected instance delivers the calls committed meanwhile', { timeout: 30_000 }, async () => {
  const display = openEventStream(displayUrl, auth);
  await display.opened;
  const before = await call();
  await shown(display, before);

  proxy.hold();
  const { rows } = await sql<{ cut: boolean }>`
    SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
    WHERE datname = current_database() AND query LIKE 'LISTEN %'`.execute(db);
  assert.deepEqual(rows, [{ cut: true }], 'the instance had one LISTEN connection');
  const meanwhile = await call();
  await sleep(300);
  assert.equal(
    display.events.some((e) => e.id === meanwhile),
    false,
    'nobody listened while the connection was down',
  );
  proxy.open();
  await shown(display, meanwhile, 5_000);
  const after = await call();
  await shown(display, after);
  assert.deepEqual(
    display.events
      .filter((e) => e.event === 'call')
      .map((e) => e.id)
      .slice(-3),
    [before, meanwhile, after],
  );
  display.close();
});
