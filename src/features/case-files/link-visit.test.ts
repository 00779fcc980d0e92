import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../../../test/app.ts';
import { createPersonWithFile } from '../../../test/case-file-factory.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { bookAppointment, createFrontOffice } from '../../../test/front-desk-fixtures.ts';
import { addStaff, Browser } from '../../../test/staff.ts';
import { fixedClock } from '../../shared/clock.ts';
import { checkInWithCode } from '../front-desk/index.ts';
import { loadStaffActor } from '../staff/session-store.ts';
import { linkCandidates, linkVisit } from './link-visit.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
const { db } = await createTestDatabase();
const deps = { db, clock };
const office = await createFrontOffice(db);
const otherOffice = await createFrontOffice(db);
const at = [office.location.id];
const ctxOf = async (role: 'clerk' | 'reception', locationIds: string[]) => {
  const { id, username } = await addStaff(db, role, { locationIds, specialtyIds: [office.front] });
  return { username, ctx: { actor: (await loadStaffActor(db, id, 'session'))!, screen: 'test', ip: undefined } };
};
const reception = await ctxOf('reception', at);
const clerk = await ctxOf('clerk', at);
const foreign = await ctxOf('reception', [otherOffice.location.id]);
// The appointment was booked as "Olena Kovalenko", born 1990-04-01; the file spells her name in Cyrillic too.
const olena = await createPersonWithFile(db, {
  locationId: office.location.id,
  person: { familyName: 'Kovalenko', givenNames: 'Olena', birthDate: { year: 1990, month: 4, day: 1 }, nameVariants: ['Коваленко Олена'] },
});
const namesake = await createPersonWithFile(db, {
  locationId: office.location.id,
  person: { familyName: 'Kovalenko', givenNames: 'Oksana', birthDate: { year: 1990, month: 4, day: null } },
});
await createPersonWithFile(db, {
  locationId: office.location.id,
  person: { familyName: 'Kovalenko', givenNames: 'Olena', birthDate: { year: 1971, month: 1, day: 2 } },
});
await createPersonWithFile(db, {
  locationId: otherOffice.location.id,
  person: { familyName: 'Kovalenko', givenNames: 'Olena', birthDate: { year: 1990, month: 4, day: 1 } },
});

test('candidates match the name and the date of birth (a partly known one too), at the actor’s own locations only', async () => {
  const appointment = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: clerk.ctx.actor.staffId,
    startsAt: new Date('2026-11-23T10:00:00Z'),
  });
  const result = await linkCandidates(deps, reception.ctx, { visit: { appointmentId: appointment.id } });
  assert.deepEqual(result.candidates.map((c) => c.person_id).sort(), [olena.personId, namesake.personId].sort());
  await assert.rejects(linkCandidates(deps, foreign.ctx, { visit: { appointmentId: appointment.id } }), { code: 'forbidden' });
  await assert.rejects(linkCandidates(deps, reception.ctx, { visit: { appointmentId: appointment.id }, dateOfBirth: '00.00.1990' }), {
    code: 'validation_failed',
  });
  await assert.rejects(linkCandidates(deps, reception.ctx, { visit: { appointmentId: '00000000-0000-4000-8000-000000000000' } }), { code: 'not_found' });
});

test('two clerks link one appointment at the same moment to two persons: one link, the other gets 409; the same person again is fine', async () => {
  const appointment = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: clerk.ctx.actor.staffId,
    startsAt: new Date('2026-11-23T11:00:00Z'),
  });
  const results = await Promise.allSettled([
    linkVisit(deps, reception.ctx, { visit: { appointmentId: appointment.id }, personId: olena.personId }),
    linkVisit(deps, clerk.ctx, { visit: { appointmentId: appointment.id }, personId: namesake.personId }),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  assert.equal((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.code, 'conflict');
  const links = await db.selectFrom('case_appointment_link').select('person_id').where('appointment_id', '=', appointment.id).execute();
  assert.equal(links.length, 1);
  const winner = links[0]!.person_id;
  assert.deepEqual(await linkVisit(deps, clerk.ctx, { visit: { appointmentId: appointment.id }, personId: winner }), {
    fileId: winner === olena.personId ? olena.fileId : namesake.fileId,
  });
});

test('the desk’s current ticket leads to the prepared file once its appointment is linked, and to linking before', async () => {
  const app = createTestApp(db, { clock });
  const appointment = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: clerk.ctx.actor.staffId,
    startsAt: new Date('2026-11-23T09:05:00Z'),
  });
  const ticket = await checkInWithCode(deps, reception.ctx.actor, { locationId: office.location.id, code: appointment.code });
  const browser = new Browser(app);
  assert.equal((await browser.signIn(clerk.username)).status, 303);
  const before = await browser.get(`/staff/tickets/${ticket.id}/file`);
  assert.equal(before.headers.get('location'), `/staff/link?ticket=${ticket.id}`);
  const linking = await browser.get(`/staff/link?ticket=${ticket.id}`);
  assert.equal(linking.status, 200);
  assert.match(await linking.text(), /Kovalenko, Olena/);
  const linked = await browser.submit(`/staff/link?ticket=${ticket.id}`, '/staff/link', { ticket: ticket.id, personId: olena.personId });
  assert.equal(linked.status, 303);
  const after = await browser.get(`/staff/tickets/${ticket.id}/file`);
  assert.equal(after.headers.get('location'), `/staff/files/${olena.fileId}`);
  const file = await (await browser.get(`/staff/files/${olena.fileId}`)).text();
  assert.match(file, /id="visits"[\s\S]*Wartenummer/);
});
