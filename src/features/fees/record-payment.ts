import { AppError } from '../../shared/app-error.ts';
import { appointmentForPayment } from '../appointments/index.ts';
import { ticketForPayment } from '../front-desk/index.ts';
import { authorizeChange, recordAudit, type ChangeContext } from '../staff/index.ts';
import type { FeeDeps, PaymentMethod } from './fee-deps.ts';
import { insertPayment, locationForReceipt, nextReceiptNumber, paymentByKey, rateOnDay, reductionById } from './fee-store.ts';
import { officeDay } from '../../shared/office-day.ts';

export type PaymentInput = {
  locationId: string;
  feeItemId: string;
  reductionId: string | null;
  method: PaymentMethod;
  appointmentId: string | null;
  ticketId: string | null;
  payerName: string | null;
  payerLanguage: string;
  /** From the form: a double click or a retry records the payment once. */
  idempotencyKey: string;
};

/** A fee after a reduction: whole cents, rounded half up (half of 93,00 € is 46,50 €). */
export const reducedAmount = (cents: number, percentOff: number) => Math.round((cents * (100 - percentOff)) / 100);

const violation = (error: unknown) => (error as { code?: string; constraint?: string }) ?? {};

/**
 * Records a fee taken at the counter, with the amount valid today for the item and the reduction
 * chosen (computed here, never taken from the form), a receipt number without gaps per location
 * and year, and an audit entry. The same idempotency key gives the same payment, once.
 */
export async function recordPayment(deps: FeeDeps, ctx: ChangeContext, input: PaymentInput): Promise<{ id: string; replayed: boolean }> {
  const location = await locationForReceipt(deps.db, input.locationId);
  if (!location) throw new AppError('not_found', 'There is no such location.');
  await authorizeChange(deps, ctx, 'payment.record', { locationId: location.id });
  const earlier = await paymentByKey(deps.db, input.idempotencyKey);
  if (earlier) return replay(earlier, ctx);
  // The visit paid for is one of this location's: a form cannot book a fee onto another office's visit.
  const visit = await Promise.all([
    input.appointmentId ? appointmentForPayment(deps.db, input.appointmentId) : undefined,
    input.ticketId ? ticketForPayment(deps.db, input.ticketId) : undefined,
  ]);
  if ((input.appointmentId && !visit[0]) || (input.ticketId && !visit[1]))
    throw new AppError('validation_failed', 'The appointment or ticket named for this payment does not exist.');
  if (visit.some((v) => v && v.location_id !== location.id)) throw new AppError('validation_failed', 'The appointment or ticket belongs to another location.');
  const now = deps.clock.now();
  const day = officeDay(now, location.time_zone);
  const rate = await rateOnDay(deps.db, input.feeItemId, day);
  if (!rate) {
    throw new AppError('validation_failed', 'This fee has no amount valid today. Ask the administrator to enter the current rate.', {
      fieldErrors: [{ path: 'feeItemId', message: 'no rate valid today' }],
    });
  }
  const reduction = input.reductionId ? await reductionById(deps.db, input.reductionId) : undefined;
  if (input.reductionId && !reduction) {
    throw new AppError('validation_failed', 'This reduction or exemption does not exist.', { fieldErrors: [{ path: 'reductionId', message: 'unknown' }] });
  }
  const amount = reduction ? reducedAmount(rate.amount_cents, reduction.percent_off) : rate.amount_cents;
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const year = Number(day.slice(0, 4));
      const number = await nextReceiptNumber(trx, location.id, year);
      const payment = await insertPayment(trx, {
        location_id: location.id,
        receipt_number: `${location.slug.toUpperCase().slice(0, 12)}-${year}-${String(number).padStart(6, '0')}`,
        fee_item_id: rate.item_id,
        fee_rate_id: rate.id,
        reduction_id: reduction?.id ?? null,
        amount_cents: amount,
        method: amount === 0 ? 'none' : input.method,
        appointment_id: input.appointmentId,
        ticket_id: input.ticketId,
        payer_name: input.payerName,
        payer_language: input.payerLanguage,
        reverses_payment_id: null,
        reason: null,
        recorded_at: now,
        recorded_by: ctx.actor.staffId,
        idempotency_key: input.idempotencyKey,
      });
      await recordAudit(trx, deps.clock, {
        actor: ctx.actor,
        action: 'payment.record',
        target: { type: 'payment', id: payment.id },
        screen: ctx.screen,
        ip: ctx.ip,
        after: { item: rate.code, amountCents: amount, reduction: reduction?.code ?? null, method: amount === 0 ? 'none' : input.method },
      });
      return payment.id;
    });
    return { id, replayed: false };
  } catch (error) {
    const { code, constraint } = violation(error);
    // The same form sent twice at the same moment: the other request recorded it.
    if (code === '23505' && constraint === 'payment_idempotency_key_key') {
      const other = await paymentByKey(deps.db, input.idempotencyKey);
      if (other) return replay(other, ctx);
    }
    if (code === '23503') throw new AppError('validation_failed', 'The appointment or ticket named for this payment does not exist.');
    throw error;
  }
}

function replay(earlier: { id: string; recorded_by: string }, ctx: ChangeContext): { id: string; replayed: boolean } {
  if (earlier.recorded_by !== ctx.actor.staffId) throw new AppError('conflict', 'This form was already used for another payment. Open the payment form again.');
  return { id: earlier.id, replayed: true };
}
