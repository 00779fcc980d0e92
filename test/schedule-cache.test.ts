import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { bookAppointment, getAvailability, onlineRequester, ScheduleCache } from '../src/features/appointments/index.ts';
import { isAppError } from '../src/shared/app-error.ts';
import { fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { addAbsence, createClerk, createOffice, createService, person } from './office-factory.ts';

// Each location's schedule is kept in memory; these tests change the schedule behind the cache's
// back (plain SQL, as another instance or an administrator would) and expect the very next call
// to see the change.
const { db } = await createTestDatabase();
const clock = fixedClock('2026-12-01T06:00:00Z');
const day = '2026-12-04';

async function freeStarts(deps: { schedules: ScheduleCache }, serviceId: string, locationId: string): Promise<string[]> {
  const availability = await getAvailability({ db, clock, ...deps }, { serviceId, locationId, from: day, to: day, actor: onlineRequester });
  return availability.days[0]!.starts;
}

async function bookingError(deps: { schedules: ScheduleCache }, serviceId: string, locationId: string, start: string): Promise<string | undefined> {
  try {
    await bookAppointment({ db, clock, ...deps }, { serviceId, locationId, start, person: person(), actor: onlineRequester });
    return undefined;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

test('an absence entered elsewhere is honoured by the next availability and booking of a cached schedule', async () => {
  const office = await createOffice(db);
  const serviceId = await createService(db, office);
  const clerkId = await createClerk(db, office, { starts: '08:00', ends: '12:00' });
  const deps = { schedules: new ScheduleCache(clock) };
  assert.ok((await freeStarts(deps, serviceId, office.locationId)).includes('2026-12-04T09:00:00+01:00'));

  await addAbsence(db, clerkId, '2026-12-04T08:30:00Z', '2026-12-04T09:30:00Z');
  const after = await freeStarts(deps, serviceId, office.locationId);
  assert.ok(!after.includes('2026-12-04T09:30:00+01:00'), 'the absent hour is gone');
  assert.ok(after.includes('2026-12-04T08:00:00+01:00'), 'the rest of the day stays');
  assert.equal(await bookingError(deps, serviceId, office.locationId, '2026-12-04T09:30:00+01:00'), 'slot_taken');
});

test('a clerk, a service and changed hours added a moment ago can be booked at once', async () => {
  const office = await createOffice(db);
  const serviceId = await createService(db, office);
  await createClerk(db, office, { starts: '08:00', ends: '09:00' });
  const deps = { schedules: new ScheduleCache(clock) };
  assert.deepEqual(await freeStarts(deps, serviceId, office.locationId), ['2026-12-04T08:00:00+01:00', '2026-12-04T08:30:00+01:00']);

  // A second clerk working in the afternoon: the cached schedule knew no one then.
  await createClerk(db, office, { starts: '14:00', ends: '15:00' });
  assert.equal(await bookingError(deps, serviceId, office.locationId, '2026-12-04T14:00:00+01:00'), undefined);

  // A new service: unknown to the cached schedule, offered at once.
  const newService = await createService(db, office);
  assert.equal(await bookingError(deps, newService, office.locationId, '2026-12-04T08:30:00+01:00'), undefined);

  // Hours shortened: the cached schedule would still offer 08:30.
  await sql`UPDATE working_hours SET ends = '08:30' WHERE location_id = ${office.locationId} AND starts = '08:00'`.execute(db);
  assert.ok(!(await freeStarts(deps, serviceId, office.locationId)).includes('2026-12-04T08:30:00+01:00'));
});

test('sign-ins and other staff updates do not invalidate the schedule; deactivating a clerk does', async () => {
  const office = await createOffice(db);
  const serviceId = await createService(db, office);
  const clerkId = await createClerk(db, office, { starts: '08:00', ends: '09:00' });
  const version = async () => (await sql<{ v: string }>`SELECT version::text AS v FROM schedule_version`.execute(db)).rows[0]!.v;
  const before = await version();
  await sql`UPDATE staff SET display_name = 'Renamed' WHERE id = ${clerkId}`.execute(db);
  assert.equal(await version(), before);
  await sql`UPDATE staff SET active = false WHERE id = ${clerkId}`.execute(db);
  assert.notEqual(await version(), before);
  assert.deepEqual(await freeStarts({ schedules: new ScheduleCache(clock) }, serviceId, office.locationId), []);
});

test('a rolled-back change never leaves a version that a later, different schedule could share', async () => {
  const office = await createOffice(db);
  const version = async () => (await sql<{ v: string }>`SELECT version::text AS v FROM schedule_version`.execute(db)).rows[0]!.v;
  const before = await version();
  await db
    .transaction()
    .execute(async (trx) => {
      await createService(trx, office);
      throw new Error('roll back');
    })
    .catch(() => {});
  assert.equal(await version(), before);
  await createService(db, office);
  const after = await version();
  assert.notEqual(after, before);
  assert.ok(BigInt(after) > BigInt(before));
});

test('refused requests keep the cached schedule while nothing changed (a flood of bad requests cannot empty the cache)', async () => {
  const office = await createOffice(db);
  const serviceId = await createService(db, office);
  await createClerk(db, office, { starts: '08:00', ends: '09:00' });
  const deps = { schedules: new ScheduleCache(clock) };
  await freeStarts(deps, serviceId, office.locationId);
  const cached = await deps.schedules.get(db, office.locationId);
  assert.equal(await bookingError(deps, serviceId, office.locationId, '2026-12-04T08:10:00+01:00'), 'validation_failed', 'off the grid');
  assert.equal(await bookingError(deps, serviceId, office.locationId, '2026-12-04T15:00:00+01:00'), 'slot_taken', 'nobody works then');
  assert.equal(await deps.schedules.get(db, office.locationId), cached, 'the same copy, not reloaded');
});
