import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSheet } from 'read-excel-file/node';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { pdfText } from '../../../../test/pdf-tools.ts';
import { createClerk, createFrontOffice } from '../../../../test/front-desk-fixtures.ts';
import { createOffice, createService } from '../../../../test/office-factory.ts';
import { callNextTicket, createWalkInTicket } from '../../front-desk/index.ts';
import { loadStaffActor } from '../../staff/session-store.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T09:00:00Z'); // Monday 10:00 in Berlin
const sut = createTestApp(db, { url, clock });
const office = await createOffice(db);
const serviceId = await createService(db, office, { texts: { de: 'Verlängerung' } });
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId], specialtyIds: [office.specialtyId] });
const lead = await addStaff(db, 'team_lead', { locationIds: [office.locationId] });
await db.insertInto('working_hours').values({ staff_id: clerk.id, location_id: office.locationId, weekday: 1, starts: '07:00', ends: '16:00' }).execute();
const item = await db
  .insertInto('fee_item')
  .values({
    code: 'at-verlaengerung',
    name_de: 'Verlängerung der Aufenthaltserlaubnis',
    name_en: 'Extension',
    legal_basis: '§ 45 Nr. 2 AufenthV',
    created_at: clock.now(),
  })
  .returning('id')
  .executeTakeFirstOrThrow();
await db.insertInto('fee_rate').values({ fee_item_id: item.id, amount_cents: 9300, valid_from: '2024-01-01', created_at: clock.now() }).execute();
await db.insertInto('service_fee_item').values({ service_id: serviceId, fee_item_id: item.id }).execute();

test('a clerk takes the proposed fee after a visit, prints the receipt in German and Ukrainian; a team lead reverses it; the cash report adds up', async () => {
  const browser = new Browser(sut);
  await browser.signIn(clerk.username);
  const booked = await browser.submit('/staff/calendar/book', '/staff/calendar/book', {
    serviceId,
    locationId: office.locationId,
    start: '2026-11-23T11:00',
    name: 'Olena Kovalenko',
    dateOfBirth: '1985-04-02',
    email: '',
    language: 'uk',
  });
  assert.equal(booked.status, 303);
  const appointment = await db.selectFrom('appointment').select('id').where('person_name', '=', 'Olena Kovalenko').executeTakeFirstOrThrow();
  const page = `/staff/calendar/appointments/${appointment.id}`;
  assert.match(await (await browser.get(page)).text(), new RegExp(`/staff/payments/new\\?appointment=${appointment.id}`));

  const form = `/staff/payments/new?appointment=${appointment.id}`;
  const dialog = await (await browser.get(form)).text();
  assert.match(dialog, /<option value="[^"]+" selected="">Verlängerung der Aufenthaltserlaubnis \(§ 45 Nr\. 2 AufenthV\) · 93,00/);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(dialog)?.[1];
  assert.ok(key);
  const fields = {
    locationId: office.locationId,
    feeItemId: item.id,
    reductionId: '',
    method: 'cash',
    appointmentId: appointment.id,
    payerName: 'Olena Kovalenko',
    payerLanguage: 'uk',
    idempotencyKey: key,
  };
  const recorded = await browser.submit(form, '/staff/payments', fields);
  assert.equal(recorded.status, 303);
  // The same form sent again (back button, double click) records nothing new.
  assert.equal((await browser.submit(form, '/staff/payments', fields)).headers.get('location'), recorded.headers.get('location'));
  assert.equal((await db.selectFrom('payment').select('id').execute()).length, 1);
  // Bad input: an amount in the form is ignored, a method that does not exist is refused.
  assert.equal((await browser.submit(form, '/staff/payments', { ...fields, method: 'bitcoin', idempotencyKey: 'another-key-1' })).status, 422);

  const paymentPage = recorded.headers.get('location')!;
  const receipt = await browser.get(`${paymentPage}/receipt.pdf`);
  assert.equal(receipt.status, 200);
  assert.equal(receipt.headers.get('content-type'), 'application/pdf');
  const text = pdfText(Buffer.from(await receipt.arrayBuffer()));
  for (const expected of ['Quittung', 'Olena Kovalenko', '93,00', 'bar', 'Квитанція', 'готівка']) assert.ok(text.includes(expected), expected);

  const leadBrowser = new Browser(sut);
  await leadBrowser.signIn(lead.username);
  const leadView = await (await leadBrowser.get(paymentPage)).text();
  const reverseKey = /name="idempotencyKey" value="([^"]+)"/.exec(leadView)?.[1];
  assert.ok(reverseKey, 'a team lead sees the reversal form');
  assert.doesNotMatch(await (await browser.get(paymentPage)).text(), /\/reverse"/, 'a clerk does not');
  assert.equal((await leadBrowser.submit(paymentPage, `${paymentPage}/reverse`, { reason: '', idempotencyKey: reverseKey })).status, 422);
  const reversed = await leadBrowser.submit(paymentPage, `${paymentPage}/reverse`, { reason: 'falsche Zahlart', idempotencyKey: reverseKey });
  assert.equal(reversed.status, 303);

  const report = await (await leadBrowser.get('/staff/cash-report')).text();
  assert.match(report, /^<!DOCTYPE html>/i);
  assert.match(report, /2026-11-23/);
  const csv = await (await leadBrowser.get(`/staff/cash-report?location=${office.locationId}&day=2026-11-23&format=csv`)).text();
  assert.match(csv, /;cash;93,00;;;/);
  assert.match(csv, /;cash;-93,00;ja;falsche Zahlart;/);
  assert.match(csv, /\r\nSumme;;;;0,00;;;\r\n$/);
  // The workbook, read back by a spreadsheet reader: the same rows, amounts as numbers.
  const xlsx = await leadBrowser.get(`/staff/cash-report?location=${office.locationId}&day=2026-11-23&format=xlsx`);
  assert.equal(xlsx.status, 200);
  const sheet = await readSheet(Buffer.from(await xlsx.arrayBuffer()));
  assert.deepEqual(sheet[0]?.slice(0, 5), ['Quittung', 'Zeit', 'Gebühr', 'Zahlart', 'Betrag (EUR)']);
  assert.deepEqual(
    sheet.slice(1, 3).map((row) => [row[3], row[4], row[6]]),
    [
      ['cash', 93, null],
      ['cash', -93, 'falsche Zahlart'],
    ],
  );
  assert.deepEqual(sheet.at(-1)?.slice(0, 5), ['Summe', null, null, null, 0]);
});

