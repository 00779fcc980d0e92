import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { sql } from 'kysely';
import { simpleParser } from 'mailparser';
import { createWalkInTicket } from '../src/features/front-desk/index.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestDatabase } from './database.ts';
import { clockAt, fakeTimeLibrary } from './faketime.ts';
import { apiTokenFor, createClerk, createFrontOffice, deviceToken } from './front-desk-fixtures.ts';
import { freePort } from './global-setup.ts';
import { startLotse, waitUntilReady, withTimeout, type Running } from './lotse-process.ts';
import { roundRobinProxy } from './round-robin-proxy.ts';
import { openEventStream, type SseEvent } from './sse-client.ts';
import { temporaryFolder } from './temporary-folder.ts';
import { until } from './until.ts';

/**
 * The production topology without Docker (docs/operations.md): two Lotse processes on one
 * PostgreSQL behind a round-robin proxy. One of them is killed (SIGKILL) during a booking rush
 * and while the desks call: no booking is lost or doubled, every booking gets its confirmation
 * once, and the call display, reconnecting through the proxy, shows every call.
 */

// The instances' clocks stand on a Monday morning (libfaketime), never on the real day.
const officeMorning = '2026-11-23T07:00:00Z';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Answer = { status: number; body: string };

/** One HTTP request without connection reuse, from a chosen loopback address (a client of its own). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from ?? '127.0.0.1', agent: false });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

test('two instances behind a proxy: one killed during a booking rush and desk calls loses no booking, mail or call', { timeout: 300_000 }, async () => {
  assert.ok(fakeTimeLibrary, 'libfaketime is missing (apt-get install -y faketime): the instances cannot be started on the test day.');
  const { db, url } = await createTestDatabase({ poolSize: 4 });
  const outboxDir = await temporaryFolder('lotse-topology-outbox-');
  const office = await createFrontOffice(db, { counters: 8 });

  // Bookings: three clerks free all Monday, a 15-minute service, four starts in the afternoon.
  const starts = ['14:00', '14:15', '14:30', '14:45'].map((time) => `2026-11-23T${time}:00+01:00`);
  const bookable = [];
  for (let i = 0; i < 3; i++) {
    const clerk = await createClerk(db, office.location.id, [office.front]);
    await db
      .insertInto('working_hours')
      .values({ staff_id: clerk.staffId, location_id: office.location.id, weekday: 1, starts: '08:00', ends: '18:00' })
      .execute();
    bookable.push(clerk);
  }
  const capacity = starts.length * bookable.length;

  // Calls: eight clerks at eight counters, eight people waiting.
  const reception = await createClerk(db, office.location.id, [], 'reception');
  const ticketClock = fixedClock(officeMorning);
  for (const language of ['uk', 'ar', 'fa', 'tr', 'ru', 'en', 'fr', 'de'])
    await createWalkInTicket({ db, clock: ticketClock }, reception, { locationId: office.location.id, serviceId: office.service, language });
  const desks: { token: string; query: string }[] = [];
  for (const counter of office.counters) {
    const clerk = await createClerk(db, office.location.id, [office.front]);
    desks.push({ token: await apiTokenFor(db, clerk), query: `location=${office.location.id}&counter=${counter.id}` });
  }
  const displayToken = await deviceToken(db, 'display', office.location.id);

  // Two instances and the proxy. Only the proxy's address is trusted for X-Forwarded-For.
  const ports = [await freePort(), await freePort()];
  const proxy = await roundRobinProxy(ports);
  after(() => proxy.stop());
  const perClientAttempts = 6;
  const clock = clockAt(officeMorning);
  const instances: Running[] = ports.map((port) =>
    startLotse({
      ...clock,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '5',
      PUBLIC_URL: proxy.base,
      LOTSE_TRUST_PROXY: '127.0.0.1',
      LOTSE_OUTBOX_DIR: outboxDir,
      LOTSE_POW_MAX_NUMBER: '1000',
      // Room for each client's attempts and their retries; the last client below goes over it.
      LOTSE_BOOKINGS_PER_IP_PER_HOUR: String(2 * perClientAttempts),
    }),
  );
  after(() => {
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
  });
  await Promise.all(instances.map((instance, i) => waitUntilReady(ports[i]!, instance)));

  // The display, reconnecting like a browser's EventSource, with the id of the last call it showed.
  const calls: SseEvent[] = [];
  let displayConnections = 0;
  let displayOn = true;
  after(() => (displayOn = false));
  const displayUrl = `${proxy.base}/display/${office.location.slug}/events?after=0`;
  let firstStream: ReturnType<typeof openEventStream> | undefined;
  const display = (async () => {
    while (displayOn) {
      const lastId = calls.at(-1)?.id;
      const stream = openEventStream(displayUrl, { authorization: `Bearer ${displayToken}`, ...(lastId ? { 'last-event-id': lastId } : {}) }, (event) => {
        if (event.event === 'call') calls.push(event);
      });
      firstStream ??= stream;
      displayConnections++;
      const stop = setInterval(() => displayOn || stream.close(), 50);
      await stream.ended;
      clearInterval(stop);
      if (displayOn) await sleep(200);
    }
  })();
  await firstStream!.opened;
  const displayInstance = proxy.routed.findLast((r) => r.path.startsWith('/display/'))!.instance;

  // The rush: twelve clients, each from its own address, six bookings each at the four starts. A
  // booking that got no answer (its instance died) is sent again with the same Idempotency-Key,
  // as a client should: it is answered with the booking it made, or books now.
  const booked = new Map<string, string>();
  const statuses: number[] = [];
  let answered = 0;
  const callResults: number[] = [];
  // The instance the display is on dies the moment a third of the slots are booked and half the
  // calls made: bookings, calls and the display's stream are all under way on it.
  const victim = instances[displayInstance]!;
  let killedAt: { answered: number; booked: number; calls: number } | undefined;
  let releaseRush: () => void = () => {};
  const victimKilled = new Promise<void>((resolve) => (releaseRush = resolve));
  const killWhenUnderWay = () => {
    if (killedAt || booked.size < capacity / 3 || callResults.length < desks.length / 2) return;
    killedAt = { answered, booked: booked.size, calls: callResults.length };
    victim.child.kill('SIGKILL');
    releaseRush();
  };
  // On a busy machine the rush could fill every slot before half the calls are made; then nothing
  // would be left under way at the kill. Until then, a client waits while the bookings made and
  // in flight could take the last free slot.
  let bookingsInFlight = 0;
  const leaveASlotFree = async () => {
    while (!killedAt && booked.size + bookingsInFlight >= capacity - 1) await Promise.race([victimKilled, sleep(20)]);
  };
  const book = async (from: string, start: string, email: string, forwardedFor?: string): Promise<number> => {
    const key = randomUUID();
    for (;;) {
      const challenge = await send(`${proxy.base}/api/v1/proof-of-work`, { from });
      if (challenge.status === 502) continue;
      const parsed = JSON.parse(challenge.body);
      const solution = await solveChallenge(parsed.challenge, parsed.salt, parsed.algorithm, parsed.maxnumber).promise;
      const payload = Buffer.from(JSON.stringify({ ...parsed, number: solution!.number })).toString('base64');
      await leaveASlotFree();
      bookingsInFlight++;
      const answer = await send(`${proxy.base}/api/v1/appointments`, {
        method: 'POST',
        from,
        headers: {
          'content-type': 'application/json',
          'idempotency-key': key,
          'x-altcha': payload,
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
        body: JSON.stringify({
          serviceId: office.bookingOnly,
          locationId: office.location.id,
          start,
          person: { name: 'Olena Kovalenko', dateOfBirth: '1990-04-01', email, language: 'uk' },
        }),
      }).finally(() => bookingsInFlight--);
      if (answer.status === 502) continue;
      if (answer.status === 201) booked.set(email, JSON.parse(answer.body).appointment.code);
      killWhenUnderWay();
      return answer.status;
    }
  };
  const rush = Promise.all(
    Array.from({ length: 12 }, async (_, client) => {
      for (let attempt = 0; attempt < perClientAttempts; attempt++) {
        const status = await book(`127.0.0.${20 + client}`, starts[(client + attempt) % starts.length]!, `rush-${client}-${attempt}@example.org`);
        statuses.push(status);
        answered++;
      }
    }),
  );

  // The desks call while the bookings come in: half before the instance dies, half after.
  const call = async (desk: (typeof desks)[number]) => {
    for (let sent = 0; ; sent++) {
      const answer = await send(`${proxy.base}/desk/call-next?${desk.query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${desk.token}`, origin: proxy.base, 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      });
      // Sent again after a lost answer, a call that was made is refused as "still serving".
      if (answer.status !== 502) {
        callResults.push(sent > 0 && answer.status === 409 ? 303 : answer.status);
        return killWhenUnderWay();
      }
    }
  };
  for (const desk of desks.slice(0, desks.length / 2)) await call(desk);
  const total = 12 * perClientAttempts;
  const killed = await until('the instance is killed', () => killedAt, { timeoutMs: 120_000 });
  await victim.exited;
  for (const desk of desks.slice(desks.length / 2)) await call(desk);
  await rush;

  // Forged X-Forwarded-For entries do not help a client past its limit: its own address counts.
  const forger = [];
  for (let i = 0; i <= 2 * perClientAttempts; i++) forger.push(await book('127.0.0.250', starts[0]!, `forger-${i}@example.org`, `198.51.100.${i}`));

  const survivorPort = ports[1 - displayInstance]!;
  const ready = await send(`http://127.0.0.1:${survivorPort}/readyz`);
  assert.equal(ready.status, 200, `the survivor is ready: ${ready.body}`);

  assert.ok(
    killed.answered < total && killed.booked < capacity && killed.calls < desks.length,
    `bookings and calls were still coming and slots still free when the instance died (${JSON.stringify(killed)})`,
  );
  assert.deepEqual(
    statuses.filter((s) => s !== 201 && s !== 409),
    [],
    'every booking was booked or refused as taken: none rate-limited (X-Forwarded-For trusted from the proxy) nor failed',
  );
  assert.deepEqual(
    forger.slice(0, -1).filter((s) => s !== 409),
    [],
    'the forger’s attempts within its limit were answered',
  );
  assert.equal(forger.at(-1), 429, 'and the one over it refused');
  assert.deepEqual(
    callResults,
    desks.map(() => 303),
    'every desk called someone',
  );

  // No double booking, no booking lost, none made that its client was not told of.
  const { rows: doubles } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM appointment a JOIN appointment b ON a.staff_id = b.staff_id AND a.id < b.id
       AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
     WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`.execute(db);
  assert.equal(doubles[0]!.n, 0, 'no clerk is booked twice at the same time');
  const stored = await db.selectFrom('appointment').select(['code', 'email']).where('location_id', '=', office.location.id).execute();
  assert.equal(booked.size, capacity, 'every slot was booked by exactly one client');
  assert.deepEqual(new Map(stored.map((row) => [row.email!, row.code])), booked, 'the stored appointments are exactly those answered 201, each once');
  assert.equal(stored.length, booked.size);

  // Each booking's confirmation is in the outbox once (sent by whichever instance was left).
  /** The addressee of every message in the outbox, one entry per message. */
  const addressees = async () => {
    const files = (await fs.readdir(outboxDir)).filter((name) => name.endsWith('.eml'));
    const mails = await Promise.all(files.map(async (file) => simpleParser(await fs.readFile(path.join(outboxDir, file)))));
    return mails.flatMap((mail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address ?? '') : ['?']));
  };
  await until(
    'every confirmation is sent',
    async () => {
      const { rows } = await sql<{ notices: number; unsent: number }>`
        SELECT (SELECT count(*) FROM appointment_notice)::int AS notices,
               (SELECT count(*) FROM pgboss.job WHERE name = 'mail.send' AND state <> 'completed')::int AS unsent`.execute(db);
      return rows[0]!.notices === 0 && rows[0]!.unsent === 0 && (await addressees()).length >= booked.size;
    },
    { timeoutMs: 120_000, everyMs: 500 },
  );
  const mails = await addressees();
  assert.deepEqual(mails.sort(), [...booked.keys()].sort(), 'one confirmation per booking, to nobody else');

  // The display showed every call, each once, in order; it came back through the survivor.
  const { rows: made } = await sql<{ id: string }>`SELECT id::text FROM display_event WHERE location_id = ${office.location.id} ORDER BY id`.execute(db);
  assert.equal(made.length, desks.length);
  await until('the display showed every call', () => calls.length >= made.length, { timeoutMs: 30_000 });
  displayOn = false;
  await withTimeout(display, 5_000, 'the display to switch off');
  assert.deepEqual(
    calls.map((c) => c.id),
    made.map((r) => r.id),
    'every call once, in order',
  );
  assert.ok(displayConnections >= 2, 'the display reconnected after its instance died');
  assert.equal(proxy.routed.findLast((r) => r.path.startsWith('/display/'))!.instance, 1 - displayInstance, 'to the survivor');

  const survivor = instances[1 - displayInstance]!;
  survivor.child.kill('SIGTERM');
  assert.equal(await withTimeout(survivor.exited, 30_000, 'shutdown of the survivor'), 0, survivor.output());
});
