import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/database.ts';
import { bookAppointment, createClerk, createFrontOffice } from '../../../test/front-desk-fixtures.ts';
import { procedureWithPerson } from '../../../test/status-lookup-fixture.ts';
import type { Database } from '../../db/database.ts';
import type { AppError } from '../../shared/app-error.ts';
import { fixedClock } from '../../shared/clock.ts';
import { callNextTicket, checkInWithCode, finishTicket } from '../front-desk/index.ts';
import { moveProcedureToStatus } from './move-procedure-status.ts';
import { linkAppointmentToProcedure } from './procedure-appointment.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
const { db } = await createTestDatabase();
const deps = { db, clock };
const office = await createFrontOffice(db);
const clerk = await createClerk(db, office.location.id, [office.front]);
const colleague = await createClerk(db, office.location.id, [office.front]);
const reception = await createClerk(db, office.location.id, [office.front], 'reception');

const statusOf = async (procedureId: string) =>
  (
    await db
      .selectFrom('case_procedure')
      .innerJoin('procedure_status', 'procedure_status.id', 'case_procedure.status_id')
      .select(['procedure_status.code', 'case_procedure.closed_at'])
      .where('case_procedure.id', '=', procedureId)
      .executeTakeFirstOrThrow()
  ).code;

const lastChange = (procedureId: string) =>
  db
    .selectFrom('case_procedure_status_change')
    .innerJoin('procedure_status', 'procedure_status.id', 'case_procedure_status_change.status_id')
    .select(['procedure_status.code', 'case_procedure_status_change.by_staff_id', 'case_procedure_status_change.by_label', 'case_procedure_status_change.id'])
    .where('case_procedure_status_change.procedure_id', '=', procedureId)
    .orderBy('case_procedure_status_change.at', 'desc')
    .orderBy('case_procedure_status_change.id', 'desc')
    .executeTakeFirstOrThrow();

const move = (procedureId: string, code: string) =>
  db.transaction().execute((trx) => moveProcedureToStatus(trx, { procedureId, code, by: { staffId: clerk.staffId, label: 'Test' } }, clock.now()));
const link = (appointmentId: string, procedureId: string) =>
  db.transaction().execute((trx: Database) => linkAppointmentToProcedure(trx, { appointmentId, procedureId, staffId: clerk.staffId }, clock.now()));
const appointment = (minutes: number, staffId = clerk.staffId) =>
  bookAppointment(db, { locationId: office.location.id, serviceId: office.service, staffId, startsAt: new Date(clock.now().getTime() + minutes * 60_000) });

test('an appointment booked for a procedure moves it to "appointment booked" as Lotse, with a notice; a decided one stays decided', async () => {
  const p = await procedureWithPerson(db, { locationId: office.location.id, now: clock.now() });
  const first = await appointment(30);
  const moved = await link(first.id, p.procedureId);
  assert.equal(moved.outcome, 'moved');
  assert.equal(await statusOf(p.procedureId), 'appointment_booked');
  const change = await lastChange(p.procedureId);
  assert.deepEqual({ by: change.by_staff_id, label: change.by_label }, { by: null, label: 'Lotse' });
  const notice = await db.selectFrom('procedure_notice').select('status_change_id').where('status_change_id', '=', change.id).executeTakeFirst();
  assert.ok(notice, 'appointment_booked notifies: the trigger wrote the notice');
  const stored = await db.selectFrom('case_appointment_link').selectAll().where('appointment_id', '=', first.id).executeTakeFirstOrThrow();
  assert.deepEqual([stored.procedure_id, stored.person_id], [p.procedureId, p.personId]);

  await assert.rejects(link(first.id, p.procedureId), (error: AppError) => error.code === 'conflict', 'an appointment is linked once');

  await move(p.procedureId, 'decided');
  const later = await appointment(60);
  assert.equal((await link(later.id, p.procedureId)).outcome, 'not_from_here');
  assert.equal(await statusOf(p.procedureId), 'decided', 'a late appointment does not send a decided procedure back');
});

test('the desk completing the visit of a procedure whose eAT is ready closes it as Lotse; any other visit leaves the status', async () => {
  const ready = await procedureWithPerson(db, { locationId: office.location.id, now: clock.now() });
  const other = await procedureWithPerson(db, { locationId: office.location.id, now: clock.now() });
  const pickUp = await appointment(5);
  const visit = await appointment(10, colleague.staffId);
  await link(pickUp.id, ready.procedureId);
  await link(visit.id, other.procedureId);
  await move(ready.procedureId, 'ready');

  for (const booked of [pickUp, visit]) {
    await checkInWithCode(deps, reception, { locationId: office.location.id, code: booked.code });
    const called = await callNextTicket(deps, clerk, { locationId: office.location.id, counterId: office.counters[0]!.id });
    assert.ok(called);
    await finishTicket(deps, clerk, { ticketId: called.id, outcome: { result: 'done' } });
  }
  assert.equal(await statusOf(ready.procedureId), 'completed');
  const closing = await lastChange(ready.procedureId);
  assert.deepEqual({ code: closing.code, by: closing.by_staff_id, label: closing.by_label }, { code: 'completed', by: null, label: 'Lotse' });
  const closed = await db.selectFrom('case_procedure').select('closed_at').where('id', '=', ready.procedureId).executeTakeFirstOrThrow();
  assert.deepEqual(closed.closed_at, clock.now());
  assert.equal(await statusOf(other.procedureId), 'appointment_booked', 'a visit for a procedure not ready for pick-up moves nothing');
});
