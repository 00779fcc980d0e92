import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql, type Updateable } from 'kysely';
import type { Appointment } from '../../db/schema.generated.ts';
import { fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createRetentionOffice, insertAppointment, insertTicket, insertTransferNote, personOf, statisticsColumns } from '../../../test/retention-fixtures.ts';
import { auditPersonForAppointment, recordAudit, searchAudit } from '../staff/index.ts';
import { eraseExpiredPersonalData } from './erase-expired-personal-data.ts';

const { db } = await createTestDatabase({ poolSize: 6 });
const office = await createRetentionOffice(db);
// Monday 2026-11-23; with 30 days the limit is 2026-10-24T08:00Z.
const clock = fixedClock('2026-11-23T08:00:00Z');
const retentionDays = 30;

test('visits that ended more than the retention ago lose their personal data, whatever their status; statistics stay', async () => {
  const over = {
    cancelled: await insertAppointment(db, office, { endsAt: '2026-10-01T09:00:00Z', status: 'cancelled' }),
    completed: await insertAppointment(db, office, { endsAt: '2026-10-02T09:00:00Z', status: 'completed' }),
    noShow: await insertAppointment(db, office, { endsAt: '2026-10-03T09:00:00Z', status: 'no_show' }),
    neverMarked: await insertAppointment(db, office, { endsAt: '2026-10-04T09:00:00Z', status: 'booked' }),
    checkedIn: await insertAppointment(db, office, { endsAt: '2026-10-05T09:00:00Z', status: 'checked_in' }),
    justOver: await insertAppointment(db, office, { endsAt: '2026-10-24T07:59:00Z', minutes: 1, status: 'completed' }),
  };
  const kept = {
    justInside: await insertAppointment(db, office, { endsAt: '2026-10-24T08:01:00Z', minutes: 1, status: 'completed' }),
    recent: await insertAppointment(db, office, { endsAt: '2026-11-20T09:00:00Z', status: 'no_show' }),
    recentCancelled: await insertAppointment(db, office, { endsAt: '2026-11-19T09:00:00Z', status: 'cancelled' }),
    future: await insertAppointment(db, office, { endsAt: '2026-11-30T09:00:00Z', status: 'booked' }),
  };
  const statisticsBefore = await Promise.all(Object.values(over).map((a) => statisticsColumns(db, a.id)));
  const keptBefore = await db
    .selectFrom('appointment')
    .selectAll()
    .where(
      'id',
      'in',
      Object.values(kept).map((a) => a.id),
    )
    .orderBy('id')
    .execute();

  const run = await eraseExpiredPersonalData({ db, clock }, { retentionDays });

  assert.equal(run.appointments, 6);
  for (const [label, appointment] of Object.entries(over)) {
    assert.deepEqual(
      await personOf(db, appointment.id),
      {
        person_name: null,
        date_of_birth: null,
        email: null,
        email_normalized: null,
        phone: null,
        manage_secret_sealed: null,
        personal_data_erased_at: clock.now(),
      },
      label,
    );
  }
  assert.deepEqual(
    await Promise.all(Object.values(over).map((a) => statisticsColumns(db, a.id))),
    statisticsBefore,
    'service, location, clerk, times, status, language unchanged',
  );
  const keptAfter = await db
    .selectFrom('appointment')
    .selectAll()
    .where(
      'id',
      'in',
      Object.values(kept).map((a) => a.id),
    )
    .orderBy('id')
    .execute();
  assert.deepEqual(keptAfter, keptBefore, 'newer and active appointments are untouched');
  const leftovers = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM appointment WHERE personal_data_erased_at IS NOT NULL
      AND (person_name IS NOT NULL OR date_of_birth IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL)`.execute(db);
  assert.equal(leftovers.rows[0]?.n, 0);
});

test('tickets, transfer notes and the audit trail of those visits lose the person too; newer ones stay', async () => {
  const old = await insertAppointment(db, office, { endsAt: '2026-10-06T09:00:00Z', status: 'completed' });
  const recent = await insertAppointment(db, office, { endsAt: '2026-11-18T09:00:00Z', status: 'completed' });
  const oldTicket = await insertTicket(db, office, { day: '2026-10-06', appointmentId: old.id, surname: 'Kovalenko' });
  const recentTicket = await insertTicket(db, office, { day: '2026-11-18', appointmentId: recent.id, surname: 'Novak' });
  const oldWalkIn = await insertTicket(db, office, { day: '2026-10-07', surname: 'Yilmaz' });
  const recentWalkIn = await insertTicket(db, office, { day: '2026-11-21', surname: 'Haddad' });
  // The appointment's ticket note is only a few days older than the limit's day: it goes with its appointment.
  await insertTransferNote(db, office, oldTicket, 'Frau Kovalenko bringt den Pass nach', '2026-10-06T09:10:00Z');
  await insertTransferNote(db, office, oldWalkIn, 'Herr Yilmaz spricht Türkisch', '2026-10-07T09:10:00Z');
  await insertTransferNote(db, office, recentWalkIn, 'Frau Haddad braucht einen Dolmetscher', '2026-11-21T09:10:00Z');

  const oldPerson = await auditPersonForAppointment(db, { id: old.id, person_name: old.name, date_of_birth: old.dateOfBirth });
  const recentPerson = await auditPersonForAppointment(db, { id: recent.id, person_name: recent.name, date_of_birth: recent.dateOfBirth });
  await recordAudit(db, clock, { actorLabel: 'clerk1 (clerk)', action: 'person.open', personId: oldPerson, target: { type: 'appointment', id: old.id } });
  await recordAudit(db, clock, { actorLabel: 'clerk1 (clerk)', action: 'person.open', personId: recentPerson, target: { type: 'appointment', id: recent.id } });
  const entriesBefore = await db.selectFrom('audit_entry').selectAll().orderBy('id').execute();

  const run = await eraseExpiredPersonalData({ db, clock }, { retentionDays });
  assert.equal(run.appointments, 1);

  const tickets = await db.selectFrom('ticket').select(['id', 'routing_surname', 'routing_nationality', 'status', 'language', 'day', 'service_id']).execute();
  const ticket = (id: string) => tickets.find((t) => t.id === id);
  assert.deepEqual([ticket(oldTicket)?.routing_surname, ticket(oldTicket)?.routing_nationality], [null, null]);
  assert.deepEqual([ticket(oldWalkIn)?.routing_surname, ticket(oldWalkIn)?.routing_nationality], [null, null]);
  assert.deepEqual(
    [ticket(oldTicket)?.status, ticket(oldTicket)?.language, ticket(oldTicket)?.service_id],
    ['finished', 'ar', office.serviceId],
    'the ticket stays for the statistics',
  );
  assert.equal(ticket(recentTicket)?.routing_surname, 'Novak');
  assert.equal(ticket(recentWalkIn)?.routing_surname, 'Haddad');
  const notes = await db.selectFrom('ticket_transfer').select(['ticket_id', 'note']).execute();
  assert.deepEqual(
    notes.filter((n) => n.note !== '').map((n) => n.note),
    ['Frau Haddad braucht einen Dolmetscher'],
  );
  assert.equal(notes.length, 3, 'the transfers themselves stay');

  assert.equal(
    (await searchAudit(db, { person: 'Kovalenko' })).some((e) => e.target_id === old.id),
    false,
    'the name is gone from the audit search',
  );
  const labels = await db.selectFrom('audit_person').select(['id', 'label', 'appointment_id']).where('id', 'in', [oldPerson, recentPerson]).execute();
  assert.match(labels.find((l) => l.id === oldPerson)?.label ?? '', /^pseudonym-[0-9a-f]{12}$/);
  assert.equal(labels.find((l) => l.id === oldPerson)?.appointment_id, null);
  assert.equal(labels.find((l) => l.id === recentPerson)?.label, `${recent.name} (${recent.dateOfBirth})`);
  assert.deepEqual(await db.selectFrom('audit_entry').selectAll().orderBy('id').execute(), entriesBefore, 'audit entries are never changed');
  const entriesText = JSON.stringify(await db.selectFrom('audit_entry').selectAll().execute());
  assert.doesNotMatch(entriesText, new RegExp(old.name), 'no entry holds the name itself');
});

test('running it again changes nothing', async () => {
  await insertAppointment(db, office, { endsAt: '2026-10-08T09:00:00Z' });
  await eraseExpiredPersonalData({ db, clock }, { retentionDays });
  const snapshot = async () => ({
    appointments: await db.selectFrom('appointment').selectAll().orderBy('id').execute(),
    tickets: await db.selectFrom('ticket').selectAll().orderBy('id').execute(),
    notes: await db.selectFrom('ticket_transfer').selectAll().orderBy('id').execute(),
    persons: await db.selectFrom('audit_person').selectAll().orderBy('id').execute(),
  });
  const before = await snapshot();
  clock.advance(60_000);
  const again = await eraseExpiredPersonalData({ db, clock }, { retentionDays });
  assert.deepEqual({ ...again, batches: 0 }, { appointments: 0, tickets: 0, transferNotes: 0, auditPersons: 0, batches: 0 });
  assert.deepEqual(await snapshot(), before);
});

test('a backlog is erased in batches, one transaction each', async () => {
  const backlog = [];
  for (let i = 0; i < 7; i++)
    backlog.push(await insertAppointment(db, office, { endsAt: new Date(Date.parse('2026-09-01T09:00:00Z') + i * 3_600_000).toISOString() }));
  const run = await eraseExpiredPersonalData({ db, clock }, { retentionDays, batchSize: 3 });
  assert.equal(run.appointments, 7);
  assert.ok(run.batches >= 3 + 1 + 1, `three appointment batches at least, got ${run.batches}`);
  for (const appointment of backlog) assert.equal((await personOf(db, appointment.id)).person_name, null);
});

test('a row can only be erased as a whole, and an erased one cannot be moved into the future', async () => {
  const appointment = await insertAppointment(db, office, { endsAt: '2026-11-22T09:00:00Z' });
  const update = (change: Updateable<Appointment>) => db.updateTable('appointment').set(change).where('id', '=', appointment.id).execute();
  await assert.rejects(update({ person_name: null }), /appointment_person_complete_or_erased/);
  await assert.rejects(update({ personal_data_erased_at: clock.now() }), /appointment_person_complete_or_erased/);
  await update({ person_name: null, date_of_birth: null, email: null, email_normalized: null, phone: null, personal_data_erased_at: clock.now() });
  await assert.rejects(
    update({ starts_at: new Date('2026-12-01T09:00:00Z'), ends_at: new Date('2026-12-01T09:30:00Z') }),
    /appointment_person_complete_or_erased/,
    'a move racing the erasure cannot create a future booking without a person',
  );
});

test('two runs at once share the work: every row erased exactly once, nothing fails', async () => {
  const due = [];
  for (let i = 0; i < 40; i++)
    due.push(await insertAppointment(db, office, { endsAt: new Date(Date.parse('2026-08-01T09:00:00Z') + i * 3_600_000).toISOString() }));
  for (const appointment of due.slice(0, 10)) await insertTicket(db, office, { day: '2026-08-01', appointmentId: appointment.id, surname: 'Petrenko' });
  const [first, second] = await Promise.all([
    eraseExpiredPersonalData({ db, clock }, { retentionDays, batchSize: 4 }),
    eraseExpiredPersonalData({ db, clock }, { retentionDays, batchSize: 4 }),
  ]);
  assert.equal(first.appointments + second.appointments, 40, `${first.appointments} + ${second.appointments}`);
  const remaining = await db
    .selectFrom('appointment')
    .select('id')
    .where(
      'id',
      'in',
      due.map((a) => a.id),
    )
    .where('personal_data_erased_at', 'is', null)
    .execute();
  assert.deepEqual(remaining, []);
  const tickets = await db.selectFrom('ticket').select('routing_surname').where('routing_surname', '=', 'Petrenko').execute();
  assert.deepEqual(tickets, []);
});

test('a row someone else holds is skipped without waiting and erased by the next run', async () => {
  const held = await insertAppointment(db, office, { endsAt: '2026-09-15T09:00:00Z' });
  const free = await insertAppointment(db, office, { endsAt: '2026-09-15T11:00:00Z' });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = db.transaction().execute(async (trx) => {
    await trx.selectFrom('appointment').select('id').where('id', '=', held.id).forUpdate().execute();
    locked();
    await released;
  });
  await isLocked;
  const run = await eraseExpiredPersonalData({ db, clock }, { retentionDays });
  assert.equal(run.appointments, 1);
  assert.equal((await personOf(db, free.id)).person_name, null);
  assert.equal((await personOf(db, held.id)).person_name, held.name, 'skipped while held');
  release();
  await holder;
  assert.equal((await eraseExpiredPersonalData({ db, clock }, { retentionDays })).appointments, 1);
  assert.equal((await personOf(db, held.id)).person_name, null);
});
