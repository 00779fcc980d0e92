import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';

import { createTestDatabase } from '../../../test/database.ts';
import { createClerk, createOffice, createService, person } from '../../../test/office-factory.ts';
import { isAppError } from '../../shared/app-error.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bookAppointment, cancelAndNotify, createAppointmentNotices, getAvailability, onlineRequester } from '../appointments/index.ts';
import { createAppointmentNotifier } from '../appointments/portal/index.ts';
import { createTestJobs } from '../../../test/app.ts';
import { acceptOffer } from './answer-offer.ts';
import { confirmEntry } from './confirm-entry.ts';
import { declineOffer } from './answer-offer.ts';
import { entryByLink } from './entry-by-link.ts';
import { dropUnconfirmedEntries, dueOffers, expireOffer } from './expire-offer.ts';
import { joinWaitingList, type JoinRequest } from './join-waiting-list.ts';
import { leaveWaitingList } from './leave-waiting-list.ts';
import { offerFreedTimes, offerTimesAfterScheduleChange } from './offer-freed-times.ts';
import { waitingListWatcher } from './start-waiting-list-jobs.ts';
import type { WaitingListDeps } from './waiting-list-deps.ts';
import { waitingListFigures } from './waiting-list-figures.ts';

const { db, url } = await createTestDatabase({ poolSize: 12 });
const jobs = createTestJobs(url);
// Tuesday 1 December 2026, 07:00 in Wetzlar.
const clock = fixedClock('2026-12-01T06:00:00Z');
const notices = createAppointmentNotices({
  db,
  deliverer: createAppointmentNotifier({ jobs, clock, publicUrl: 'https://lotse.test', key: async () => 'k'.repeat(43) }),
});
// Notices are recorded, not delivered: the tests look at them.
const sut: WaitingListDeps = {
  db,
  clock,
  jobs,
  notices: { changed: (trx, change) => notices.changed(trx, change) },
  publicUrl: 'https://lotse.test',
  settings: { offerMinutes: 30, releaseDelayMinutes: 60 },
};

