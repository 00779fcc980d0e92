import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/database.ts';
import { createClerk, createOffice, createService, person } from '../../../test/office-factory.ts';
import { isAppError } from '../../shared/app-error.ts';
import { fixedClock } from '../../shared/clock.ts';
import { recordNotice } from './appointment-notices.ts';
import {
  bookAppointment,
  bookedAppointmentsDuring,
  cancelByOffice,
  checkInAppointment,
  completeAppointment,
  lockAppointmentForCheckIn,
  markAppointmentNoShow,
  onlineRequester,
  reassignAppointment,
} from './index.ts';

const { db } = await createTestDatabase();
// Tuesday 1 December 2026, 07:00 in Berlin; the clock is not the machine's day.
const clock = fixedClock('2026-12-01T06:00:00Z');
const office = await createOffice(db);
const serviceId = await createService(db, office);
const clerkId = await createClerk(db, office);
const colleagueId = await createClerk(db, office);
const notices = { changed: recordNotice };

let minute = 0;
/** A booking through the engine on Wednesday, each at its own time (so one clerk can hold them all). */
async function book(): Promise<{ id: string; code: string }> {
  const start = new Date(Date.UTC(2026, 11, 2, 7, 0) + 30 * 60_000 * minute++).toISOString();
  const { appointment } = await bookAppointment({ db, clock }, { serviceId, locationId: office.locationId, start, person: person(), actor: onlineRequester });
  return appointment;
}
const statusOf = async (id: string) => (await db.selectFrom('appointment').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error) => isAppError(error) && error.code === code);
}

test('a booking and its notice are made at the injected clock’s now, not the database’s', async () => {
  const { appointment } = await bookAppointment(
    { db, clock },
    { serviceId, locationId: office.locationId, start: '2026-12-03T09:00:00+01:00', person: person(), actor: onlineRequester, notify: true },
  );
  const row = await db.selectFrom('appointment').select(['created_at', 'updated_at']).where('id', '=', appointment.id).executeTakeFirstOrThrow();
  assert.deepEqual([row.created_at, row.updated_at], [clock.now(), clock.now()]);
  assert.equal(appointment.createdAt, clock.now().toISOString());
  const notice = await db.selectFrom('appointment_notice').select('created_at').where('appointment_id', '=', appointment.id).executeTakeFirstOrThrow();
  assert.deepEqual(notice.created_at, clock.now());
});

test('check-in: a booked appointment becomes checked in, in the caller’s transaction, once', async () => {
  const { id, code } = await book();
  // The caller's own write fails after the check-in: nothing of it stays.
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      assert.equal((await lockAppointmentForCheckIn(trx, code))?.id, id);
      await checkInAppointment(trx, id, clock.now());
      throw new Error('the ticket could not be issued');
    }),
    /ticket could not be issued/,
  );
  assert.equal(await statusOf(id), 'booked');

  await db.transaction().execute((trx) => checkInAppointment(trx, id, clock.now()));
  assert.equal(await statusOf(id), 'checked_in');
  await rejectsWith(
    db.transaction().execute((trx) => checkInAppointment(trx, id, clock.now())),
    'conflict',
  );
  assert.equal(await db.transaction().execute((trx) => lockAppointmentForCheckIn(trx, 'NOSUCH23')), undefined);
});

test('no-show: only a checked-in appointment ends as a no-show', async () => {
  const { id } = await book();
  assert.equal(await db.transaction().execute((trx) => markAppointmentNoShow(trx, id, clock.now())), false);
  assert.equal(await statusOf(id), 'booked', 'a booked appointment is not a no-show before the person was called');
  await db.transaction().execute((trx) => checkInAppointment(trx, id, clock.now()));
  assert.equal(await db.transaction().execute((trx) => markAppointmentNoShow(trx, id, clock.now())), true);
  assert.equal(await statusOf(id), 'no_show');
  assert.equal(await db.transaction().execute((trx) => completeAppointment(trx, id, clock.now())), false, 'a no-show is not completed later');
  assert.equal(await statusOf(id), 'no_show');
});

test('completed: only a checked-in appointment is completed', async () => {
  const { id } = await book();
  assert.equal(await db.transaction().execute((trx) => completeAppointment(trx, id, clock.now())), false);
  assert.equal(await statusOf(id), 'booked');
  await db.transaction().execute((trx) => checkInAppointment(trx, id, clock.now()));
  assert.equal(await db.transaction().execute((trx) => completeAppointment(trx, id, clock.now())), true);
  assert.equal(await statusOf(id), 'completed');
});

