import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/database.ts';
import { bookAppointment, createClerk, createFrontOffice, kioskAt } from '../../../test/front-desk-fixtures.ts';
import { fixedClock } from '../../shared/clock.ts';
import type { AppError } from '../../shared/app-error.ts';
import { eraseAppointmentPersonalData } from '../appointments/index.ts';
import { checkInWithCode, createWalkInTicket } from './index.ts';

const { db } = await createTestDatabase({ poolSize: 25 });
// Monday 23 November 2026, 09:00 in Berlin.
const now = new Date('2026-11-23T08:00:00Z');
const clock = fixedClock(now);
const at = (minutesFromNow: number) => new Date(now.getTime() + minutesFromNow * 60_000);
const reason = (expected: string) => (error: AppError) => error.details?.reason === expected;

test('check-in with a code gives a numbered ticket in the right queue and marks the appointment', async () => {
  const office = await createFrontOffice(db);
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const booked = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: clerk.staffId,
    startsAt: at(10),
    language: 'uk',
  });
  const sut = await checkInWithCode({ db, clock }, kioskAt(office.location.id), {
    locationId: office.location.id,
    code: booked.code.toLowerCase(),
    idempotencyKey: 'kiosk-key-0001',
  });
  assert.equal(sut.displayNumber, 'A001');
  assert.equal(sut.language, 'uk');
  assert.equal(sut.repeated, false);
  const appointment = await db.selectFrom('appointment').select('status').where('id', '=', booked.id).executeTakeFirstOrThrow();
  assert.equal(appointment.status, 'checked_in');
  // Waiting times and the desk's list are reckoned from these, against the office clock.
  const ticket = await db.selectFrom('ticket').select(['checked_in_at', 'updated_at']).where('id', '=', sut.id).executeTakeFirstOrThrow();
  assert.deepEqual(ticket, { checked_in_at: clock.now(), updated_at: clock.now() });
});

test('kiosk idempotency: 12 concurrent retries with the same key give one ticket; a second key is refused', async () => {
  const office = await createFrontOffice(db);
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const booked = await bookAppointment(db, { locationId: office.location.id, serviceId: office.service, staffId: clerk.staffId, startsAt: at(0) });
  const kiosk = kioskAt(office.location.id);
  const attempts = await Promise.all(
    Array.from({ length: 12 }, () =>
      checkInWithCode({ db, clock }, kiosk, { locationId: office.location.id, code: booked.code, idempotencyKey: 'retry-key-abcdef' }),
    ),
  );
  assert.equal(new Set(attempts.map((t) => t.id)).size, 1);
  assert.equal(attempts.filter((t) => !t.repeated).length, 1);
  await assert.rejects(
    checkInWithCode({ db, clock }, kiosk, { locationId: office.location.id, code: booked.code, idempotencyKey: 'another-key-1234' }),
    reason('already_checked_in'),
  );
  const tickets = await db.selectFrom('ticket').select('id').where('location_id', '=', office.location.id).execute();
  assert.equal(tickets.length, 1);
  const sequence = await db.selectFrom('ticket_number_sequence').select('last_number').where('location_id', '=', office.location.id).executeTakeFirstOrThrow();
  assert.equal(sequence.last_number, 1, 'no number was burnt by the retries');
});

test('walk-in idempotency and quota: concurrent taps with one key give one ticket; the quota holds under a rush', async () => {
  const office = await createFrontOffice(db);
  const kiosk = kioskAt(office.location.id);
  const same = await Promise.all(
    Array.from({ length: 8 }, () =>
      createWalkInTicket({ db, clock }, kiosk, {
        locationId: office.location.id,
        serviceId: office.service,
        language: 'fa',
        idempotencyKey: 'walkin-key-0001',
      }),
    ),
  );
  assert.equal(new Set(same.map((t) => t.id)).size, 1);
  const rush = await Promise.allSettled(
    Array.from({ length: 10 }, (_, i) =>
      createWalkInTicket({ db, clock }, kiosk, {
        locationId: office.location.id,
        serviceId: office.service,
        language: 'fa',
        idempotencyKey: `rush-key-${i}xx`,
      }),
    ),
  );
  assert.equal(rush.filter((r) => r.status === 'fulfilled').length, 4, 'quota 5: one used above, four left');
  for (const refused of rush.filter((r) => r.status === 'rejected')) assert.equal((refused.reason as AppError).details?.reason, 'quota_used_up');
  const count = await db.selectFrom('walk_in_count').select('used').where('location_id', '=', office.location.id).executeTakeFirstOrThrow();
  assert.equal(count.used, 5);
  await assert.rejects(
    createWalkInTicket({ db, clock }, kiosk, { locationId: office.location.id, serviceId: office.bookingOnly, language: 'fa' }),
    reason('appointment_needed'),
  );
});

