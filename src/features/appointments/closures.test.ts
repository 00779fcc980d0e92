import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixedClock } from '../../shared/clock.ts';
import { isAppError } from '../../shared/app-error.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createClerk, createOffice, createService, person, type TestOffice } from '../../../test/office-factory.ts';
import { bookAppointment, getAvailability, onlineRequester, ScheduleCache, type Requester } from './index.ts';

const { db } = await createTestDatabase({ poolSize: 6 });
// Tuesday 1 December 2026, 07:00 in Wetzlar.
const clock = fixedClock('2026-12-01T06:00:00Z');
const sut = { db, clock };

async function officeIn(state: string | null): Promise<{ office: TestOffice; serviceId: string; staff: Requester }> {
  const office = await createOffice(db);
  await db.updateTable('location').set({ federal_state: state }).where('id', '=', office.locationId).execute();
  const serviceId = await createService(db, office, { maxDaysAhead: 180 });
  const staffId = await createClerk(db, office, { starts: '08:00', ends: '12:00' });
  return { office, serviceId, staff: { channel: 'staff', staffId } };
}

async function startsOn(
  where: { office: TestOffice; serviceId: string },
  date: string,
  actor: Requester = onlineRequester,
  deps: typeof sut & { schedules?: ScheduleCache } = sut,
) {
  const availability = await getAvailability(deps, { serviceId: where.serviceId, locationId: where.office.locationId, from: date, to: date, actor });
  return availability.days[0]!.starts.map((s) => s.slice(11, 16));
}

async function refused(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error) => isAppError(error) && error.code === 'slot_taken' && /closed/.test(error.message));
}

const allDay = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];

