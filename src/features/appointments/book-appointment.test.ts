import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../../shared/clock.ts';
import { isAppError, type AppError } from '../../shared/app-error.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { addAbsence, countAppointments, createClerk, createOffice, createResource, createService, person } from '../../../test/office-factory.ts';
import { codeAlphabet } from './appointment-code.ts';
import { attempt } from './appointment-store.ts';
import { bookAppointment, cancelAppointment, findAppointment, getAvailability, onlineRequester, rescheduleAppointment, type Requester } from './index.ts';

const { db } = await createTestDatabase({ poolSize: 12 });
// Tuesday 1 December 2026, 07:00 in Wetzlar.
const clock = fixedClock('2026-12-01T06:00:00Z');
const sut = { db, clock };

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAppError(error), `expected AppError ${code}, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

describe('booking', () => {
  test('books a free slot: short unambiguous code, secret stored only as its hash', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    const clerkId = await createClerk(db, office);
    const result = await bookAppointment(sut, {
      serviceId,
      locationId: office.locationId,
      start: '2026-12-02T09:00:00+01:00',
      person: person(),
      actor: onlineRequester,
    });
    assert.match(result.appointment.code, new RegExp(`^[${codeAlphabet}]{8}$`));
    assert.doesNotMatch(result.appointment.code, /[01OIL]/);
    assert.match(result.manageSecret, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(result.appointment.staffId, clerkId);
    assert.equal(result.appointment.startsAt, '2026-12-02T09:00:00+01:00');
    assert.equal(result.appointment.endsAt, '2026-12-02T09:30:00+01:00');
    assert.equal(result.appointment.createdBy, 'online');
    const row = await db.selectFrom('appointment').selectAll().where('code', '=', result.appointment.code).executeTakeFirstOrThrow();
    assert.equal(row.manage_secret_hash, createHash('sha256').update(result.manageSecret).digest('hex'));
    assert.ok(!JSON.stringify(row).includes(result.manageSecret));
  });

  test('a single clerk’s slot can be booked once; a second clerk takes the next booking', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    const first = await createClerk(db, office);
    const request = { serviceId, locationId: office.locationId, start: '2026-12-02T10:00:00+01:00', actor: onlineRequester };
    await bookAppointment(sut, { ...request, person: person() });
    await rejectsWith(bookAppointment(sut, { ...request, person: person() }), 'slot_taken');
    const second = await createClerk(db, office);
    const other = await bookAppointment(sut, { ...request, person: person() });
    assert.equal(other.appointment.staffId, second);
    assert.notEqual(other.appointment.staffId, first);
    await rejectsWith(bookAppointment(sut, { ...request, person: person() }), 'slot_taken');
    assert.equal(await countAppointments(db, { serviceId }), 2);
  });

  test('an absent clerk is not booked', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    const clerkId = await createClerk(db, office);
    await addAbsence(db, clerkId, '2026-12-02T07:00:00Z', '2026-12-02T09:00:00Z');
    await rejectsWith(
      bookAppointment(sut, { serviceId, locationId: office.locationId, start: '2026-12-02T09:00:00+01:00', person: person(), actor: onlineRequester }),
      'slot_taken',
    );
    const availability = await getAvailability(sut, { serviceId, locationId: office.locationId, from: '2026-12-02', to: '2026-12-02', actor: onlineRequester });
    assert.deepEqual(availability.days[0]!.starts, [
      '2026-12-02T10:00:00+01:00',
      '2026-12-02T10:30:00+01:00',
      '2026-12-02T11:00:00+01:00',
      '2026-12-02T11:30:00+01:00',
    ]);
  });

  test('a service needing a resource: two clerks but one station means one booking per time', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office, { requiredResourceKind: 'biometrics' });
    await createClerk(db, office);
    await createClerk(db, office);
    const request = { serviceId, locationId: office.locationId, start: '2026-12-02T08:30:00+01:00', actor: onlineRequester };
    await rejectsWith(bookAppointment(sut, { ...request, person: person() }), 'slot_taken'); // no station yet
    const station = await createResource(db, office, 'biometrics');
    const booked = await bookAppointment(sut, { ...request, person: person() });
    assert.equal(booked.appointment.resourceId, station);
    await rejectsWith(bookAppointment(sut, { ...request, person: person() }), 'slot_taken');
    const day = await getAvailability(sut, { serviceId, locationId: office.locationId, from: '2026-12-02', to: '2026-12-02', actor: onlineRequester });
    assert.ok(!day.days[0]!.starts.includes('2026-12-02T08:30:00+01:00'));
  });

  test('one active appointment per person and service; the error names the existing one to staff only', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    const otherServiceId = await createService(db, office);
    const clerk = await createClerk(db, office);
    const someone = person();
    const base = { serviceId, locationId: office.locationId, actor: onlineRequester };
    const first = await bookAppointment(sut, { ...base, start: '2026-12-03T08:00:00+01:00', person: someone });
    const error = await rejectsWith(
      bookAppointment(sut, { ...base, start: '2026-12-04T08:00:00+01:00', person: { ...someone, email: `  ${someone.email.toUpperCase()} ` } }),
      'duplicate_booking',
    );
    assert.doesNotMatch(error.message, /2026-12-03|08:00/, 'anyone knowing e-mail and date of birth learns only that an appointment exists');
    assert.equal(error.details, undefined);
    const byStaff = await rejectsWith(
      bookAppointment(sut, { ...base, actor: { channel: 'staff', staffId: clerk }, start: '2026-12-04T08:00:00+01:00', person: someone }),
      'duplicate_booking',
    );
    assert.match(byStaff.message, /2026-12-03 at 08:00/);
    await bookAppointment(sut, { ...base, serviceId: otherServiceId, start: '2026-12-04T08:00:00+01:00', person: someone });
    await cancelAppointment(sut, { code: first.appointment.code, manageSecret: first.manageSecret }, onlineRequester);
    await bookAppointment(sut, { ...base, start: '2026-12-04T09:00:00+01:00', person: someone });
  });

  test('30 simultaneous bookings of one start with three clerks: three booked, one per clerk, the rest slot_taken', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    const clerks = [await createClerk(db, office), await createClerk(db, office), await createClerk(db, office)];
    const start = '2026-12-03T09:00:00+01:00';
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => bookAppointment(sut, { serviceId, locationId: office.locationId, start, person: person(), actor: onlineRequester })),
    );
    const booked = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.appointment.staffId);
    assert.deepEqual([...booked].sort(), [...clerks].sort());
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as { code: string }).code, 'slot_taken');
    assert.equal(await countAppointments(db, { serviceId }), 3);
  });

  test('simultaneous bookings of overlapping, not identical, starts of one clerk: one booked, the rest slot_taken, never an error', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office, { durationMinutes: 60, slotMinutes: 15 });
    await createClerk(db, office, { starts: '08:00', ends: '12:00' });
    const starts = ['09:00', '09:15', '09:30', '09:45'];
    const results = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        bookAppointment(sut, {
          serviceId,
          locationId: office.locationId,
          start: `2026-12-03T${starts[i % 4]}:00+01:00`,
          person: person(),
          actor: onlineRequester,
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as { code: string }).code, 'slot_taken');
    assert.equal(await countAppointments(db, { serviceId }), 1);
  });

  test('concurrent bookings by one person for one service: exactly one succeeds', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    await createClerk(db, office);
    const someone = person();
    const starts = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
    const results = await Promise.allSettled(
      starts.map((t) =>
        bookAppointment(sut, { serviceId, locationId: office.locationId, start: `2026-12-02T${t}:00+01:00`, person: someone, actor: onlineRequester }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as { code: string }).code, 'duplicate_booking');
    assert.equal(await countAppointments(db, { serviceId }), 1);
  });
});

describe('cancel, reschedule, look up', () => {
  test('cancel frees the slot and records when; cancelling again changes nothing', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    await createClerk(db, office);
    const request = { serviceId, locationId: office.locationId, start: '2026-12-02T08:00:00+01:00', actor: onlineRequester };
    const booked = await bookAppointment(sut, { ...request, person: person() });
    const locator = { code: booked.appointment.code, manageSecret: booked.manageSecret };
    const cancelled = await cancelAppointment(sut, locator, onlineRequester);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancelledAt, clock.now().toISOString());
    assert.deepEqual(await cancelAppointment(sut, locator, onlineRequester), cancelled);
    await bookAppointment(sut, { ...request, person: person() });
  });

  test('reschedule moves the appointment and frees the old time; the same code stays', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    await createClerk(db, office);
    const booked = await bookAppointment(sut, {
      serviceId,
      locationId: office.locationId,
      start: '2026-12-02T08:00:00+01:00',
      person: person(),
      actor: onlineRequester,
    });
    const locator = { code: booked.appointment.code, manageSecret: booked.manageSecret };
    // Overlapping its own old time is fine: only other appointments count.
    const moved = await rescheduleAppointment(sut, locator, { start: '2026-12-02T08:30:00+01:00' }, onlineRequester);
    assert.equal(moved.code, booked.appointment.code);
    assert.equal(moved.startsAt, '2026-12-02T08:30:00+01:00');
    await bookAppointment(sut, { serviceId, locationId: office.locationId, start: '2026-12-02T08:00:00+01:00', person: person(), actor: onlineRequester });
  });

  test('a failed reschedule leaves the old appointment intact', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    await createClerk(db, office);
    const mine = await bookAppointment(sut, {
      serviceId,
      locationId: office.locationId,
      start: '2026-12-02T08:00:00+01:00',
      person: person(),
      actor: onlineRequester,
    });
    await bookAppointment(sut, { serviceId, locationId: office.locationId, start: '2026-12-02T10:00:00+01:00', person: person(), actor: onlineRequester });
    const locator = { code: mine.appointment.code, manageSecret: mine.manageSecret };
    await rejectsWith(rescheduleAppointment(sut, locator, { start: '2026-12-02T10:00:00+01:00' }, onlineRequester), 'slot_taken');
    await rejectsWith(rescheduleAppointment(sut, locator, { start: '2026-12-02T10:10:00+01:00' }, onlineRequester), 'validation_failed');
    const after = await findAppointment(sut, locator, onlineRequester);
    assert.equal(after.status, 'booked');
    assert.equal(after.startsAt, '2026-12-02T08:00:00+01:00');
  });

  test('concurrent reschedules onto one free time: one wins, the other keeps its old time', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    await createClerk(db, office);
    const a = await bookAppointment(sut, {
      serviceId,
      locationId: office.locationId,
      start: '2026-12-02T08:00:00+01:00',
      person: person(),
      actor: onlineRequester,
    });
    const b = await bookAppointment(sut, {
      serviceId,
      locationId: office.locationId,
      start: '2026-12-02T09:00:00+01:00',
      person: person(),
      actor: onlineRequester,
    });
    const results = await Promise.allSettled(
      [a, b].map((x) =>
        rescheduleAppointment(sut, { code: x.appointment.code, manageSecret: x.manageSecret }, { start: '2026-12-02T11:00:00+01:00' }, onlineRequester),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const starts = await db.selectFrom('appointment').select('starts_at').where('service_id', '=', serviceId).orderBy('starts_at').execute();
    assert.equal(starts.length, 2);
    assert.equal(starts[1]!.starts_at.toISOString(), '2026-12-02T10:00:00.000Z');
    assert.ok(['2026-12-02T07:00:00.000Z', '2026-12-02T08:00:00.000Z'].includes(starts[0]!.starts_at.toISOString()));
  });

  test('wrong secret and unknown code look the same', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office);
    await createClerk(db, office);
    const booked = await bookAppointment(sut, {
      serviceId,
      locationId: office.locationId,
      start: '2026-12-02T08:00:00+01:00',
      person: person(),
      actor: onlineRequester,
    });
    const wrong = await rejectsWith(findAppointment(sut, { code: booked.appointment.code, manageSecret: 'x'.repeat(43) }, onlineRequester), 'not_found');
    const unknown = await rejectsWith(findAppointment(sut, { code: 'ZZZZZZZZ', manageSecret: booked.manageSecret }, onlineRequester), 'not_found');
    assert.equal(wrong.message, unknown.message);
    const found = await findAppointment(sut, { code: booked.appointment.code.toLowerCase(), manageSecret: booked.manageSecret }, onlineRequester);
    assert.equal(found.id, booked.appointment.id);
  });
});

describe('staff-side booking', () => {
  test('staff book today before the online release, may pin a clerk, and are recorded as creator', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office, { sameDayRelease: '07:30', minLeadMinutes: 120 });
    const clerkA = await createClerk(db, office);
    const clerkB = await createClerk(db, office);
    const staff: Requester = { channel: 'staff', staffId: clerkA };
    const request = { serviceId, locationId: office.locationId, start: '2026-12-01T08:00:00+01:00', person: person() };
    await rejectsWith(bookAppointment(sut, { ...request, actor: onlineRequester }), 'validation_failed');
    const onlineToday = await getAvailability(sut, { serviceId, locationId: office.locationId, from: '2026-12-01', to: '2026-12-01', actor: onlineRequester });
    assert.deepEqual(onlineToday.days[0]!.starts, []);
    const booked = await bookAppointment(sut, { ...request, actor: staff, staffId: clerkB });
    assert.equal(booked.appointment.staffId, clerkB);
    assert.equal(booked.appointment.createdBy, 'staff');
    const row = await db.selectFrom('appointment').select('created_by_staff_id').where('id', '=', booked.appointment.id).executeTakeFirstOrThrow();
    assert.equal(row.created_by_staff_id, clerkA);
    // Pinned to a clerk who is now busy: not moved to another clerk.
    await rejectsWith(bookAppointment(sut, { ...request, person: person(), actor: staff, staffId: clerkB }), 'slot_taken');
    // Online callers may not pin.
    await rejectsWith(bookAppointment(sut, { ...request, person: person(), actor: onlineRequester, staffId: clerkA }), 'validation_failed');
  });

  test('a staff-only service cannot be booked online', async () => {
    const office = await createOffice(db);
    const serviceId = await createService(db, office, { onlineBookable: false });
    const clerk = await createClerk(db, office);
    const request = { serviceId, locationId: office.locationId, start: '2026-12-02T08:00:00+01:00', person: person() };
    await rejectsWith(bookAppointment(sut, { ...request, actor: onlineRequester }), 'validation_failed');
    await bookAppointment(sut, { ...request, actor: { channel: 'staff', staffId: clerk } });
  });
});

test('inside a caller’s transaction a violated constraint rolls back only the attempt', async () => {
  const office = await createOffice(db);
  const serviceId = await createService(db, office);
  const clerk = await createClerk(db, office);
  const row = (code: string, start: string) => ({
    code,
    manage_secret_hash: 'h',
    manage_secret_sealed: null,
    service_id: serviceId,
    location_id: office.locationId,
    staff_id: clerk,
    resource_id: null,
    starts_at: new Date(start),
    ends_at: new Date(new Date(start).getTime() + 30 * 60_000),
    person_name: 'X',
    date_of_birth: '1990-01-01',
    email: `${code}@example.org`,
    email_normalized: `${code}@example.org`,
    phone: null,
    language: 'de',
    created_by: 'staff' as const,
    created_by_staff_id: null,
    idempotency_key: null,
  });
  await db.transaction().execute(async (trx) => {
    await attempt(trx, () => trx.insertInto('appointment').values(row('AAAAAAA2', '2026-12-02T07:00:00Z')).execute());
    await assert.rejects(
      attempt(trx, () => trx.insertInto('appointment').values(row('AAAAAAA3', '2026-12-02T07:15:00Z')).execute()),
      { code: '23P01' },
    );
    await attempt(trx, () => trx.insertInto('appointment').values(row('AAAAAAA4', '2026-12-02T08:00:00Z')).execute());
  });
  const { rows } = await sql<{ code: string }>`SELECT code FROM appointment WHERE staff_id = ${clerk} ORDER BY code`.execute(db);
  assert.deepEqual(
    rows.map((r) => r.code),
    ['AAAAAAA2', 'AAAAAAA4'],
  );
});

test('values that are not ids at all are answered as unknown, never handed to PostgreSQL', async () => {
  const notAnId = '------------------------------------';
  const booking = bookAppointment(sut, { serviceId: 'x', locationId: notAnId, start: '2026-12-03T09:00:00+01:00', person: person(), actor: onlineRequester });
  await assert.rejects(booking, (error: unknown) => isAppError(error) && error.code === 'validation_failed');
  const availability = getAvailability(sut, { serviceId: 'x', locationId: 'y', from: '2026-12-03', to: '2026-12-04', actor: onlineRequester });
  await assert.rejects(availability, (error: unknown) => isAppError(error) && error.code === 'validation_failed' && error.fieldErrors?.length === 2);
  const cancel = cancelAppointment(sut, { appointmentId: notAnId }, { channel: 'staff', staffId: notAnId });
  await assert.rejects(cancel, (error: unknown) => isAppError(error) && error.code === 'not_found');
});
