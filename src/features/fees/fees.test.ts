import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createOffice, createService } from '../../../test/office-factory.ts';
import { addStaff } from '../../../test/staff.ts';
import { isAppError } from '../../shared/app-error.ts';
import type { ChangeContext, StaffActor, StaffRole } from '../staff/index.ts';
import { addFeeRate, cashReport, cashReportCsv, proposeFee, recordPayment, reducedAmount, reversePayment } from './index.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T09:00:00Z'); // Monday 10:00 in Berlin
const deps = { db, clock };
const office = await createOffice(db);
const other = await createOffice(db);
const serviceId = await createService(db, office, { texts: { de: 'Verlängerung' } });

const now = clock.now();
const item = await db
  .insertInto('fee_item')
  .values({
    code: 'at-verlaengerung',
    name_de: 'Verlängerung der Aufenthaltserlaubnis',
    name_en: 'Extension',
    legal_basis: '§ 45 Nr. 2 AufenthV',
    created_at: now,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
await db.insertInto('fee_rate').values({ fee_item_id: item.id, amount_cents: 9300, valid_from: '2024-01-01', created_at: now }).execute();
await db.insertInto('service_fee_item').values({ service_id: serviceId, fee_item_id: item.id }).execute();
// An item whose amount only applies from next year: not chargeable today.
const future = await db
  .insertInto('fee_item')
  .values({ code: 'kuenftig', name_de: 'Künftige Gebühr', name_en: 'Future fee', legal_basis: '§ 99 AufenthV', created_at: now })
  .returning('id')
  .executeTakeFirstOrThrow();
await db.insertInto('fee_rate').values({ fee_item_id: future.id, amount_cents: 5000, valid_from: '2027-01-01', created_at: now }).execute();
const half = await db
  .insertInto('fee_reduction')
  .values({ code: 'minderjaehrig', name_de: 'Minderjährig', name_en: 'Minor', legal_basis: '§ 50 AufenthV', percent_off: 50, for_minors: true })
  .returning('id')
  .executeTakeFirstOrThrow();
const exempt = await db
  .insertInto('fee_reduction')
  .values({ code: 'leistungsbezug', name_de: 'Leistungsbezug', name_en: 'Benefits', legal_basis: '§ 53 AufenthV', percent_off: 100 })
  .returning('id')
  .executeTakeFirstOrThrow();

async function contextFor(role: StaffRole, locationIds: string[]): Promise<ChangeContext> {
  const staff = await addStaff(db, role, { locationIds });
  const actor: StaffActor = {
    kind: 'staff',
    staffId: staff.id,
    displayName: staff.username,
    username: staff.username,
    role,
    locationIds,
    specialtyIds: [],
    via: 'session',
  };
  return { actor, screen: 'test', ip: undefined };
}
const clerk = await contextFor('clerk', [office.locationId]);
const lead = await contextFor('team_lead', [office.locationId]);
const stranger = await contextFor('clerk', [other.locationId]);

const base = (key = randomUUID()) => ({
  locationId: office.locationId,
  feeItemId: item.id,
  reductionId: null,
  method: 'card' as const,
  appointmentId: null,
  ticketId: null,
  payerName: 'Olena Kovalenko',
  payerLanguage: 'uk',
  idempotencyKey: key,
});
const refused = (code: string) => (error: unknown) => isAppError(error) && error.code === code;
const payments = () => db.selectFrom('payment').selectAll().orderBy('receipt_number').execute();

test('the dialog proposes the service’s fee and, for a minor on the day, the half fee; a fee without a rate today is not offered', async () => {
  const minor = await db
    .insertInto('appointment')
    .values({
      starts_at: new Date('2026-11-23T10:00:00Z'),
      ends_at: new Date('2026-11-23T10:30:00Z'),
      location_id: office.locationId,
      staff_id: clerk.actor.staffId,
      service_id: serviceId,
      code: 'FEE1234',
      manage_secret_hash: 'x',
      person_name: 'Taras Bondarenko',
      date_of_birth: '2008-11-24', // 17 on the day, 18 tomorrow
      email: '',
      email_normalized: '',
      language: 'uk',
      created_by: 'staff',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const proposal = await proposeFee(deps, clerk.actor, { appointmentId: minor.id });
  assert.deepEqual(
    proposal.items.map((i) => [i.name, i.amountCents, i.proposed]),
    [['Verlängerung der Aufenthaltserlaubnis', 9300, true]],
  );
  assert.deepEqual(
    proposal.reductions.filter((r) => r.proposed).map((r) => r.id),
    [half.id],
  );
  assert.equal(proposal.payerName, 'Taras Bondarenko');
  await assert.rejects(proposeFee(deps, stranger.actor, { appointmentId: minor.id }), refused('forbidden'));
});

test('the amount comes from the rate of the day and the reduction, never from the form; exempt is recorded without payment', async () => {
  const halfPaid = await recordPayment(deps, clerk, { ...base(), reductionId: half.id, method: 'cash' });
  const free = await recordPayment(deps, clerk, { ...base(), reductionId: exempt.id, method: 'cash' });
  const rows = await db.selectFrom('payment').select(['id', 'amount_cents', 'method']).where('id', 'in', [halfPaid.id, free.id]).execute();
  assert.deepEqual(
    rows.find((r) => r.id === halfPaid.id),
    { id: halfPaid.id, amount_cents: 4650, method: 'cash' },
  );
  assert.deepEqual(
    rows.find((r) => r.id === free.id),
    { id: free.id, amount_cents: 0, method: 'none' },
  );
  assert.equal(reducedAmount(9300, 50), 4650);
  assert.equal(reducedAmount(1300, 50), 650);
  assert.equal(reducedAmount(6700, 50), 3350);
});

test('a double click and a retry record one payment; parallel payments get receipt numbers without gaps or twins', async () => {
  const before = (await payments()).length;
  const key = randomUUID();
  const [first, second] = await Promise.all([recordPayment(deps, clerk, base(key)), recordPayment(deps, clerk, base(key))]);
  assert.equal(first.id, second.id);
  assert.equal((await recordPayment(deps, clerk, base(key))).replayed, true);
  // Another clerk cannot take over the form's key.
  await assert.rejects(recordPayment(deps, lead, base(key)), refused('conflict'));
  await Promise.all(Array.from({ length: 12 }, () => recordPayment(deps, clerk, base())));
  const all = await payments();
  assert.equal(all.length, before + 13);
  const numbers = all.filter((p) => p.location_id === office.locationId).map((p) => Number(p.receipt_number.split('-').at(-1)));
  assert.deepEqual(
    numbers.sort((a, b) => a - b),
    Array.from({ length: numbers.length }, (_, i) => i + 1),
  );
});

test('bad payments are refused with a clear message and write nothing', async () => {
  const before = (await payments()).length;
  await assert.rejects(
    recordPayment(deps, clerk, { ...base(), feeItemId: future.id }),
    (e) => refused('validation_failed')(e) && /no amount valid today/.test(String(e)),
  );
  await assert.rejects(recordPayment(deps, clerk, { ...base(), reductionId: randomUUID() }), refused('validation_failed'));
  await assert.rejects(recordPayment(deps, clerk, { ...base(), appointmentId: randomUUID() }), refused('validation_failed'));
  await assert.rejects(recordPayment(deps, stranger, base()), refused('forbidden'));
  await assert.rejects(recordPayment(deps, clerk, { ...base(), locationId: randomUUID() }), refused('not_found'));
  assert.equal((await payments()).length, before);
  const denied = await db.selectFrom('audit_entry').select('outcome').where('actor_staff_id', '=', stranger.actor.staffId).execute();
  assert.ok(
    denied.some((entry) => entry.outcome === 'denied'),
    'the refusal is audited',
  );
});

test('a team lead reverses a payment once, with a reason; a reversal is never reversed; a payment is never edited or deleted', async () => {
  const paid = await recordPayment(deps, clerk, base());
  await assert.rejects(reversePayment(deps, clerk, { paymentId: paid.id, reason: 'falsche Gebühr', idempotencyKey: randomUUID() }), refused('forbidden'));
  const reversal = await reversePayment(deps, lead, { paymentId: paid.id, reason: 'falsche Gebühr', idempotencyKey: randomUUID() });
  const row = await db.selectFrom('payment').selectAll().where('id', '=', reversal.id).executeTakeFirstOrThrow();
  assert.equal(row.amount_cents, -9300);
  assert.equal(row.reverses_payment_id, paid.id);
  assert.equal(row.reason, 'falsche Gebühr');
  await assert.rejects(reversePayment(deps, lead, { paymentId: paid.id, reason: 'nochmal', idempotencyKey: randomUUID() }), refused('conflict'));
  await assert.rejects(reversePayment(deps, lead, { paymentId: reversal.id, reason: 'zurück', idempotencyKey: randomUUID() }), refused('validation_failed'));
  // Two team leads at the same moment: one reversal.
  const again = await recordPayment(deps, clerk, base());
  const results = await Promise.allSettled(
    [1, 2].map(() => reversePayment(deps, lead, { paymentId: again.id, reason: 'doppelt', idempotencyKey: randomUUID() })),
  );
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  assert.equal((await db.selectFrom('payment').select('id').where('reverses_payment_id', '=', again.id).execute()).length, 1);
  // The database keeps payments as they were written.
  await assert.rejects(sql`UPDATE payment SET amount_cents = 1 WHERE id = ${paid.id}`.execute(db), /never changed/);
  await assert.rejects(sql`DELETE FROM payment WHERE id = ${paid.id}`.execute(db), /never changed/);
  await sql`UPDATE payment SET payer_name = NULL WHERE id = ${paid.id}`.execute(db); // erasure of the name only
});

test('a new amount from a day on ends the current one; history cannot be rewritten', async () => {
  const admin = await contextFor('admin', []);
  await addFeeRate(deps, admin, { feeItemId: item.id, amountCents: 9800, validFrom: '2027-03-01' });
  const rates = await db
    .selectFrom('fee_rate')
    .select(['amount_cents', 'valid_from', 'valid_until'])
    .where('fee_item_id', '=', item.id)
    .orderBy('valid_from')
    .execute();
  assert.deepEqual(
    rates.map((r) => [r.amount_cents, String(r.valid_from), r.valid_until === null ? null : String(r.valid_until)]),
    [
      [9300, '2024-01-01', '2027-02-28'],
      [9800, '2027-03-01', null],
    ],
  );
  await assert.rejects(addFeeRate(deps, admin, { feeItemId: item.id, amountCents: 1, validFrom: '2027-03-01' }), refused('validation_failed'));
  await assert.rejects(addFeeRate(deps, clerk, { feeItemId: item.id, amountCents: 1, validFrom: '2028-01-01' }), refused('forbidden'));
  await assert.rejects(
    db.insertInto('fee_rate').values({ fee_item_id: item.id, amount_cents: 1, valid_from: '2026-06-01', created_at: now }).execute(),
    /conflicting key value|exclusion/,
  );
  await assert.rejects(sql`UPDATE fee_rate SET amount_cents = 1 WHERE fee_item_id = ${item.id} AND valid_until IS NOT NULL`.execute(db), /history/);
  // Today still the old amount.
  assert.equal((await proposeFee(deps, clerk.actor, { locationId: office.locationId })).items.find((i) => i.id === item.id)?.amountCents, 9300);
});

test('the cash report lists the day’s payments with totals per method that match them, as CSV for the cash office', async () => {
  await recordPayment(deps, clerk, { ...base(), method: 'invoice' });
  const paid = await recordPayment(deps, clerk, { ...base(), method: 'cash' });
  await reversePayment(deps, lead, { paymentId: paid.id, reason: '=HYPERLINK("http://x")', idempotencyKey: randomUUID() });
  const report = await cashReport(deps, lead, { locationId: office.locationId, day: '2026-11-23' });
  const listed = await db.selectFrom('payment').select(['method', 'amount_cents']).where('location_id', '=', office.locationId).execute();
  assert.equal(report.payments.length, listed.length);
  for (const method of ['card', 'cash', 'invoice', 'none']) {
    const expected = listed.filter((p) => p.method === method).reduce((sum, p) => sum + p.amount_cents, 0);
    assert.equal(report.totals.find((t) => t.method === method)?.cents ?? 0, expected, method);
  }
  assert.equal(
    report.totalCents,
    listed.reduce((sum, p) => sum + p.amount_cents, 0),
  );
  assert.equal((await cashReport(deps, lead, { locationId: office.locationId, day: '2026-11-24' })).payments.length, 0, 'another day');
  await assert.rejects(cashReport(deps, clerk, { locationId: office.locationId, day: '2026-11-23' }), refused('forbidden'));
  const csv = cashReportCsv(report, () => '10:00');
  assert.ok(csv.startsWith('\ufeffQuittung;Zeit;'));
  assert.match(csv, /;-93,00;ja;"'=HYPERLINK\(""http:\/\/x""\)";/, 'a formula in a cell is defused');
  assert.match(csv, new RegExp(`Summe;;;;${(report.totalCents / 100).toFixed(2).replace('.', ',').replace('-', '\\-')};`));
});
