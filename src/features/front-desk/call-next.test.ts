import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/database.ts';
import { createClerk, createFrontOffice, kioskAt } from '../../../test/front-desk-fixtures.ts';
import { fixedClock } from '../../shared/clock.ts';
import type { AppError } from '../../shared/app-error.ts';
import type { CallFacts } from './display-events.ts';
import { displayCall } from './display-texts.ts';
import { callNextTicket, createWalkInTicket, finishTicket, markNoShow, parkTicket, recallTicket, resumeTicket, transferTicket } from './index.ts';

const { db } = await createTestDatabase({ poolSize: 25 });
const clock = fixedClock('2026-11-23T08:00:00Z');

test('20 clerks pressing Call next at the same moment on 10 waiting tickets: 10 distinct calls, 10 told the queue is empty', async () => {
  const office = await createFrontOffice(db, { counters: 20 });
  const kiosk = kioskAt(office.location.id);
  for (let i = 0; i < 10; i++) {
    await createWalkInTicket({ db, clock }, kiosk, {
      locationId: office.location.id,
      serviceId: office.service,
      language: 'de',
      idempotencyKey: `walk-in-key-${i}`,
    }).catch(async (error) => {
      // The fixture's kiosk quota is 5; the remaining tickets come from reception.
      if ((error as AppError).details?.reason !== 'quota_used_up') throw error;
      const reception = await createClerk(db, office.location.id, [], 'reception');
      await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'de' });
    });
  }
  const clerks = await Promise.all(office.counters.map(() => createClerk(db, office.location.id, [office.front])));
  const sut = (i: number) => callNextTicket({ db, clock }, clerks[i]!, { locationId: office.location.id, counterId: office.counters[i]!.id });
  const results = await Promise.all(clerks.map((_, i) => sut(i)));
  const called = results.filter((r) => r !== null);
  assert.equal(called.length, 10);
  assert.equal(results.filter((r) => r === null).length, 10);
  assert.equal(new Set(called.map((r) => r.id)).size, 10, 'no ticket was called twice');
  const rows = await db.selectFrom('ticket').select(['status', 'staff_id']).where('location_id', '=', office.location.id).execute();
  assert.equal(rows.filter((r) => r.status === 'called').length, 10);
  assert.equal(new Set(rows.map((r) => r.staff_id)).size, 10);
  const events = await db.selectFrom('display_event').select('id').where('location_id', '=', office.location.id).execute();
  assert.equal(events.length, 10);
});

test('queue order: priority first, then appointments by time, then walk-ins by arrival', async () => {
  const office = await createFrontOffice(db);
  const reception = await createClerk(db, office.location.id, [], 'reception');
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const deps = { db, clock: fixedClock('2026-11-23T08:00:00Z') };
  const first = await createWalkInTicket(deps, reception, { locationId: office.location.id, serviceId: office.service, language: 'de' });
  deps.clock.advance(60_000);
  const second = await createWalkInTicket(deps, reception, { locationId: office.location.id, serviceId: office.service, language: 'de' });
  deps.clock.advance(60_000);
  const urgent = await createWalkInTicket(deps, reception, {
    locationId: office.location.id,
    serviceId: office.service,
    language: 'de',
    priority: true,
    priorityReason: 'pregnancy',
  });
  const order = [];
  for (let i = 0; i < 3; i++) {
    const called = await callNextTicket(deps, clerk, { locationId: office.location.id, counterId: office.counters[0]!.id });
    assert.ok(called);
    order.push(called.id);
    await finishTicket(deps, clerk, { ticketId: called.id, outcome: { result: 'done' } });
  }
  assert.deepEqual(order, [urgent.id, first.id, second.id]);
});

