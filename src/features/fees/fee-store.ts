import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.generated.ts';

type Reader = Database | Transaction<DB>;

/** The fee items with the rate valid on `day` (none: the item cannot be charged that day). */
export function itemsOnDay(db: Reader, day: string) {
  return db
    .selectFrom('fee_item')
    .leftJoin('fee_rate', (j) =>
      j
        .onRef('fee_rate.fee_item_id', '=', 'fee_item.id')
        .on('fee_rate.valid_from', '<=', day)
        .on((eb) => eb.or([eb('fee_rate.valid_until', 'is', null), eb('fee_rate.valid_until', '>=', day)])),
    )
    .select([
      'fee_item.id',
      'fee_item.code',
      'fee_item.name_de',
      'fee_item.name_en',
      'fee_item.legal_basis',
      'fee_item.active',
      'fee_rate.id as rate_id',
      'fee_rate.amount_cents',
    ])
    .orderBy('fee_item.name_de')
    .execute();
}

export function rateOnDay(db: Reader, itemId: string, day: string) {
  return db
    .selectFrom('fee_rate')
    .innerJoin('fee_item', 'fee_item.id', 'fee_rate.fee_item_id')
    .select(['fee_rate.id', 'fee_rate.amount_cents', 'fee_item.id as item_id', 'fee_item.code', 'fee_item.name_de', 'fee_item.name_en', 'fee_item.legal_basis'])
    .where('fee_rate.fee_item_id', '=', itemId)
    .where('fee_item.active', '=', true)
    .where('fee_rate.valid_from', '<=', day)
    .where((eb) => eb.or([eb('fee_rate.valid_until', 'is', null), eb('fee_rate.valid_until', '>=', day)]))
    .executeTakeFirst();
}

export function reductions(db: Reader) {
  return db.selectFrom('fee_reduction').selectAll().where('active', '=', true).orderBy('percent_off', 'desc').orderBy('name_de').execute();
}

export function reductionById(db: Reader, id: string) {
  return db.selectFrom('fee_reduction').selectAll().where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export function feeItemsOfService(db: Reader, serviceId: string) {
  return db.selectFrom('service_fee_item').select('fee_item_id').where('service_id', '=', serviceId).execute();
}

/** The next receipt number of the location and year; the row lock orders concurrent payments. */
export async function nextReceiptNumber(trx: Transaction<DB>, locationId: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('receipt_sequence')
    .values({ location_id: locationId, year, last_number: 1 })
    .onConflict((oc) => oc.columns(['location_id', 'year']).doUpdateSet({ last_number: sql`receipt_sequence.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export function locationForReceipt(db: Reader, locationId: string) {
  return db.selectFrom('location').select(['id', 'slug', 'name', 'time_zone']).where('id', '=', locationId).executeTakeFirst();
}

export type PaymentColumns = {
  location_id: string;
  receipt_number: string;
  fee_item_id: string;
  fee_rate_id: string;
  reduction_id: string | null;
  amount_cents: number;
  method: 'card' | 'cash' | 'invoice' | 'none';
  appointment_id: string | null;
  ticket_id: string | null;
  payer_name: string | null;
  payer_language: string;
  reverses_payment_id: string | null;
  reason: string | null;
  recorded_at: Date;
  recorded_by: string;
  idempotency_key: string;
};

export function insertPayment(trx: Transaction<DB>, columns: PaymentColumns) {
  return trx.insertInto('payment').values(columns).returning('id').executeTakeFirstOrThrow();
}

export function paymentByKey(db: Reader, idempotencyKey: string) {
  return db.selectFrom('payment').select(['id', 'recorded_by', 'location_id']).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

/** One payment with what its receipt shows. `forUpdate` locks it (a reversal is being written). */
export function paymentWithItem(db: Reader, id: string) {
  return db
    .selectFrom('payment')
    .innerJoin('fee_item', 'fee_item.id', 'payment.fee_item_id')
    .innerJoin('fee_rate', 'fee_rate.id', 'payment.fee_rate_id')
    .leftJoin('fee_reduction', 'fee_reduction.id', 'payment.reduction_id')
    .leftJoin('payment as reversal', 'reversal.reverses_payment_id', 'payment.id')
    .selectAll('payment')
    .select([
      'fee_item.name_de as item_name_de',
      'fee_item.name_en as item_name_en',
      'fee_item.legal_basis as item_legal_basis',
      'fee_rate.amount_cents as rate_cents',
      'fee_reduction.name_de as reduction_name_de',
      'fee_reduction.legal_basis as reduction_legal_basis',
      'reversal.id as reversed_by',
    ])
    .where('payment.id', '=', id)
    .executeTakeFirst();
}

export function lockPayment(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('payment').select(['id', 'location_id', 'reverses_payment_id']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The location's payments recorded in [from, to), for the cash report. */
export function paymentsBetween(db: Reader, locationId: string, from: Date, to: Date) {
  return db
    .selectFrom('payment')
    .innerJoin('fee_item', 'fee_item.id', 'payment.fee_item_id')
    .innerJoin('staff', 'staff.id', 'payment.recorded_by')
    .select([
      'payment.receipt_number',
      'payment.recorded_at',
      'payment.method',
      'payment.amount_cents',
      'payment.reverses_payment_id',
      'payment.reason',
      'fee_item.code as item_code',
      'fee_item.name_de as item_name',
      'staff.display_name as recorded_by',
    ])
    .where('payment.location_id', '=', locationId)
    .where('payment.recorded_at', '>=', from)
    .where('payment.recorded_at', '<', to)
    .orderBy('payment.recorded_at')
    .orderBy('payment.receipt_number')
    .execute();
}

/** Payments between two instants summed per fee item and method (reversals count negative). */
export function feesByItemAndMethod(db: Reader, locationId: string, from: Date, to: Date) {
  return db
    .selectFrom('payment')
    .innerJoin('fee_item', 'fee_item.id', 'payment.fee_item_id')
    .select((eb) => [
      'fee_item.code as itemCode',
      'fee_item.name_de as itemName',
      'payment.method',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('payment.amount_cents').as('cents'),
    ])
    .where('payment.location_id', '=', locationId)
    .where('payment.recorded_at', '>=', from)
    .where('payment.recorded_at', '<', to)
    .groupBy(['fee_item.code', 'fee_item.name_de', 'payment.method'])
    .orderBy('fee_item.code')
    .orderBy('payment.method')
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, count: Number(row.count), cents: Number(row.cents) })));
}