async function rejectsWith(promise: Promise<unknown>, code: string, reason?: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAppError(error), `expected AppError ${code}, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (reason) assert.equal(error.details?.reason, reason);
    return;
  }
  assert.fail(`expected ${code}`);
}

/** A service whose whole window (today and tomorrow, one clerk 08:00–09:00) is booked out. */
async function fullyBookedOffice() {
  clock.set('2026-12-01T06:00:00Z');
  const office = await createOffice(db);
  const serviceId = await createService(db, office, { maxDaysAhead: 1 });
  await createClerk(db, office, { starts: '08:00', ends: '09:00' });
  const booked: string[] = [];
  for (const start of ['2026-12-01T08:00:00+01:00', '2026-12-01T08:30:00+01:00', '2026-12-02T08:00:00+01:00', '2026-12-02T08:30:00+01:00']) {
    const result = await bookAppointment(sut, { serviceId, locationId: office.locationId, start, person: person(), actor: onlineRequester });
    booked.push(result.appointment.id);
  }
  return { office, serviceId, booked };
}

function joinRequest(serviceId: string, locationId: string, overrides: Partial<JoinRequest> = {}): JoinRequest {
  const p = person();
  return {
    serviceId,
    locationId,
    person: { name: p.name, dateOfBirth: p.dateOfBirth, email: p.email },
    language: 'uk',
    acceptable: { weekdays: [1, 2, 3, 4, 5], fromMinute: 7 * 60, untilMinute: 18 * 60 },
    names: { service: 'Продовження', location: 'Wetzlar' },
    ...overrides,
  };
}

async function waitingPerson(serviceId: string, locationId: string, overrides: Partial<JoinRequest> = {}) {
  const { token } = await joinWaitingList(sut, joinRequest(serviceId, locationId, overrides));
  await confirmEntry(sut, token);
  return token;
}

/** The offer's link from the last offer mail queued to this address. */
async function offerToken(email: string): Promise<string> {
  const { rows } = await sql<{ text: string }>`
    SELECT data->>'text' AS text FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = ${email} AND data->>'text' LIKE '%/waiting-list/offer/%'
     ORDER BY created_on DESC LIMIT 1`.execute(db);
  const match = /\/waiting-list\/offer\/([A-Za-z0-9_-]{32})/.exec(rows[0]?.text ?? '');
  assert.ok(match, `no offer mail to ${email}`);
  return match[1]!;
}

const cancel = (appointmentId: string) => cancelAndNotify({ db, clock, notices }, { appointmentId, verifiedByPortal: true }, onlineRequester);

describe('waiting list', () => {
  test('a freed time is held for the first person whose days fit; they accept it and it becomes a booking with its confirmation', async () => {
    const { office, serviceId, booked } = await fullyBookedOffice();
    const mondaysOnly = await waitingPerson(serviceId, office.locationId, { acceptable: { weekdays: [1], fromMinute: 420, untilMinute: 1080 } });
    const first = await waitingPerson(serviceId, office.locationId);
    const second = await waitingPerson(serviceId, office.locationId);
    assert.equal((await entryByLink(db, second)).position, 3);

    await cancel(booked[2]!);
    clock.advance(61 * 60_000);
    assert.equal(await offerFreedTimes(sut, office.locationId), 1);

    // Wednesday does not suit the Monday-only person: the offer goes to the next in line.
    assert.equal((await entryByLink(db, mondaysOnly)).status, 'waiting');
    const entry = await entryByLink(db, first);
    assert.equal(entry.status, 'offered');
    assert.equal(entry.position, 2);
    assert.equal(entry.offer?.startsAt.toISOString(), '2026-12-02T07:00:00.000Z');
    assert.equal(entry.offer?.expiresAt.toISOString(), new Date(clock.now().getTime() + 30 * 60_000).toISOString());
    const held = await db
      .selectFrom('appointment')
      .select(['id', 'status'])
      .where('service_id', '=', serviceId)
      .where('starts_at', '=', new Date('2026-12-02T07:00:00Z'))
      .where('status', '<>', 'cancelled')
      .execute();
    assert.deepEqual(
      held.map((a) => a.status),
      ['held'],
    );
    // Nobody else can have that time while it is held.
    const free = await getAvailability(
      { db, clock },
      { serviceId, locationId: office.locationId, from: '2026-12-02', to: '2026-12-02', actor: onlineRequester },
    );
    assert.deepEqual(free.days[0]?.starts, []);

    const email = (await db.selectFrom('waiting_list_entry').select('email').where('status', '=', 'offered').executeTakeFirstOrThrow()).email!;
    const outcome = await acceptOffer(sut, await offerToken(email));
    assert.equal(outcome.kind, 'booked');
    const appointment = await db.selectFrom('appointment').select(['status', 'language']).where('id', '=', held[0]!.id).executeTakeFirstOrThrow();
    assert.deepEqual(appointment, { status: 'booked', language: 'uk' });
    const notice = await db.selectFrom('appointment_notice').select('kind').where('appointment_id', '=', held[0]!.id).execute();
    assert.deepEqual(
      notice.map((n) => n.kind),
      ['booked'],
    );
    const ended = await db.selectFrom('waiting_list_entry').selectAll().where('status', '=', 'booked').executeTakeFirstOrThrow();
    assert.equal(ended.email, null, 'the entry keeps no personal data once it ended');
    assert.equal(ended.person_name, null);
    assert.equal((await entryByLink(db, second)).position, 2);
  });

  test('an offer nobody answers expires by the clock, the time goes to the next person, and the old link says it expired', async () => {
    const { office, serviceId, booked } = await fullyBookedOffice();
    const first = await waitingPerson(serviceId, office.locationId);
    const second = await waitingPerson(serviceId, office.locationId);
    await cancel(booked[3]!);
    clock.advance(61 * 60_000);
    assert.equal(await offerFreedTimes(sut, office.locationId), 1);
    const firstEmail = (await db.selectFrom('waiting_list_entry').select('email').where('status', '=', 'offered').executeTakeFirstOrThrow()).email!;
    const firstLink = await offerToken(firstEmail);
    const offer = await db.selectFrom('waiting_list_offer').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();

    clock.advance(29 * 60_000);
    assert.deepEqual(await dueOffers(sut), []);
    assert.equal((await expireOffer(sut, offer.id)).outcome, 'not_yet');
    clock.advance(60_000);
    assert.deepEqual(await dueOffers(sut), [offer.id]);
    await rejectsWith(acceptOffer(sut, firstLink), 'gone', 'offer_expired');
    assert.equal((await expireOffer(sut, offer.id)).outcome, 'expired');
    assert.equal((await expireOffer(sut, offer.id)).outcome, 'answered', 'a second run changes nothing');
    assert.equal((await entryByLink(db, first)).status, 'lapsed');

    assert.equal(await offerFreedTimes(sut, office.locationId), 1);
    const next = await entryByLink(db, second);
    assert.equal(next.status, 'offered');
    assert.equal(next.position, 1);
    assert.equal(next.offer?.startsAt.toISOString(), '2026-12-02T07:30:00.000Z');
    await rejectsWith(acceptOffer(sut, firstLink), 'gone', 'offer_expired');
    const statuses = await db
      .selectFrom('appointment')
      .select('status')
      .where('service_id', '=', serviceId)
      .where('starts_at', '=', new Date('2026-12-02T07:30:00Z'))
      .execute();
    assert.deepEqual(statuses.map((a) => a.status).sort(), ['cancelled', 'cancelled', 'held']);
    const figures = await waitingListFigures(db, office.locationId, { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2026-12-03T00:00:00Z') });
    assert.deepEqual(
      figures.map(({ waiting, offered, accepted, expired, declined }) => ({ waiting, offered, accepted, expired, declined })),
      [{ waiting: 1, offered: 2, accepted: 0, expired: 1, declined: 0 }],
    );
  });

  test('two clicks on one offer link at once: one books, the other learns the offer was used', async () => {
    const { office, serviceId, booked } = await fullyBookedOffice();
    await waitingPerson(serviceId, office.locationId);
    await cancel(booked[1]!);
    clock.advance(61 * 60_000);
    assert.equal(await offerFreedTimes(sut, office.locationId), 1);
    const email = (
      await db.selectFrom('waiting_list_entry').select('email').where('status', '=', 'offered').where('service_id', '=', serviceId).executeTakeFirstOrThrow()
    ).email!;
    const link = await offerToken(email);
    const results = await Promise.allSettled([acceptOffer(sut, link), acceptOffer(sut, link), acceptOffer(sut, link)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1);
    for (const r of results)
      if (r.status === 'rejected') assert.ok(isAppError(r.reason) && r.reason.code === 'conflict' && r.reason.details?.reason === 'offer_used');
    const rows = await db.selectFrom('appointment').select('status').where('service_id', '=', serviceId).where('status', '=', 'booked').execute();
    assert.equal(rows.length, 4, 'the three other bookings and the accepted offer');
  });

  test('declining keeps the place and the time goes to the next; leaving gives a held time back', async () => {
    const { office, serviceId, booked } = await fullyBookedOffice();
    const first = await waitingPerson(serviceId, office.locationId);
    const second = await waitingPerson(serviceId, office.locationId);
    await cancel(booked[2]!);
    clock.advance(61 * 60_000);
    await offerFreedTimes(sut, office.locationId);
    const firstEmail = (
      await db.selectFrom('waiting_list_entry').select('email').where('status', '=', 'offered').where('service_id', '=', serviceId).executeTakeFirstOrThrow()
    ).email!;
    const link = await offerToken(firstEmail);
    await declineOffer(sut, link);
    await rejectsWith(declineOffer(sut, link), 'conflict', 'offer_declined');
    assert.equal(await offerFreedTimes(sut, office.locationId), 1);
    assert.equal((await entryByLink(db, first)).status, 'waiting', 'the declined time is not offered to them again');
    assert.equal((await entryByLink(db, first)).position, 1);
    assert.equal((await entryByLink(db, second)).status, 'offered');
    await leaveWaitingList(sut, second);
    await leaveWaitingList(sut, second);
    assert.equal((await entryByLink(db, second)).status, 'left');
    const open = await db.selectFrom('appointment').select('status').where('service_id', '=', serviceId).where('status', '=', 'held').execute();
    assert.equal(open.length, 0);
  });

  test('once per address and service: a second entry is refused, also when both arrive at once; nothing half-written', async () => {
    const { office, serviceId } = await fullyBookedOffice();
    const request = joinRequest(serviceId, office.locationId);
    const results = await Promise.allSettled([
      joinWaitingList(sut, request),
      joinWaitingList(sut, { ...request, person: { ...request.person, email: request.person.email.toUpperCase() } }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r) => r.status === 'rejected');
    assert.ok(refused && isAppError(refused.reason) && refused.reason.details?.reason === 'duplicate_entry');
    await rejectsWith(joinWaitingList(sut, request), 'conflict', 'duplicate_entry');
    const entries = await db.selectFrom('waiting_list_entry').select('id').where('service_id', '=', serviceId).execute();
    assert.equal(entries.length, 1);
    const mails = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND lower(data->>'to') = ${request.person.email.toLowerCase()}`.execute(db);
    assert.equal(mails.rows[0]!.n, 1, 'one confirmation mail, none for the refused entry');
  });

  test('an entry nobody confirms is dropped after 72 hours with its data; the address may join again', async () => {
    const { office, serviceId } = await fullyBookedOffice();
    const request = joinRequest(serviceId, office.locationId);
    const { token } = await joinWaitingList(sut, request);
    clock.advance(71 * 3600_000);
    await dropUnconfirmedEntries(sut);
    assert.equal((await entryByLink(db, token)).status, 'pending');
    clock.advance(2 * 3600_000);
    assert.ok((await dropUnconfirmedEntries(sut)) >= 1);
    assert.equal((await entryByLink(db, token)).status, 'lapsed');
    await rejectsWith(confirmEntry(sut, token), 'conflict', 'entry_ended');
    await joinWaitingList(sut, request);
  });

  test('bad links and an unknown language: clear errors, nothing written', async () => {
    const { office, serviceId } = await fullyBookedOffice();
    await rejectsWith(joinWaitingList(sut, joinRequest(serviceId, office.locationId, { language: 'xx' })), 'validation_failed', 'language');
    await rejectsWith(
      joinWaitingList(sut, joinRequest(serviceId, office.locationId, { acceptable: { weekdays: [], fromMinute: 0, untilMinute: 60 } })),
      'validation_failed',
      'weekdays',
    );
    await rejectsWith(entryByLink(db, 'A'.repeat(32)), 'not_found', 'unknown_link');
    await rejectsWith(entryByLink(db, '../../etc'), 'not_found', 'unknown_link');
    await rejectsWith(acceptOffer(sut, 'B'.repeat(32)), 'not_found', 'unknown_link');
    await rejectsWith(confirmEntry(sut, undefined), 'not_found', 'unknown_link');
    const entries = await db.selectFrom('waiting_list_entry').select('id').where('service_id', '=', serviceId).execute();
    assert.equal(entries.length, 0);
  });

  test('new working hours reach the list through the schedule version: one look per change', async () => {
    const { office, serviceId } = await fullyBookedOffice();
    const waiting = await waitingPerson(serviceId, office.locationId);
    await offerTimesAfterScheduleChange(sut);
    assert.equal(await offerTimesAfterScheduleChange(sut), 0, 'nothing changed since the last look');
    await createClerk(db, office, { starts: '10:00', ends: '10:30' });
    assert.ok((await offerTimesAfterScheduleChange(sut)) >= 1);
    const entry = await entryByLink(db, waiting);
    assert.equal(entry.status, 'offered');
    assert.equal(entry.offer?.startsAt.toISOString().slice(11, 16), '09:00', 'the new clerk’s 10:00 in Wetzlar');
  });

  test('a cancellation told through the notices queues a look for times once the re-release delay is over', async () => {
    const { office, booked } = await fullyBookedOffice();
    const watched = createAppointmentNotices({
      db,
      deliverer: { changed: (trx, change) => waitingListWatcher({ jobs, settings: { releaseDelayMinutes: 60 } }).changed(trx, change) },
    });
    await cancelAndNotify({ db, clock, notices: watched }, { appointmentId: booked[0]!, verifiedByPortal: true }, onlineRequester);
    await watched.deliver();
    const { rows } = await sql<{ start_after: Date }>`
      SELECT start_after FROM pgboss.job WHERE name = 'waiting-list.look-for-times' AND data->>'locationId' = ${office.locationId}`.execute(db);
    assert.deepEqual(
      rows.map((r) => new Date(r.start_after).toISOString()),
      [new Date(clock.now().getTime() + 60 * 60_000).toISOString()],
    );
  });
});
