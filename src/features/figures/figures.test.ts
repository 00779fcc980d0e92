import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSheet } from 'read-excel-file/node';
import { createTestApp, fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createClerk, createFrontOffice } from '../../../test/front-desk-fixtures.ts';
import { insertAppointment } from '../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../test/staff.ts';
import { axisTicks } from '../../web/svg-chart.tsx';
import { periodFigures } from './period-figures.ts';

const { db } = await createTestDatabase();
// Wednesday 3 March 2027, 15:00 in Berlin: the period's last day.
const clock = fixedClock(new Date('2027-03-03T14:00:00Z'));
const office = await createFrontOffice(db);
const other = await createFrontOffice(db);
const clerk = await createClerk(db, office.location.id, [office.front]);
const otherClerk = await createClerk(db, other.location.id, [other.front]);
const at = (local: string) => new Date(`${local}+01:00`);

let number = 0;
async function ticket(
  day: string,
  input: { appointment?: boolean; status?: 'finished' | 'no_show' | 'waiting'; checkedIn: string; calledAfterMinutes?: number },
) {
  const checkedIn = at(`${day}T${input.checkedIn}:00`);
  const appointmentId = input.appointment
    ? await insertAppointment(
        db,
        { serviceId: office.service, locationId: office.location.id, staffId: clerk.staffId },
        checkedIn,
        new Date(checkedIn.getTime() + 5 * 60_000),
      )
    : null;
  // Checked in and served: the appointment is completed (as check-in and the desk leave it).
  if (appointmentId) await db.updateTable('appointment').set({ status: 'completed' }).where('id', '=', appointmentId).execute();
  const called = input.calledAfterMinutes === undefined ? null : new Date(checkedIn.getTime() + input.calledAfterMinutes * 60_000);
  const status = input.status ?? 'finished';
  await db
    .insertInto('ticket')
    .values({
      location_id: office.location.id,
      specialty_id: office.front,
      service_id: office.service,
      appointment_id: appointmentId,
      day,
      prefix: 'A',
      number: ++number,
      status,
      queued_at: checkedIn,
      checked_in_by: 'kiosk',
      checked_in_at: checkedIn,
      called_at: called,
      finished_at: status === 'waiting' ? null : new Date(checkedIn.getTime() + 60 * 60_000),
      outcome: status === 'finished' ? 'done' : null,
      updated_at: checkedIn,
    })
    .execute();
}

// 1 March: three with an appointment, one walk-in; 2 March: one walk-in who did not come when called.
await ticket('2027-03-01', { appointment: true, checkedIn: '08:10', calledAfterMinutes: 4 });
await ticket('2027-03-01', { appointment: true, checkedIn: '08:20', calledAfterMinutes: 6 });
await ticket('2027-03-01', { appointment: true, checkedIn: '09:05', calledAfterMinutes: 20 });
await ticket('2027-03-01', { checkedIn: '08:40', calledAfterMinutes: 30 });
await ticket('2027-03-02', { status: 'no_show', checkedIn: '10:00', calledAfterMinutes: 12 });
// A booked appointment on 2 March nobody came to (no ticket), and one later today (not missed yet).
await insertAppointment(
  db,
  { serviceId: office.service, locationId: office.location.id, staffId: clerk.staffId },
  at('2027-03-02T11:00:00'),
  at('2027-03-02T11:15:00'),
);
await insertAppointment(
  db,
  { serviceId: office.service, locationId: office.location.id, staffId: clerk.staffId },
  at('2027-03-03T16:00:00'),
  at('2027-03-03T16:15:00'),
);

// Fees: two card payments and one cash payment reversed on 1 March; one payment at the other location.
const lead = await addStaff(db, 'team_lead', { locationIds: [office.location.id] });
const item = await db
  .insertInto('fee_item')
  .values({ code: 'fig-verl', name_de: 'Verlängerung', name_en: 'Extension', legal_basis: '§ 45 AufenthV', created_at: clock.now() })
  .returning('id')
  .executeTakeFirstOrThrow();
const rate = await db
  .insertInto('fee_rate')
  .values({ fee_item_id: item.id, amount_cents: 9300, valid_from: '2024-01-01', created_at: clock.now() })
  .returning('id')
  .executeTakeFirstOrThrow();