test('a clerk cannot call for a specialty that is not theirs, nor call while still serving', async () => {
  const office = await createFrontOffice(db);
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const reception = await createClerk(db, office.location.id, [], 'reception');
  await assert.rejects(
    callNextTicket({ db, clock }, clerk, { locationId: office.location.id, counterId: office.counters[0]!.id, specialtyIds: [office.back] }),
    (error: AppError) => error.code === 'forbidden' && error.details?.reason === 'specialty_not_yours',
  );
  await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'de' });
  await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'de' });
  assert.ok(await callNextTicket({ db, clock }, clerk, { locationId: office.location.id, counterId: office.counters[0]!.id }));
  await assert.rejects(
    callNextTicket({ db, clock }, clerk, { locationId: office.location.id, counterId: office.counters[0]!.id }),
    (error: AppError) => error.code === 'conflict' && error.details?.reason === 'still_serving',
  );
  assert.equal((await db.selectFrom('ticket').select('id').where('location_id', '=', office.location.id).where('status', '=', 'waiting').execute()).length, 1);
});

test('recall, no-show after recalls, and a stale action on a ticket someone else finished changes nothing', async () => {
  const office = await createFrontOffice(db);
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const other = await createClerk(db, office.location.id, [office.front, office.back], 'team_lead');
  const reception = await createClerk(db, office.location.id, [], 'reception');
  await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'ar' });
  const called = await callNextTicket({ db, clock }, clerk, { locationId: office.location.id, counterId: office.counters[0]!.id });
  assert.ok(called);
  assert.equal((await recallTicket({ db, clock }, clerk, called.id)).recallCount, 1);
  assert.equal((await recallTicket({ db, clock }, clerk, called.id)).recallCount, 2);
  await assert.rejects(recallTicket({ db, clock }, clerk, called.id), (error: AppError) => error.details?.reason === 'recalls_used_up');
  await assert.rejects(
    finishTicket({ db, clock }, other, { ticketId: called.id, outcome: { result: 'done' } }),
    (error: AppError) => error.details?.reason === 'not_your_ticket',
  );
  await markNoShow({ db, clock }, clerk, called.id);
  await assert.rejects(
    transferTicket({ db, clock }, clerk, { ticketId: called.id, toSpecialtyId: office.back, note: 'x', visitorWaits: true }),
    (error: AppError) => error.code === 'conflict' && error.details?.reason === 'stale',
  );
  const ticket = await db.selectFrom('ticket').selectAll().where('id', '=', called.id).executeTakeFirstOrThrow();
  assert.equal(ticket.status, 'no_show');
  assert.equal(ticket.specialty_id, office.front);
  const events = await db.selectFrom('display_event').select(['kind', 'payload']).where('ticket_id', '=', called.id).orderBy('id').execute();
  assert.deepEqual(
    events.map((e) => e.kind),
    ['call', 'recall', 'recall'],
  );
  // The use case stores facts; the display layer says them in German and the visitor's language.
  const payload = events[0]!.payload as CallFacts;
  assert.deepEqual(payload, { number: called.displayNumber, counter: 'Schalter 1', kind: 'call', at: clock.now().toISOString(), language: 'ar' });
  const shown = displayCall(payload);
  assert.deepEqual(
    shown.texts.map((t) => t.lang),
    ['de', 'ar'],
  );
  assert.equal(shown.texts[1]!.dir, 'rtl');
  assert.equal(shown.texts[0]!.text, `Nummer ${called.displayNumber} bitte zu Schalter 1`);
  assert.doesNotMatch(JSON.stringify(payload), /Kovalenko|@/);
});

test('transfer with a note: the visitor waits in the back office queue with the same number; finish records the fee', async () => {
  const office = await createFrontOffice(db);
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const backClerk = await createClerk(db, office.location.id, [office.back]);
  const reception = await createClerk(db, office.location.id, [], 'reception');
  const issued = await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'tr' });
  const called = await callNextTicket({ db, clock }, clerk, { locationId: office.location.id, counterId: office.counters[0]!.id });
  assert.equal(called?.id, issued.id);
  await transferTicket({ db, clock }, clerk, { ticketId: issued.id, toSpecialtyId: office.back, note: 'Pass abgelaufen, bitte prüfen', visitorWaits: true });
  const again = await callNextTicket({ db, clock }, backClerk, { locationId: office.location.id, counterId: office.counters[1]!.id });
  assert.equal(again?.displayNumber, issued.displayNumber);
  await finishTicket({ db, clock }, backClerk, { ticketId: issued.id, outcome: { result: 'done' } });
  const ticket = await db.selectFrom('ticket').selectAll().where('id', '=', issued.id).executeTakeFirstOrThrow();
  assert.equal(ticket.status, 'finished');
  const notes = await db.selectFrom('ticket_transfer').select(['note', 'created_at']).where('ticket_id', '=', issued.id).execute();
  assert.deepEqual(
    notes.map((n) => n.note),
    ['Pass abgelaufen, bitte prüfen'],
  );
  // Retention erases notes by this time, counted against the office clock.
  assert.deepEqual(
    notes.map((n) => n.created_at),
    [clock.now()],
  );
});

