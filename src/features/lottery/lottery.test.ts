import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../../shared/clock.ts';
import { isAppError } from '../../shared/app-error.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createTestJobs } from '../../../test/app.ts';
import { createClerk, createOffice, createService, person } from '../../../test/office-factory.ts';
import { getAvailability, onlineRequester } from '../appointments/index.ts';
import { bookDrawnTime } from './book-drawn-time.ts';
import { drawLottery } from './draw-lottery.ts';
import { drawDueLotteries } from './draw-due.ts';
import { enterLottery } from './enter-lottery.ts';
import { eraseOldEntries } from './erase-old-entries.ts';
import { expireHolds } from './expire-holds.ts';
import { linkHash, linkToken } from './lottery-link.ts';
import { lotteryOffers } from './lottery-service.ts';

const { db, url } = await createTestDatabase({ poolSize: 12 });
const jobs = createTestJobs(url);
const key = 'test-portal-key';
// Tuesday 1 December 2026; the release is at 07:00 in Berlin (06:00 UTC), the lottery open 30 minutes.
const clock = fixedClock('2026-12-01T06:05:00Z');
const deps = { db, clock, jobs, publicUrl: 'https://termine.example', key: async () => key };

async function lotteryOffice(options: { clerkHours?: { starts: string; ends: string }; holdMinutes?: number } = {}) {
  const office = await createOffice(db);
  const serviceId = await createService(db, office, { sameDayRelease: '07:00' });
  await db
    .updateTable('service')
    .set({ same_day_lottery_minutes: 30, lottery_hold_minutes: options.holdMinutes ?? 60 })
    .where('id', '=', serviceId)
    .execute();
  await createClerk(db, office, options.clerkHours ?? { starts: '08:00', ends: '18:00' });
  const offer = (await lotteryOffers(deps)).find((o) => o.service.id === serviceId && o.location.id === office.locationId);
  assert.ok(offer);
  return { office, serviceId, offer };
}

const entrant = (i: number) => ({ ...person({ email: `person${i}@example.org`, name: `Person ${i}` }), phone: null });

async function refusedWith(promise: Promise<unknown>, reason: string): Promise<void> {
  await assert.rejects(promise, (error) => isAppError(error) && error.details?.reason === reason);
}

