import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';

/** The item's rate without an end (undefined: none open; null: no such item). Locks the item against a parallel change. */
export async function openRateOf(trx: Transaction<DB>, feeItemId: string) {
  const item = await trx.selectFrom('fee_item').select('id').where('id', '=', feeItemId).forUpdate().executeTakeFirst();
  if (!item) return null;
  const rate = await trx
    .selectFrom('fee_rate')
    .select(['id', 'amount_cents', 'valid_from'])
    .where('fee_item_id', '=', feeItemId)
    .where('valid_until', 'is', null)
    .executeTakeFirst();
  return rate ? { ...rate, valid_from: String(rate.valid_from) } : undefined;
}

export async function closeOpenRate(trx: Transaction<DB>, rateId: string, lastDay: string): Promise<void> {
  await trx.updateTable('fee_rate').set({ valid_until: lastDay }).where('id', '=', rateId).execute();
}

export async function insertRate(
  trx: Transaction<DB>,
  columns: { fee_item_id: string; amount_cents: number; valid_from: string; created_at: Date; created_by: string },
): Promise<string> {
  const row = await trx.insertInto('fee_rate').values(columns).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