test('at the desk: the fee of the ticket being served is proposed from its service, recorded with the ticket, and the payment page leads back to the desk', async () => {
  const front = await createFrontOffice(db);
  const elsewhere = await createFrontOffice(db);
  await db.insertInto('service_fee_item').values({ service_id: front.service, fee_item_id: item.id }).execute();
  const account = await addStaff(db, 'clerk', { locationIds: [front.location.id], specialtyIds: [front.front] });
  const deskClerk = (await loadStaffActor(db, account.id, 'session'))!;
  const deps = { db, clock };
  const ticket = await createWalkInTicket(deps, await createClerk(db, front.location.id, [], 'reception'), {
    locationId: front.location.id,
    serviceId: front.service,
    language: 'tr',
  });
  const foreign = await createWalkInTicket(deps, await createClerk(db, elsewhere.location.id, [], 'reception'), {
    locationId: elsewhere.location.id,
    serviceId: elsewhere.service,
    language: 'ar',
  });
  await callNextTicket(deps, deskClerk, { locationId: front.location.id, counterId: front.counters[0]!.id });
  const browser = new Browser(sut);
  await browser.signIn(account.username);

  const desk = `/desk?location=${front.location.id}&counter=${front.counters[0]!.id}`;
  const form = `/staff/payments/new?ticket=${ticket.id}&back=${encodeURIComponent(desk)}`;
  const dialog = await (await browser.get(form)).text();
  assert.match(dialog, /<option value="[^"]+" selected="">Verlängerung der Aufenthaltserlaubnis/, 'the service of the ticket proposes its fee');
  assert.match(dialog, new RegExp(`name="ticketId" value="${ticket.id}"`));
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(dialog)?.[1] ?? '';
  const fields = {
    locationId: front.location.id,
    feeItemId: item.id,
    reductionId: '',
    method: 'card',
    ticketId: ticket.id,
    back: desk,
    payerName: '',
    payerLanguage: 'tr',
    idempotencyKey: key,
  };
  const recorded = await browser.submit(form, '/staff/payments', fields);
  assert.equal(recorded.status, 303);
  const paymentPage = recorded.headers.get('location') ?? '';
  assert.match(paymentPage, /^\/staff\/payments\/[0-9a-f-]+\?back=%2Fdesk%3Flocation%3D/);
  const page = await (await browser.get(paymentPage)).text();
  assert.ok(page.includes(`href="${desk.replace('&', '&amp;')}"`), 'a way back to the counter');
  const payment = await db
    .selectFrom('payment')
    .select(['ticket_id', 'amount_cents', 'payer_language'])
    .where('ticket_id', '=', ticket.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(payment, { ticket_id: ticket.id, amount_cents: 9300, payer_language: 'tr' });

  // Refused: a way "back" to another site, and a fee booked onto another location's ticket.
  assert.equal((await browser.get(`/staff/payments/new?ticket=${ticket.id}&back=${encodeURIComponent('https://evil.example/desk')}`)).status, 404);
  const onForeign = await browser.submit(form, '/staff/payments', { ...fields, ticketId: foreign.id, idempotencyKey: 'foreign-ticket-key' });
  assert.equal(onForeign.status, 422);
  assert.equal((await db.selectFrom('payment').select('id').where('ticket_id', '=', foreign.id).execute()).length, 0);
});