test('a call stored before the display layer translated keeps its stored texts', () => {
  const texts = [{ lang: 'de', dir: 'ltr' as const, text: 'Nummer A001 bitte zu Schalter 1' }];
  assert.deepEqual(displayCall({ number: 'A001', counter: 'Schalter 1', kind: 'call', at: '2026-11-23T08:00:00.000Z', texts }).texts, texts);
});

test('park and resume: a parked visitor waits for the clerk, who serves others meanwhile; a colleague of the queue calls them back', async () => {
  const office = await createFrontOffice(db);
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const colleague = await createClerk(db, office.location.id, [office.front]);
  const backOffice = await createClerk(db, office.location.id, [office.back]);
  const reception = await createClerk(db, office.location.id, [], 'reception');
  const deps = { db, clock };
  const parked = await createWalkInTicket(deps, reception, { locationId: office.location.id, serviceId: office.service, language: 'uk' });
  const next = await createWalkInTicket(deps, reception, { locationId: office.location.id, serviceId: office.service, language: 'de' });
  const [first, second] = [office.counters[0]!, office.counters[1]!];
  assert.equal((await callNextTicket(deps, clerk, { locationId: office.location.id, counterId: first.id }))?.id, parked.id);
  await parkTicket(deps, clerk, parked.id);
  const row = () => db.selectFrom('ticket').select(['status', 'counter_id', 'staff_id', 'recall_count']).where('id', '=', parked.id).executeTakeFirstOrThrow();
  assert.deepEqual(await row(), { status: 'parked', counter_id: null, staff_id: clerk.staffId, recall_count: 0 });
  // The counter is free again: the clerk serves the next visitor meanwhile, not the parked one.
  assert.equal((await callNextTicket(deps, clerk, { locationId: office.location.id, counterId: first.id }))?.id, next.id);
  await assert.rejects(
    resumeTicket(deps, clerk, { ticketId: parked.id, counterId: first.id }),
    (error: AppError) => error.code === 'conflict' && error.details?.reason === 'still_serving',
  );
  await assert.rejects(
    resumeTicket(deps, backOffice, { ticketId: parked.id, counterId: second.id }),
    (error: AppError) => error.code === 'forbidden' && error.details?.reason === 'specialty_not_yours',
  );
  await assert.rejects(resumeTicket(deps, colleague, { ticketId: next.id, counterId: second.id }), (error: AppError) => error.details?.reason === 'stale');
  assert.deepEqual(await row(), { status: 'parked', counter_id: null, staff_id: clerk.staffId, recall_count: 0 }, 'refused resumes change nothing');

  const resumed = await resumeTicket(deps, colleague, { ticketId: parked.id, counterId: second.id });
  assert.deepEqual(await row(), { status: 'called', counter_id: second.id, staff_id: colleague.staffId, recall_count: 0 });
  const event = await db.selectFrom('display_event').select(['id', 'kind', 'payload']).where('id', '=', String(resumed.eventId)).executeTakeFirstOrThrow();
  assert.equal(event.kind, 'call');
  assert.deepEqual((event.payload as CallFacts).counter, second.name, 'the displays call the visitor to the new counter');
  await assert.rejects(parkTicket(deps, clerk, parked.id), (error: AppError) => error.details?.reason === 'not_your_ticket');
});
