import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { BookingsCache, getAvailability, onlineRequester, ScheduleCache, type Requester } from '../src/features/appointments/index.ts';
import { fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { createClerk, createOffice, createService, insertAppointment } from './office-factory.ts';

// Availability keeps the bookings it read per clerk and day; these tests change bookings behind
// its back (plain SQL, as another instance would) and expect the very next request to see it.
const { db } = await createTestDatabase();
const clock = fixedClock('2026-12-01T06:00:00Z');
const office = await createOffice(db);
const serviceId = await createService(db, office);
const clerkId = await createClerk(db, office, { starts: '08:00', ends: '12:00' });
const deps = { db, clock, schedules: new ScheduleCache(clock), bookings: new BookingsCache(60), releaseDelayMinutes: 60 };
const staff: Requester = { channel: 'staff', staffId: clerkId };

async function starts(actor: Requester, from = '2026-12-03', to = '2026-12-04'): Promise<string[]> {
  const availability = await getAvailability(deps, { serviceId, locationId: office.locationId, from, to, actor });
  return availability.days.flatMap((d) => d.starts);
}

function insertBooking(start: string, end: string): Promise<string> {
  return insertAppointment(db, { serviceId, locationId: office.locationId, staffId: clerkId }, new Date(start), new Date(end));
}

test('a booking, a move and a cancellation made elsewhere show in the next availability; unchanged days come from memory', async () => {
  const before = await starts(onlineRequester);
  assert.ok(before.includes('2026-12-03T09:00:00+01:00'));
  const id = await insertBooking('2026-12-03T08:00:00Z', '2026-12-03T08:30:00Z');
  assert.ok(!(await starts(onlineRequester)).includes('2026-12-03T09:00:00+01:00'), 'booked elsewhere: gone');

  await sql`UPDATE appointment SET starts_at = '2026-12-04T09:00:00Z', ends_at = '2026-12-04T09:30:00Z' WHERE id = ${id}`.execute(db);
  const moved = await starts(onlineRequester);
  assert.ok(moved.includes('2026-12-03T09:00:00+01:00'), 'the old time is free again');
  assert.ok(!moved.includes('2026-12-04T10:00:00+01:00'), 'the new time is taken');

  await sql`UPDATE appointment SET status = 'cancelled', cancelled_at = ${clock.now()} WHERE id = ${id}`.execute(db);
  assert.ok(!(await starts(onlineRequester)).includes('2026-12-04T10:00:00+01:00'), 'held back online for the re-release delay');
  assert.ok((await starts(staff)).includes('2026-12-04T10:00:00+01:00'), 'staff have it at once');
  const later = { ...deps, clock: fixedClock('2026-12-01T07:01:00Z') };
  const released = await getAvailability(later, { serviceId, locationId: office.locationId, from: '2026-12-04', to: '2026-12-04', actor: onlineRequester });
  assert.ok(released.days[0]!.starts.includes('2026-12-04T10:00:00+01:00'), 'offered again after the delay');
});

test('a booking across midnight UTC blocks both days, and emptying the table is noticed', async () => {
  await starts(staff, '2026-12-07', '2026-12-08');
  await sql`UPDATE working_hours SET starts = '07:00', ends = '18:00' WHERE staff_id = ${clerkId}`.execute(db);
  await insertBooking('2026-12-07T23:30:00Z', '2026-12-08T00:30:00Z');
  await sql`UPDATE working_hours SET starts = '08:00', ends = '12:00' WHERE staff_id = ${clerkId}`.execute(db);
  const versions = await sql<{
    day: string;
  }>`SELECT day::text FROM busy_version WHERE holder = ${clerkId} AND day BETWEEN '2026-12-07' AND '2026-12-08' ORDER BY day`.execute(db);
  assert.deepEqual(
    versions.rows.map((r) => r.day),
    ['2026-12-07', '2026-12-08'],
  );

  const cached = await starts(staff, '2026-12-03', '2026-12-04');
  await sql`TRUNCATE appointment CASCADE`.execute(db);
  assert.equal((await sql<{ n: number }>`SELECT count(*)::int AS n FROM busy_version`.execute(db)).rows[0]!.n, 0);
  const after = await starts(staff, '2026-12-03', '2026-12-04');
  assert.ok(after.length >= cached.length);
});

test('a changed day of one clerk reloads that clerk only, and the result equals a fresh read', async () => {
  const second = await createClerk(db, office, { starts: '08:00', ends: '12:00' });
  await insertBooking('2026-12-10T08:00:00Z', '2026-12-10T08:30:00Z');
  const warm = await starts(onlineRequester, '2026-12-09', '2026-12-11');
  await db.updateTable('appointment').set({ staff_id: second }).where('starts_at', '=', new Date('2026-12-10T08:00:00Z')).execute();
  const cachedAgain = await starts(onlineRequester, '2026-12-09', '2026-12-11');
  const fresh = await getAvailability(
    { db, clock, releaseDelayMinutes: 60 },
    { serviceId, locationId: office.locationId, from: '2026-12-09', to: '2026-12-11', actor: onlineRequester },
  );
  assert.deepEqual(
    cachedAgain,
    fresh.days.flatMap((d) => d.starts),
  );
  assert.deepEqual(cachedAgain, warm, 'one of two clerks is still free at 09:00');
});

test('a day is computed once and served from memory until its own bookings change', async () => {
  const day = async (date: string, actor: Requester = staff) =>
    (await getAvailability(deps, { serviceId, locationId: office.locationId, from: '2026-12-14', to: '2026-12-16', actor, staffId: clerkId })).days.find(
      (d) => d.date === date,
    )!.starts;
  const first = await day('2026-12-15');
  assert.equal(await day('2026-12-15'), first, 'the same answer object: taken from memory');
  // Local days span two UTC days in Berlin; 14 December shares none with a booking on the 15th at 10:00.
  const otherDay = await day('2026-12-14');

  await insertBooking('2026-12-15T09:00:00Z', '2026-12-15T09:30:00Z');
  const changed = await day('2026-12-15');
  assert.notEqual(changed, first);
  assert.ok(first.includes('2026-12-15T10:00:00+01:00') && !changed.includes('2026-12-15T10:00:00+01:00'), 'the booked time is gone');
  assert.equal(await day('2026-12-14'), otherDay, 'an unchanged day stays in memory');

  // The schedule is part of the answer too: other hours, another answer.
  await sql`UPDATE working_hours SET ends = '11:00' WHERE staff_id = ${clerkId}`.execute(db);
  assert.ok(!(await day('2026-12-16')).includes('2026-12-16T11:30:00+01:00'));
  await sql`UPDATE working_hours SET ends = '12:00' WHERE staff_id = ${clerkId}`.execute(db);
});