test('reassign: to a qualified free colleague only; the appointment keeps its time', async () => {
  const { id } = await book();
  const holder = (await db.selectFrom('appointment').select(['staff_id', 'starts_at']).where('id', '=', id).executeTakeFirstOrThrow()).staff_id;
  const colleague = holder === clerkId ? colleagueId : clerkId;
  const unqualified = await db.insertInto('staff').values({ display_name: 'Without specialty' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('staff_location').values({ staff_id: unqualified.id, location_id: office.locationId }).execute();
  await db
    .insertInto('working_hours')
    .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ staff_id: unqualified.id, location_id: office.locationId, weekday, starts: '08:00', ends: '12:00' })))
    .execute();
  await rejectsWith(
    db.transaction().execute((trx) => reassignAppointment(trx, { appointmentId: id, toStaffId: unqualified.id, now: clock.now() })),
    'conflict',
  );
  const before = await db.transaction().execute((trx) => reassignAppointment(trx, { appointmentId: id, toStaffId: colleague, now: clock.now() }));
  assert.equal(before.staff_id, holder);
  const after = await db.selectFrom('appointment').select(['staff_id', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(after, { staff_id: colleague, status: 'booked' });
});

test('cancel by the office: cancelled with a notice that names the staff member and the note; never twice', async () => {
  const { id } = await book();
  const later = new Date(clock.now().getTime() + 60_000);
  // The caller's transaction fails afterwards: neither the cancellation nor its notice stays.
  await assert.rejects(
    db.transaction().execute(async (trx) => {
      await cancelByOffice(trx, notices, { appointmentId: id, staffId: clerkId, note: 'Krank', now: later });
      throw new Error('audit failed');
    }),
    /audit failed/,
  );
  assert.equal(await statusOf(id), 'booked');
  assert.equal((await db.selectFrom('appointment_notice').select('id').where('appointment_id', '=', id).execute()).length, 0);

  const before = await db.transaction().execute((trx) => cancelByOffice(trx, notices, { appointmentId: id, staffId: clerkId, note: 'Krank', now: later }));
  assert.equal(before.status, 'booked');
  const row = await db.selectFrom('appointment').select(['status', 'cancelled_at']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'cancelled', cancelled_at: later });
  const notice = await db
    .selectFrom('appointment_notice')
    .select(['kind', 'by_channel', 'by_staff_id', 'note', 'created_at'])
    .where('appointment_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(notice, { kind: 'cancelled', by_channel: 'staff', by_staff_id: clerkId, note: 'Krank', created_at: later });
  await rejectsWith(
    db.transaction().execute((trx) => cancelByOffice(trx, notices, { appointmentId: id, staffId: clerkId, note: '', now: later })),
    'conflict',
  );
});

test('affected appointments: the booked ones of a clerk or a location overlapping a span, by start; open bounds', async () => {
  const otherOffice = await createOffice(db);
  const otherService = await createService(db, otherOffice);
  await createClerk(db, otherOffice);
  const elsewhere = await bookAppointment(
    { db, clock },
    { serviceId: otherService, locationId: otherOffice.locationId, start: '2026-12-04T09:00:00+01:00', person: person(), actor: onlineRequester },
  );
  const first = await bookAppointment(
    { db, clock },
    {
      serviceId,
      locationId: office.locationId,
      start: '2026-12-04T09:00:00+01:00',
      person: person(),
      actor: { channel: 'staff', staffId: clerkId },
      staffId: clerkId,
    },
  );
  const second = await bookAppointment(
    { db, clock },
    {
      serviceId,
      locationId: office.locationId,
      start: '2026-12-04T10:00:00+01:00',
      person: person(),
      actor: { channel: 'staff', staffId: clerkId },
      staffId: clerkId,
    },
  );
  const span = { start: new Date('2026-12-04T08:15:00Z'), end: new Date('2026-12-04T09:15:00Z') };
  const atLocation = await bookedAppointmentsDuring(db, { locationId: office.locationId }, span);
  assert.deepEqual(
    atLocation.map((a) => a.id),
    [first.appointment.id, second.appointment.id],
  );
  assert.equal(atLocation[0]!.service_name, 'Verlängerung des Aufenthaltstitels');
  // A span ending where an appointment starts does not hit it ([start, end)).
  const untilSecond = await bookedAppointmentsDuring(db, { staffId: clerkId }, { start: span.start, end: new Date('2026-12-04T09:00:00Z') });
  assert.deepEqual(
    untilSecond.map((a) => a.id),
    [first.appointment.id],
  );
  const open = await bookedAppointmentsDuring(db, { locationId: otherOffice.locationId }, { start: null, end: null });
  assert.deepEqual(
    open.map((a) => a.id),
    [elsewhere.appointment.id],
  );
  await db.transaction().execute((trx) => cancelByOffice(trx, notices, { appointmentId: first.appointment.id, staffId: clerkId, note: '', now: clock.now() }));
  assert.deepEqual(
    (await bookedAppointmentsDuring(db, { staffId: clerkId }, span)).map((a) => a.id),
    [second.appointment.id],
    'a cancelled appointment is not hit any more',
  );
});
