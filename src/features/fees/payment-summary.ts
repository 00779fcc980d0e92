import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import type { FeeDeps } from './fee-deps.ts';
import { paymentWithItem } from './fee-store.ts';

/** A payment as the counter sees it after recording (no personal data: the name is on the receipt only). */
export async function paymentSummary(deps: FeeDeps, ctx: ChangeContext, id: string) {
  const payment = await paymentWithItem(deps.db, id);
  if (!payment) throw new AppError('not_found', 'There is no such payment.');
  await authorizeChange(deps, ctx, 'payment.record', { locationId: payment.location_id });
  return payment;
}