test('bad check-ins are refused with a reason and change nothing', async () => {
  const office = await createFrontOffice(db);
  const elsewhere = await createFrontOffice(db);
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const otherClerk = await createClerk(db, elsewhere.location.id, [elsewhere.front]);
  const kiosk = kioskAt(office.location.id);
  const deps = { db, clock };
  const checkIn = (code: string) => checkInWithCode(deps, kiosk, { locationId: office.location.id, code, idempotencyKey: `key-${code}` });

  await assert.rejects(checkIn('ZZZZZZZZ'), reason('unknown_code'));
  await assert.rejects(checkIn('<script>'), reason('unknown_code'));
  await assert.rejects(checkIn('x'.repeat(10_000)), reason('unknown_code'));
  const foreign = await bookAppointment(db, { locationId: elsewhere.location.id, serviceId: elsewhere.service, staffId: otherClerk.staffId, startsAt: at(0) });
  await assert.rejects(checkIn(foreign.code), reason('other_location'));
  const tomorrow = await bookAppointment(db, { locationId: office.location.id, serviceId: office.service, staffId: clerk.staffId, startsAt: at(24 * 60) });
  await assert.rejects(checkIn(tomorrow.code), reason('other_day'));
  const cancelled = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: clerk.staffId,
    startsAt: at(30),
    status: 'cancelled',
  });
  await assert.rejects(checkIn(cancelled.code), reason('cancelled'));
  const early = await bookAppointment(db, { locationId: office.location.id, serviceId: office.service, staffId: clerk.staffId, startsAt: at(120) });
  await assert.rejects(checkIn(early.code), reason('too_early'));
  const late = await bookAppointment(db, { locationId: office.location.id, serviceId: office.service, staffId: clerk.staffId, startsAt: at(-45) });
  await assert.rejects(checkIn(late.code), reason('too_late'));
  const longAgo = await bookAppointment(db, { locationId: office.location.id, serviceId: office.service, staffId: clerk.staffId, startsAt: at(-40 * 24 * 60) });
  await eraseAppointmentPersonalData(db, { endedBefore: at(-30 * 24 * 60), now, limit: 10 });
  await assert.rejects(checkIn(longAgo.code), reason('unknown_code'), 'an erased appointment is like an unknown code');
  const ok = await bookAppointment(db, { locationId: office.location.id, serviceId: office.service, staffId: clerk.staffId, startsAt: at(-10) });
  await assert.rejects(
    checkInWithCode(deps, kioskAt(elsewhere.location.id), { locationId: office.location.id, code: ok.code }),
    reason('device_other_location'),
  );
  await assert.rejects(
    checkInWithCode(deps, { ...kioskAt(office.location.id), role: 'display' }, { locationId: office.location.id, code: ok.code }),
    (error: AppError) => error.code === 'forbidden',
  );
  assert.equal((await db.selectFrom('ticket').select('id').where('location_id', 'in', [office.location.id, elsewhere.location.id]).execute()).length, 0);
  const statuses = await db.selectFrom('appointment').select('status').where('location_id', '=', office.location.id).execute();
  assert.ok(statuses.every((s) => s.status === 'booked' || s.status === 'cancelled'));
  await checkIn(ok.code);
  const repeated = await checkInWithCode(deps, kiosk, { locationId: office.location.id, code: ok.code, idempotencyKey: `key-${ok.code}` });
  assert.equal(repeated.repeated, true, 'the same key shows the same ticket again');
  await assert.rejects(
    checkInWithCode(deps, kiosk, { locationId: office.location.id, code: tomorrow.code, idempotencyKey: `key-${ok.code}` }),
    reason('key_reused'),
  );
});

test('reception check-in routes by surname letters when the service is served by a rule-bound queue', async () => {
  const office = await createFrontOffice(db);
  await db.insertInto('service_specialty').values({ service_id: office.bookingOnly, specialty_id: office.back }).execute();
  await db.deleteFrom('service_specialty').where('service_id', '=', office.bookingOnly).where('specialty_id', '=', office.front).execute();
  const clerk = await createClerk(db, office.location.id, [office.back]);
  const reception = await createClerk(db, office.location.id, [], 'reception');
  const booked = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.bookingOnly,
    staffId: clerk.staffId,
    startsAt: at(5),
    personName: 'Amir Ahmadi',
  });
  const ticket = await checkInWithCode({ db, clock }, reception, { locationId: office.location.id, code: booked.code });
  assert.equal(ticket.displayNumber, 'B001');
  // Reception is not bound to the kiosk's check-in window (it sees the person), but to the day.
  const late = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.bookingOnly,
    staffId: clerk.staffId,
    startsAt: at(-60),
    personName: 'Lena Zimmer',
  });
  assert.equal(
    (await checkInWithCode({ db, clock }, reception, { locationId: office.location.id, code: late.code })).displayNumber,
    'B002',
    'only the back office serves this service: Z outside A–K still lands there, the clerk hands over',
  );
});
