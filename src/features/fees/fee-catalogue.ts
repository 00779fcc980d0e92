import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, recordChange, type ChangeContext } from '../staff/index.ts';
import type { FeeDeps } from './fee-deps.ts';
import { closeOpenRate, insertRate, openRateOf } from './fee-catalogue-store.ts';

/**
 * A new amount for a fee item from a day on (a change of the ordinance): the rate open until now
 * ends the day before, and the new one starts. History is never edited: a rate that has begun
 * cannot be replaced on or before its first day (the database refuses overlaps and edits too).
 */
export async function addFeeRate(deps: FeeDeps, ctx: ChangeContext, input: { feeItemId: string; amountCents: number; validFrom: string }): Promise<string> {
  await authorizeChange(deps, ctx, 'fee.manage');
  return deps.db.transaction().execute(async (trx) => {
    const open = await openRateOf(trx, input.feeItemId);
    if (open === null) throw new AppError('not_found', 'There is no such fee item.');
    if (open && open.valid_from >= input.validFrom) {
      throw new AppError('validation_failed', `The current amount applies from ${open.valid_from}: a new amount must start later.`, {
        fieldErrors: [{ path: 'validFrom', message: 'not after the current rate' }],
      });
    }
    if (open) await closeOpenRate(trx, open.id, Temporal.PlainDate.from(input.validFrom).subtract({ days: 1 }).toString());
    const id = await insertRate(trx, {
      fee_item_id: input.feeItemId,
      amount_cents: input.amountCents,
      valid_from: input.validFrom,
      created_at: deps.clock.now(),
      created_by: ctx.actor.staffId,
    });
    await recordChange(trx, deps.clock, ctx, { action: 'admin.fee_rate.add', target: { type: 'fee_rate', id }, before: open ?? undefined, after: input });
    return id;
  });
}
