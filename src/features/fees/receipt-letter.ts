import { renderLetter, type LetterBlock } from '../../platform/pdf/letter-pdf.ts';
import { AppError } from '../../shared/app-error.ts';
import { formatDateTime, formatFee } from '../../web/format.ts';
import { isLanguage, sourceLang, textDirection, translate, type Lang } from '../../web/i18n.ts';
import { loadLetterhead } from '../office/index.ts';
import { authorizeChange, recordAudit, type ChangeContext } from '../staff/index.ts';
import type { FeeDeps } from './fee-deps.ts';
import { locationForReceipt, paymentWithItem } from './fee-store.ts';

/**
 * The receipt of a payment (or of its reversal) as a PDF to print at the counter: German first
 * with the signature, then in the payer's language. Printing it is audited like any read of the
 * payer's data.
 */
export async function receiptLetter(deps: FeeDeps, ctx: ChangeContext, paymentId: string): Promise<{ pdf: Buffer; number: string }> {
  const payment = await paymentWithItem(deps.db, paymentId);
  if (!payment) throw new AppError('not_found', 'There is no such payment.');
  await authorizeChange(deps, ctx, 'payment.record', { locationId: payment.location_id });
  const [location, letterhead] = await Promise.all([locationForReceipt(deps.db, payment.location_id), loadLetterhead(deps, payment.location_id)]);
  if (!location) throw new AppError('not_found', 'There is no such location.');
  const reversed = payment.reverses_payment_id ? await paymentWithItem(deps.db, payment.reverses_payment_id) : undefined;
  const lang: Lang = isLanguage(payment.payer_language) ? payment.payer_language : sourceLang;
  const r = (l: Lang, key: string, values?: Record<string, string>) => translate(l, `portal.receipt.${key}`, values);
  const section = (l: Lang): LetterBlock[] => [
    { kind: 'heading', text: r(l, 'title') },
    { kind: 'paragraph', text: reversed ? r(l, 'reversal_text', { number: reversed.receipt_number }) : r(l, 'text') },
    {
      kind: 'facts',
      rows: [
        [r(l, 'number'), payment.receipt_number],
        [r(l, 'item'), `${payment.item_name_de} (${payment.item_legal_basis})`],
        ...(payment.reduction_name_de ? [[r(l, 'reduction'), `${payment.reduction_name_de} (${payment.reduction_legal_basis})`] as const] : []),
        [r(l, 'amount'), formatFee(l, payment.amount_cents)],
        [r(l, 'method'), r(l, `method.${payment.method}`)],
        ...(payment.reason ? [[r(l, 'reason'), payment.reason] as const] : []),
      ],
    },
  ];
  const pdf = await renderLetter({
    title: `${r(sourceLang, 'title')} ${payment.receipt_number}`,
    lang: sourceLang,
    letterhead: { lines: [letterhead.authority, ...letterhead.contactLines], returnAddress: letterhead.returnAddress },
    recipient: payment.payer_name ? [payment.payer_name] : [],
    info: [
      [r(sourceLang, 'number'), payment.receipt_number],
      [translate(sourceLang, 'staff.letter.date'), formatDateTime(sourceLang, payment.recorded_at, location.time_zone)],
    ],
    subject: `${r(sourceLang, 'title')} ${payment.receipt_number}`,
    sections: [
      { lang: sourceLang, dir: 'ltr', blocks: section(sourceLang) },
      ...(lang === sourceLang ? [] : [{ lang, dir: textDirection(lang), blocks: section(lang) }]),
    ],
    signature: letterhead.signatureLines,
    pageLabel: (page, pages) => translate(sourceLang, 'staff.letter.page', { page, pages }),
  });
  await recordAudit(deps.db, deps.clock, {
    actor: ctx.actor,
    action: 'payment.receipt',
    target: { type: 'payment', id: payment.id },
    screen: ctx.screen,
    ip: ctx.ip,
  });
  return { pdf, number: payment.receipt_number };
}
