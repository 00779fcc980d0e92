import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { auditPersonForAppointment, pseudonymiseAuditPersons, recordAudit, searchAudit } from './audit.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');

test('the audit trail is append-only: UPDATE, DELETE and TRUNCATE fail in the database', async () => {
  await recordAudit(db, clock, { actorLabel: 'someone', action: 'test.entry' });
  await assert.rejects(sql`UPDATE audit_entry SET action = 'changed'`.execute(db), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_entry`.execute(db), /append-only/);
  await assert.rejects(sql`TRUNCATE audit_entry`.execute(db), /append-only/);
  const rows = await db.selectFrom('audit_entry').select('action').execute();
  assert.deepEqual(rows, [{ action: 'test.entry' }]);
});

test('anonymising a person keeps the entries and replaces the name by a pseudonym', async () => {
  const appointmentId = '3f1c2d4e-0000-4000-8000-000000000001';
  const personId = await auditPersonForAppointment(db, { id: appointmentId, person_name: 'Olena Kovalenko', date_of_birth: '1990-04-02' });
  assert.equal(
    await auditPersonForAppointment(db, { id: appointmentId, person_name: 'Olena Kovalenko', date_of_birth: '1990-04-02' }),
    personId,
    'one row per person record',
  );
  await recordAudit(db, clock, {
    actorLabel: 'clerk1 (clerk)',
    action: 'person.open',
    personId,
    screen: 'calendar day',
    target: { type: 'appointment', id: appointmentId },
  });
  assert.equal((await searchAudit(db, { person: 'kovalenko' })).length, 1);

  assert.equal(await pseudonymiseAuditPersons(db, clock, [appointmentId]), 1);
  assert.equal((await searchAudit(db, { person: 'kovalenko' })).length, 0, 'the name is gone');
  const entries = await searchAudit(db, { staff: 'clerk1' });
  assert.equal(entries.length, 1, 'the entry is still there');
  assert.match(entries[0]?.person_label ?? '', /^pseudonym-[0-9a-f]{12}$/);
  assert.equal(await pseudonymiseAuditPersons(db, clock, [appointmentId]), 0, 'a second run finds nothing left to do');

  // Opening the erased appointment afterwards is audited under the same pseudonym, never a name.
  const laterId = await auditPersonForAppointment(db, { id: appointmentId, person_name: null, date_of_birth: null });
  await recordAudit(db, clock, { actorLabel: 'clerk1 (clerk)', action: 'person.open', personId: laterId, target: { type: 'appointment', id: appointmentId } });
  const labels = (await searchAudit(db, { staff: 'clerk1' })).map((e) => e.person_label);
  assert.equal(labels.length, 2);
  assert.equal(labels[0], labels[1], 'the pseudonym computed in SQL and in TypeScript is the same');
});

test('search by staff member and date range', async () => {
  clock.set('2026-11-20T10:00:00Z');
  await recordAudit(db, clock, { actorLabel: 'anna (admin)', action: 'admin.service.update' });
  clock.set('2026-11-22T10:00:00Z');
  await recordAudit(db, clock, { actorLabel: 'anna (admin)', action: 'admin.service.update' });
  assert.equal((await searchAudit(db, { staff: 'anna', from: '2026-11-21', to: '2026-11-22' })).length, 1);
  assert.equal((await searchAudit(db, { staff: 'anna', from: '2026-11-20', to: '2026-11-20' })).length, 1);
  assert.equal((await searchAudit(db, { staff: 'anna%' })).length, 0, 'wildcards are literal');
});