describe('public holidays and closures', () => {
  test('Christmas Day, Boxing Day and New Year’s Day offer nothing and cannot be booked, online or by staff', async () => {
    const hesse = await officeIn('HE');
    assert.deepEqual(await startsOn(hesse, '2026-12-23'), allDay);
    for (const date of ['2026-12-25', '2026-12-26', '2027-01-01']) {
      assert.deepEqual(await startsOn(hesse, date), [], date);
      assert.deepEqual(await startsOn(hesse, date, hesse.staff), [], date);
    }
    const request = { serviceId: hesse.serviceId, locationId: hesse.office.locationId, start: '2026-12-25T09:00:00+01:00' };
    await refused(bookAppointment(sut, { ...request, person: person(), actor: onlineRequester }));
    await refused(bookAppointment(sut, { ...request, person: person(), actor: hesse.staff }));
    await refused(bookAppointment(sut, { ...request, start: '2027-01-01T11:30:00+01:00', person: person(), actor: hesse.staff }));
    const booked = await bookAppointment(sut, { ...request, start: '2026-12-23T09:00:00+01:00', person: person(), actor: onlineRequester });
    assert.equal(booked.appointment.startsAt, '2026-12-23T09:00:00+01:00');
  });

  test('moving holidays: Good Friday and Easter Monday 2027 are closed, the Thursday before is not', async () => {
    const hesse = await officeIn('HE');
    assert.deepEqual(await startsOn(hesse, '2027-03-25'), allDay);
    assert.deepEqual(await startsOn(hesse, '2027-03-26'), []);
    assert.deepEqual(await startsOn(hesse, '2027-03-29'), []);
    await refused(
      bookAppointment(sut, {
        serviceId: hesse.serviceId,
        locationId: hesse.office.locationId,
        start: '2027-03-29T08:00:00+02:00',
        person: person(),
        actor: hesse.staff,
      }),
    );
  });

  test('state holidays: Corpus Christi closes Hesse but not Berlin; Women’s Day closes Berlin but not Hesse', async () => {
    const hesse = await officeIn('HE');
    const berlin = await officeIn('BE');
    // Corpus Christi 2027 is on 27 May; International Women's Day on Monday 8 March 2027.
    assert.deepEqual(await startsOn(hesse, '2027-05-27', hesse.staff), []);
    assert.deepEqual(await startsOn(berlin, '2027-05-27', berlin.staff), allDay);
    assert.deepEqual(await startsOn(berlin, '2027-03-08'), []);
    assert.deepEqual(await startsOn(hesse, '2027-03-08'), allDay);
    const booked = await bookAppointment(sut, {
      serviceId: berlin.serviceId,
      locationId: berlin.office.locationId,
      start: '2027-05-27T08:00:00+02:00',
      person: person(),
      actor: berlin.staff,
    });
    assert.equal(booked.appointment.startsAt, '2027-05-27T08:00:00+02:00');
  });

  test('without a federal state only the nationwide holidays close the office', async () => {
    const nowhere = await officeIn(null);
    assert.deepEqual(await startsOn(nowhere, '2026-12-25'), []);
    assert.deepEqual(await startsOn(nowhere, '2027-05-27', nowhere.staff), allDay);
  });

  test('a half-day closure on Christmas Eve leaves the morning bookable, a staff meeting closes its hour', async () => {
    const hesse = await officeIn('HE');
    await db
      .insertInto('location_closure')
      .values([
        { location_id: hesse.office.locationId, day: '2026-12-24', starts: '10:00', ends: '24:00', reason: 'Heiligabend', created_at: clock.now() },
        { location_id: hesse.office.locationId, day: '2026-12-22', starts: '09:00', ends: '10:00', reason: 'Dienstbesprechung', created_at: clock.now() },
      ])
      .execute();
    assert.deepEqual(await startsOn(hesse, '2026-12-24'), ['08:00', '08:30', '09:00', '09:30']);
    assert.deepEqual(await startsOn(hesse, '2026-12-22'), ['08:00', '08:30', '10:00', '10:30', '11:00', '11:30']);
    const request = { serviceId: hesse.serviceId, locationId: hesse.office.locationId, person: person(), actor: hesse.staff };
    await refused(bookAppointment(sut, { ...request, start: '2026-12-24T10:00:00+01:00' }));
    // 08:30–09:00 ends as the meeting begins.
    assert.equal((await bookAppointment(sut, { ...request, start: '2026-12-22T08:30:00+01:00' })).appointment.endsAt, '2026-12-22T09:00:00+01:00');
    await refused(bookAppointment(sut, { ...request, person: person(), start: '2026-12-22T09:30:00+01:00' }));
  });

  test('a closure added while the schedule is cached is seen by the next availability and booking', async () => {
    const hesse = await officeIn('HE');
    const deps = { ...sut, schedules: new ScheduleCache(clock) };
    assert.deepEqual(await startsOn(hesse, '2026-12-17', onlineRequester, deps), allDay);
    const closure = await db
      .insertInto('location_closure')
      .values({ location_id: hesse.office.locationId, day: '2026-12-17', reason: 'Betriebsausflug', created_at: clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.deepEqual(await startsOn(hesse, '2026-12-17', onlineRequester, deps), []);
    await refused(
      bookAppointment(deps, {
        serviceId: hesse.serviceId,
        locationId: hesse.office.locationId,
        start: '2026-12-17T08:00:00+01:00',
        person: person(),
        actor: onlineRequester,
      }),
    );
    await db.deleteFrom('location_closure').where('id', '=', closure.id).execute();
    const booked = await bookAppointment(deps, {
      serviceId: hesse.serviceId,
      locationId: hesse.office.locationId,
      start: '2026-12-17T08:00:00+01:00',
      person: person(),
      actor: onlineRequester,
    });
    assert.equal(booked.appointment.startsAt, '2026-12-17T08:00:00+01:00');
  });

  test('the database refuses a closure that ends before it starts or names an unknown state', async () => {
    const hesse = await officeIn('HE');
    await assert.rejects(
      db
        .insertInto('location_closure')
        .values({ location_id: hesse.office.locationId, day: '2026-12-22', starts: '12:00', ends: '09:00', reason: 'x', created_at: clock.now() })
        .execute(),
      (error: { code?: string }) => error.code === '23514',
    );
    await assert.rejects(
      db.updateTable('location').set({ federal_state: 'XX' }).where('id', '=', hesse.office.locationId).execute(),
      (error: { code?: string }) => error.code === '23514',
    );
  });
});