describe('the lottery window', () => {
  test('500 entrants for 20 times: 20 distinct winners, each with a distinct held time, nobody twice', async () => {
    clock.set('2026-12-01T06:05:00Z');
    const { offer } = await lotteryOffice();
    for (let i = 0; i < 500; i += 25) await Promise.all(Array.from({ length: 25 }, (_, k) => enterLottery(deps, offer, entrant(i + k))));
    clock.set('2026-12-01T06:31:00Z');
    const figures = await drawLottery(deps, offer, '2026-12-01');
    assert.deepEqual({ ...figures, drawId: undefined }, { drawId: undefined, entrants: 500, times: 20, winners: 20 });
    const entries = await db.selectFrom('lottery_entry').selectAll().where('service_id', '=', offer.service.id).execute();
    const winners = entries.filter((e) => e.outcome === 'won');
    assert.equal(winners.length, 20);
    assert.equal(entries.filter((e) => e.outcome === 'lost').length, 480);
    assert.equal(new Set(winners.map((e) => e.email_normalized)).size, 20);
    const held = await db
      .selectFrom('appointment')
      .select(['id', 'starts_at', 'status', 'email_normalized'])
      .where('service_id', '=', offer.service.id)
      .execute();
    assert.equal(held.length, 20);
    assert.ok(held.every((a) => a.status === 'held'));
    assert.equal(new Set(held.map((a) => a.starts_at.getTime())).size, 20);
    assert.deepEqual(new Set(held.map((a) => a.email_normalized)), new Set(winners.map((w) => w.email_normalized)));
    // Every entrant has a distinct place in the draw's order.
    assert.deepEqual(
      entries.map((e) => e.draw_rank).sort((a, b) => a! - b!),
      Array.from({ length: 500 }, (_, i) => i + 1),
    );
    // Everyone is told at once: 500 entry mails and 500 result mails.
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' LIKE 'person%@example.org'`.execute(db);
    assert.equal(rows[0]!.n, 1000);
  });

  test('the stored seed reproduces the order of the draw', async () => {
    clock.set('2026-12-01T06:05:00Z');
    const { offer } = await lotteryOffice({ clerkHours: { starts: '08:00', ends: '09:00' } });
    for (let i = 0; i < 12; i++) await enterLottery(deps, offer, entrant(1000 + i));
    clock.set('2026-12-01T06:31:00Z');
    await drawLottery(deps, offer, '2026-12-01');
    const draw = await db.selectFrom('lottery_draw').selectAll().where('service_id', '=', offer.service.id).executeTakeFirstOrThrow();
    const entries = await db
      .selectFrom('lottery_entry')
      .select(['id', 'draw_rank'])
      .where('service_id', '=', offer.service.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const { drawOrder } = await import('./draw-order.ts');
    const replayed = drawOrder(entries, draw.seed).map((e) => e.id);
    assert.deepEqual(
      replayed,
      [...entries].sort((a, b) => a.draw_rank! - b.draw_rank!).map((e) => e.id),
    );
    assert.deepEqual({ times: draw.times, winners: draw.winners, entrants: draw.entrants }, { times: 2, winners: 2, entrants: 12 });
  });

  test('an entry before the window, after it, and a second entry of the same person are refused, and nothing is written', async () => {
    const { offer } = await lotteryOffice();
    clock.set('2026-12-01T05:59:00Z');
    await refusedWith(enterLottery(deps, offer, entrant(1)), 'not_open');
    clock.set('2026-12-01T06:10:00Z');
    await enterLottery(deps, offer, entrant(1));
    // The same person, their address written differently.
    await refusedWith(enterLottery(deps, offer, { ...entrant(1), email: ' PERSON1@example.org ' }), 'entered');
    clock.set('2026-12-01T06:30:00Z');
    await refusedWith(enterLottery(deps, offer, entrant(2)), 'closed');
    const entries = await db.selectFrom('lottery_entry').select('email_normalized').where('service_id', '=', offer.service.id).execute();
    assert.deepEqual(entries, [{ email_normalized: 'person1@example.org' }]);
  });

  test('the same person entering twice at the same moment is entered once', async () => {
    clock.set('2026-12-01T06:05:00Z');
    const { offer } = await lotteryOffice();
    const results = await Promise.allSettled([enterLottery(deps, offer, entrant(6000)), enterLottery(deps, offer, entrant(6000))]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r) => r.status === 'rejected');
    assert.ok(refused && isAppError(refused.reason) && refused.reason.details?.reason === 'entered');
    assert.equal((await db.selectFrom('lottery_entry').select('id').where('service_id', '=', offer.service.id).execute()).length, 1);
  });

  test('two draws at the same moment draw once', async () => {
    clock.set('2026-12-01T06:05:00Z');
    const { offer } = await lotteryOffice({ clerkHours: { starts: '08:00', ends: '10:00' } });
    for (let i = 0; i < 10; i++) await enterLottery(deps, offer, entrant(2000 + i));
    clock.set('2026-12-01T06:31:00Z');
    const results = await Promise.all([drawLottery(deps, offer, '2026-12-01'), drawLottery(deps, offer, '2026-12-01')]);
    assert.equal(results.filter((r) => r !== undefined).length, 1);
    assert.equal(results.filter((r) => r === undefined).length, 1);
    const rows = await db.selectFrom('lottery_draw').select('winners').where('service_id', '=', offer.service.id).execute();
    assert.deepEqual(rows, [{ winners: 4 }]);
    const held = await db.selectFrom('appointment').select('id').where('service_id', '=', offer.service.id).where('status', '=', 'held').execute();
    assert.equal(held.length, 4);
    assert.equal(await drawLottery(deps, offer, '2026-12-01'), undefined);
  });

  test('the job draws every lottery whose window has closed, once', async () => {
    clock.set('2026-12-01T06:05:00Z');
    const { offer } = await lotteryOffice({ clerkHours: { starts: '08:00', ends: '09:00' } });
    await enterLottery(deps, offer, entrant(2500));
    clock.set('2026-12-01T06:29:00Z');
    assert.ok(!(await drawDueLotteries(deps)).some((d) => d.entrants === 1));
    clock.set('2026-12-01T06:30:00Z');
    const [a, b] = await Promise.all([drawDueLotteries(deps), drawDueLotteries(deps)]);
    const ours = await db.selectFrom('lottery_draw').select('id').where('service_id', '=', offer.service.id).execute();
    assert.equal(ours.length, 1);
    assert.equal([...a, ...b].filter((d) => d.drawId === ours[0]!.id).length, 1);
  });

  test('a draw before the window has closed is refused', async () => {
    clock.set('2026-12-01T06:05:00Z');
    const { offer } = await lotteryOffice();
    await assert.rejects(drawLottery(deps, offer, '2026-12-01'), (error) => isAppError(error) && error.code === 'conflict');
  });

  test('a winner books through the link once; a second use and an expired hold are refused', async () => {
    clock.set('2026-12-01T06:05:00Z');
    const { offer } = await lotteryOffice({ clerkHours: { starts: '08:00', ends: '09:00' }, holdMinutes: 20 });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      await enterLottery(deps, offer, entrant(3000 + i));
      ids.push(
        (
          await db
            .selectFrom('lottery_entry')
            .select('id')
            .where('email_normalized', '=', `person${3000 + i}@example.org`)
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    clock.set('2026-12-01T06:31:00Z');
    await drawLottery(deps, offer, '2026-12-01');
    const [first, second] = ids.map((id) => linkToken(key, id)) as [string, string];
    const booked = await bookDrawnTime(deps, first);
    const appointment = await db.selectFrom('appointment').select(['status', 'code']).where('code', '=', booked.code).executeTakeFirstOrThrow();
    assert.equal(appointment.status, 'booked');
    const notice = await db
      .selectFrom('appointment_notice')
      .select('kind')
      .innerJoin('appointment', 'appointment.id', 'appointment_notice.appointment_id')
      .where('appointment.code', '=', booked.code)
      .execute();
    assert.deepEqual(notice, [{ kind: 'booked' }]);
    await refusedWith(bookDrawnTime(deps, first), 'booked');
    // The second winner lets the hold run out (20 minutes); the sweep frees the time.
    clock.set('2026-12-01T06:52:00Z');
    assert.equal(await expireHolds(deps), 1);
    await refusedWith(bookDrawnTime(deps, second), 'expired');
    const entry = await db
      .selectFrom('lottery_entry')
      .select(['outcome', 'appointment_id'])
      .where('link_hash', '=', linkHash(second))
      .executeTakeFirstOrThrow();
    assert.equal(entry.outcome, 'expired');
    const released = await db.selectFrom('appointment').select('status').where('id', '=', entry.appointment_id!).executeTakeFirstOrThrow();
    assert.equal(released.status, 'cancelled');
    const draw = await db
      .selectFrom('lottery_draw')
      .select(['winners', 'booked', 'expired'])
      .where('service_id', '=', offer.service.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(draw, { winners: 2, booked: 1, expired: 1 });
    await refusedWith(bookDrawnTime(deps, linkToken(key, '00000000-0000-4000-8000-000000000000')), 'unknown');
  });
});

describe('the engine waits for the draw', () => {
  test('online callers see none of today’s times during the window; what the draw left is released 5 minutes after it', async () => {
    clock.set('2026-12-01T06:05:00Z');
    const { offer } = await lotteryOffice({ clerkHours: { starts: '08:00', ends: '10:00' } });
    const today = async () => {
      const availability = await getAvailability(
        { db, clock },
        { serviceId: offer.service.id, locationId: offer.location.id, from: '2026-12-01', to: '2026-12-01', actor: onlineRequester },
      );
      return availability.days[0]!.starts.length;
    };
    assert.equal(await today(), 0);
    await enterLottery(deps, offer, entrant(4000));
    clock.set('2026-12-01T06:30:00Z');
    await drawLottery(deps, offer, '2026-12-01');
    assert.equal(await today(), 0);
    clock.set('2026-12-01T06:35:00Z');
    // Four times, one held for the winner.
    assert.equal(await today(), 3);
  });
});

describe('personal data', () => {
  test('entries go after the retention period; the draw keeps its figures', async () => {
    clock.set('2026-12-01T06:05:00Z');
    const { offer } = await lotteryOffice({ clerkHours: { starts: '08:00', ends: '08:30' } });
    await enterLottery(deps, offer, entrant(5000));
    await enterLottery(deps, offer, entrant(5001));
    clock.set('2026-12-01T06:31:00Z');
    await drawLottery(deps, offer, '2026-12-01');
    const ours = () => db.selectFrom('lottery_entry').select('id').where('service_id', '=', offer.service.id).execute();
    clock.set('2026-12-30T12:00:00Z');
    assert.equal(await eraseOldEntries(deps, 30), 0);
    assert.equal((await ours()).length, 2);
    clock.set('2027-01-01T12:00:00Z');
    await expireHolds(deps);
    await eraseOldEntries(deps, 30);
    assert.equal((await ours()).length, 0);
    const draw = await db
      .selectFrom('lottery_draw')
      .select(['entrants', 'winners', 'expired'])
      .where('service_id', '=', offer.service.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(draw, { entrants: 2, winners: 1, expired: 1 });
  });
});
