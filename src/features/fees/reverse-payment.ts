import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, recordAudit, type ChangeContext } from '../staff/index.ts';
import type { FeeDeps } from './fee-deps.ts';
import { insertPayment, lockPayment, nextReceiptNumber, paymentByKey, paymentWithItem, locationForReceipt } from './fee-store.ts';
import { officeDay } from '../../shared/office-day.ts';

/**
 * Corrects a payment: a reversal with the negative amount, the same item and method, its own
 * receipt number and the reason, by a team lead. A payment is reversed at most once, a reversal
 * never (the database refuses both as well); then the clerk records the right payment anew.
 */
export async function reversePayment(
  deps: FeeDeps,
  ctx: ChangeContext,
  input: { paymentId: string; reason: string; idempotencyKey: string },
): Promise<{ id: string; replayed: boolean }> {
  const original = await paymentWithItem(deps.db, input.paymentId);
  if (!original) throw new AppError('not_found', 'There is no such payment.');
  await authorizeChange(deps, ctx, 'payment.reverse', { locationId: original.location_id });
  const earlier = await paymentByKey(deps.db, input.idempotencyKey);
  if (earlier) return { id: earlier.id, replayed: true };
  if (original.reverses_payment_id !== null) throw new AppError('validation_failed', 'A reversal cannot be reversed. Record a new payment instead.');
  if (original.amount_cents === 0) throw new AppError('validation_failed', 'Nothing was paid: there is nothing to reverse.');
  const location = await locationForReceipt(deps.db, original.location_id);
  if (!location) throw new AppError('not_found', 'There is no such location.');
  const now = deps.clock.now();
  const year = Number(officeDay(now, location.time_zone).slice(0, 4));
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const locked = await lockPayment(trx, original.id);
      if (!locked) throw new AppError('not_found', 'There is no such payment.');
      const number = await nextReceiptNumber(trx, location.id, year);
      const reversal = await insertPayment(trx, {
        location_id: original.location_id,
        receipt_number: `${location.slug.toUpperCase().slice(0, 12)}-${year}-${String(number).padStart(6, '0')}`,
        fee_item_id: original.fee_item_id,
        fee_rate_id: original.fee_rate_id,
        reduction_id: original.reduction_id,
        amount_cents: -original.amount_cents,
        method: original.method as 'card' | 'cash' | 'invoice',
        appointment_id: original.appointment_id,
        ticket_id: original.ticket_id,
        payer_name: original.payer_name,
        payer_language: original.payer_language,
        reverses_payment_id: original.id,
        reason: input.reason,
        recorded_at: now,
        recorded_by: ctx.actor.staffId,
        idempotency_key: input.idempotencyKey,
      });
      await recordAudit(trx, deps.clock, {
        actor: ctx.actor,
        action: 'payment.reverse',
        target: { type: 'payment', id: original.id },
        screen: ctx.screen,
        ip: ctx.ip,
        note: input.reason,
        after: { reversal: reversal.id, amountCents: -original.amount_cents },
      });
      return reversal.id;
    });
    return { id, replayed: false };
  } catch (error) {
    const { code, constraint } = (error as { code?: string; constraint?: string }) ?? {};
    if (code === '23505' && constraint === 'payment_reverses_payment_id_key') throw new AppError('conflict', 'This payment has already been reversed.');
    if (code === '23505' && constraint === 'payment_idempotency_key_key') {
      const other = await paymentByKey(deps.db, input.idempotencyKey);
      if (other) return { id: other.id, replayed: true };
    }
    throw error;
  }
}
