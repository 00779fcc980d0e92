import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { createKysely, createPool } from '../src/db/database.ts';
import { createWalkInTicket } from '../src/features/front-desk/index.ts';
import { createTestApp, createTestLiveEvents, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { apiTokenFor, createClerk, createFrontOffice, deviceToken } from './front-desk-fixtures.ts';
import { serveApp } from './serve-app.ts';
import { openEventStream } from './sse-client.ts';

// Two Lotse instances (own HTTP server, own pool, own LISTEN connection) on one database,
// as behind a load balancer: a call made on one must reach a display connected to the other.
const { db, url } = await createTestDatabase({ poolSize: 4 });
// Both instances and the tickets share one office clock (a Monday morning), never the real day.
const clock = fixedClock('2026-11-23T08:00:00Z');

async function startInstance() {
  const pool = createPool(url, 5);
  const instanceDb = createKysely(pool);
  const liveEvents = createTestLiveEvents(url);
  const app = createTestApp(instanceDb, { liveEvents, clock });
  const { base, stop } = await serveApp(app);
  await liveEvents.ready();
  after(async () => {
    await stop();
    await instanceDb.destroy();
  });
  return { base, liveEvents };
}

const [first, second] = [await startInstance(), await startInstance()];
const office = await createFrontOffice(db);
const clerk = await createClerk(db, office.location.id, [office.front]);
const reception = await createClerk(db, office.location.id, [], 'reception');
const clerkToken = await apiTokenFor(db, clerk);
const displayToken = await deviceToken(db, 'display', office.location.id);
const query = `location=${office.location.id}&counter=${office.counters[0]!.id}`;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function deskPost(base: string, path: string) {
  const response = await fetch(`${base}${path}?${query}`, {
    method: 'POST',
    headers: { ...auth(clerkToken), origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
    redirect: 'manual',
  });
  assert.equal(response.status, 303, await response.text());
}

test('a call on one instance appears on a display connected to the other; a display resumes after the last event id', { timeout: 30_000 }, async () => {
  for (let i = 0; i < 2; i++) await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'uk' });
  const displayUrl = `${second.base}/display/${office.location.slug}/events`;
  const display = openEventStream(displayUrl, auth(displayToken));
  await display.opened;

  await deskPost(first.base, '/desk/call-next');
  const call = await display.next((e) => e.event === 'call');
  const shown = JSON.parse(call.data);
  assert.equal(shown.number, 'A001');
  assert.equal(shown.counter, 'Schalter 1');
  assert.deepEqual(
    shown.texts.map((t: { lang: string }) => t.lang),
    ['de', 'uk'],
  );
  assert.doesNotMatch(call.data, /Kovalenko|@/);
  display.close();

  // While the display is away: a recall and (after finishing) the next call.
  const ticket = await db
    .selectFrom('ticket')
    .select('id')
    .where('display_number', '=', 'A001')
    .where('location_id', '=', office.location.id)
    .executeTakeFirstOrThrow();
  await deskPost(first.base, `/desk/tickets/${ticket.id}/recall`);
  const finish = await fetch(`${first.base}/desk/tickets/${ticket.id}/finish?${query}`, {
    method: 'POST',
    headers: { ...auth(clerkToken), origin: first.base, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'result=done',
    redirect: 'manual',
  });
  assert.equal(finish.status, 303);
  await deskPost(first.base, '/desk/call-next');

  const resumed = openEventStream(displayUrl, { ...auth(displayToken), 'last-event-id': call.id ?? '' });
  const recall = await resumed.next((e) => e.event === 'call' && JSON.parse(e.data).kind === 'recall');
  const nextCall = await resumed.next((e) => e.event === 'call' && JSON.parse(e.data).number === 'A002');
  assert.ok(Number(recall.id) > Number(call.id) && Number(nextCall.id) > Number(recall.id));
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(resumed.events.filter((e) => e.event === 'call').length, 2, 'only the missed calls, each once');
  resumed.close();
  for (let i = 0; i < 50 && second.liveEvents.subscriberCount(office.location.id) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(second.liveEvents.subscriberCount(office.location.id), 0, 'closed display streams unsubscribe');
});

test('when the LISTEN connection drops, the instance reconnects and catches up on calls from the table', { timeout: 30_000 }, async () => {
  await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'ar' });
  const current = await db
    .selectFrom('ticket')
    .select('id')
    .where('location_id', '=', office.location.id)
    .where('status', '=', 'called')
    .executeTakeFirstOrThrow();
  const display = openEventStream(`${second.base}/display/${office.location.slug}/events?after=999999999`, auth(displayToken));
  await display.opened;
  await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`.execute(db);
  const finish = await fetch(`${first.base}/desk/tickets/${current.id}/finish?${query}`, {
    method: 'POST',
    headers: { ...auth(clerkToken), origin: first.base, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'result=done',
    redirect: 'manual',
  });
  assert.equal(finish.status, 303);
  display.close();
  const fresh = openEventStream(`${second.base}/display/${office.location.slug}/events?after=0`, auth(displayToken));
  await fresh.opened;
  await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`.execute(db);
  await deskPost(first.base, '/desk/call-next');
  const event = await fresh.next((e) => e.event === 'call' && JSON.parse(e.data).number === 'A003', 10_000);
  assert.equal(JSON.parse(event.data).texts[1].dir, 'rtl');
  fresh.close();
});