let receipt = 0;
async function pay(locationId: string, cents: number, method: 'card' | 'cash', reverses?: string) {
  const row = await db
    .insertInto('payment')
    .values({
      location_id: locationId,
      receipt_number: `FIG-${++receipt}`,
      fee_item_id: item.id,
      fee_rate_id: rate.id,
      amount_cents: cents,
      method,
      recorded_at: at('2027-03-01T10:00:00'),
      recorded_by: lead.id,
      idempotency_key: `figures-key-${receipt}`,
      reverses_payment_id: reverses ?? null,
      reason: reverses ? 'falsch erfasst' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
await pay(office.location.id, 9300, 'card');
await pay(office.location.id, 9300, 'card');
await pay(office.location.id, -9300, 'cash', await pay(office.location.id, 9300, 'cash'));
await pay(other.location.id, 9300, 'card');

test('the figures of a period: visits per day with the share by appointment, no-shows, waits per queue and hour, fees', async () => {
  const figures = await periodFigures({ db, clock }, clerk, { locationId: office.location.id, from: '2027-03-01', to: '2027-03-03' });
  assert.deepEqual(
    figures.days.map((d) => [d.day, d.withAppointment, d.withoutAppointment, d.noShows]),
    [
      ['2027-03-01', 3, 1, 0],
      ['2027-03-02', 0, 1, 2],
      ['2027-03-03', 0, 0, 0],
    ],
  );
  assert.equal(figures.days[0]?.share, 0.75);
  assert.equal(figures.days[2]?.share, null, 'no visits: no share (not 0 %)');
  assert.deepEqual(figures.totals, { withAppointment: 3, withoutAppointment: 2, share: 0.6, noShows: 2, finished: 4, feesCents: 18600 });
  // Checked in at 08:xx: waits 4, 6, 30 minutes; at 09:05: 20; at 10:00: 12.
  assert.deepEqual(
    figures.waits.map((w) => [w.prefix, w.hour, w.called, w.medianMinutes]),
    [
      ['A', 8, 3, 6],
      ['A', 9, 1, 20],
      ['A', 10, 1, 12],
    ],
  );
  assert.equal(figures.waits[0]?.p90Minutes, 25.2);
  assert.deepEqual(
    figures.fees.map((f) => [f.method, f.count, f.cents]),
    [
      ['card', 2, 18600],
      ['cash', 2, 0],
    ],
  );
});

test('without a choice the last four weeks up to today; a reversed period, a period over a year, another location: refused', async () => {
  const figures = await periodFigures({ db, clock }, clerk, { locationId: office.location.id });
  assert.equal(figures.to, '2027-03-03');
  assert.equal(figures.from, '2027-02-04');
  assert.equal(figures.days.length, 28);
  await assert.rejects(periodFigures({ db, clock }, clerk, { locationId: office.location.id, from: '2027-03-03', to: '2027-03-01' }), {
    code: 'validation_failed',
  });
  await assert.rejects(periodFigures({ db, clock }, clerk, { locationId: office.location.id, from: '2026-01-01', to: '2027-03-01' }), {
    code: 'validation_failed',
  });
  await assert.rejects(periodFigures({ db, clock }, otherClerk, { locationId: office.location.id }), { code: 'forbidden' });
  await assert.rejects(periodFigures({ db, clock }, clerk, { locationId: '00000000-0000-4000-8000-000000000000' }), { code: 'not_found' });
});

test('the page draws each chart as SVG with a title, a description and its table; CSV and Excel hold the same numbers', async () => {
  const app = createTestApp(db, { clock });
  const browser = new Browser(app);
  await browser.signIn(lead.username);
  const query = `location=${office.location.id}&from=2027-03-01&to=2027-03-03`;
  const page = await browser.get(`/staff/figures?${query}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /^<!doctype html>/i);
  for (const id of ['chart-visits', 'chart-share', 'chart-no-shows', 'chart-waits', 'chart-fees']) {
    const figure = new RegExp(
      `<figure class="chart" id="${id}"><h3 class="chart-title" id="${id}-title">[^<]+</h3><svg[^>]*role="img" aria-labelledby="${id}-title ${id}-desc"[^>]*><title>[^<]+</title><desc id="${id}-desc">[^<]+</desc>`,
    );
    assert.match(html, figure, id);
  }
  assert.match(html, /data-testid="share">60 %</);
  assert.match(html, /<caption>Vorsprachen je Tag, mit und ohne Termin<\/caption>/);

  const csv = await browser.get(`/staff/figures/visits.csv?${query}`);
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
  const lines = (await csv.text())
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  assert.deepEqual(lines, [
    'Tag;Mit Termin;Ohne Termin;Anteil mit Termin (%);Nicht erschienen;Abgeschlossen',
    '2027-03-01;3;1;75,0;0;4',
    '2027-03-02;0;1;0,0;2;0',
    '2027-03-03;0;0;;0;0',
  ]);
  const fees = (await (await browser.get(`/staff/figures/fees.csv?${query}`)).text()).trim().split('\r\n');
  assert.deepEqual(fees.slice(1), ['fig-verl Verlängerung;Karte;2;186,00', 'fig-verl Verlängerung;bar;2;0,00']);

  const xlsx = await browser.get(`/staff/figures.xlsx?${query}`);
  assert.equal(xlsx.status, 200);
  const workbook = Buffer.from(await xlsx.arrayBuffer());
  const visits = await readSheet(workbook, 1);
  assert.deepEqual(visits[1], ['2027-03-01', 3, 1, 75, 0, 4]);
  const feeSheet = await readSheet(workbook, 3);
  assert.deepEqual(feeSheet[1], ['fig-verl Verlängerung', 'Karte', 2, 186]);

  assert.equal((await browser.get(`/staff/figures/secrets.csv?${query}`)).status, 404);
  assert.equal((await browser.get(`/staff/figures?location=${office.location.id}&from=03.01.2027`)).status, 422);
  assert.equal((await browser.get(`/staff/figures?location=${other.location.id}`)).status, 403);
  assert.equal((await new Browser(app).get(`/staff/figures?${query}`)).status, 303, 'signed out: to the sign-in page');
});

test('axis ticks are round numbers that reach the largest value', () => {
  assert.deepEqual(axisTicks(0), [0, 1]);
  assert.deepEqual(axisTicks(4), [0, 1, 2, 3, 4]);
  assert.deepEqual(axisTicks(7), [0, 2, 4, 6, 8]);
  assert.deepEqual(axisTicks(85), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(axisTicks(186), [0, 50, 100, 150, 200]);
  assert.deepEqual(axisTicks(2), [0, 0.5, 1, 1.5, 2]);
  assert.deepEqual(axisTicks(2, true), [0, 1, 2], 'counts step by whole numbers');
});
