import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/database.ts';
import { bookAppointment, createClerk, createFrontOffice, kioskAt } from '../../../test/front-desk-fixtures.ts';
import { fixedClock } from '../../shared/clock.ts';
import { callNextTicket, checkInWithCode, createWalkInTicket, dayFigures, finishTicket, markNoShow } from './index.ts';

const { db } = await createTestDatabase();

test('figures of the day: waiting per queue, median and p90 wait, share by appointment, no-shows', async () => {
  const clock = fixedClock('2026-11-23T08:00:00Z');
  const deps = { db, clock };
  const office = await createFrontOffice(db);
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const kiosk = kioskAt(office.location.id);
  const counterId = office.counters[0]!.id;
  const sut = () => dayFigures(deps, clerk, office.location.id);

  const empty = await sut();
  assert.equal(empty.day, '2026-11-23');
  assert.equal(empty.appointmentShare, null);
  assert.equal(empty.waitMedianMinutes, null);

  // Three appointments (one never comes), one walk-in; waits of 10, 20 and 30 minutes.
  const booked = [];
  for (const minutes of [0, 15, 30])
    booked.push(
      await bookAppointment(db, {
        locationId: office.location.id,
        serviceId: office.service,
        staffId: clerk.staffId,
        startsAt: new Date(clock.now().getTime() + minutes * 60_000),
      }),
    );
  await checkInWithCode(deps, kiosk, { locationId: office.location.id, code: booked[0]!.code });
  await checkInWithCode(deps, kiosk, { locationId: office.location.id, code: booked[1]!.code });
  await createWalkInTicket(deps, kiosk, { locationId: office.location.id, serviceId: office.service, language: 'ar' });
  assert.deepEqual((await sut()).waitingNow, [{ queue: 'Frontoffice', prefix: 'A', count: 3 }]);

  for (const [waitMinutes, outcome] of [
    [10, 'done'],
    [10, 'no_show'],
    [10, 'done'],
  ] as const) {
    clock.advance(waitMinutes * 60_000);
    const called = await callNextTicket(deps, clerk, { locationId: office.location.id, counterId });
    assert.ok(called);
    if (outcome === 'done') await finishTicket(deps, clerk, { ticketId: called.id, outcome: { result: 'done' } });
    else await markNoShow(deps, clerk, called.id);
  }
  clock.advance(60 * 60_000); // the third appointment's time is long past
  const figures = await sut();
  assert.deepEqual(figures.waitingNow, []);
  assert.equal(figures.waitMedianMinutes, 20);
  assert.equal(figures.waitP90Minutes, 28);
  assert.equal(figures.visitsWithAppointment, 2);
  assert.equal(figures.visitsWithoutAppointment, 1);
  assert.equal(Math.round((figures.appointmentShare ?? 0) * 100), 67);
  assert.equal(figures.noShows, 2, 'one called and not present, one appointment never checked in');
  assert.equal(figures.finished, 2);
});
