/** Fees: the catalogue (items, rates over time, reductions), payments at the counter, receipts, the cash report. */
export { proposeFee, type FeeProposal } from './propose-fee.ts';
export { recordPayment, reducedAmount, type PaymentInput } from './record-payment.ts';
export { reversePayment } from './reverse-payment.ts';
export { receiptLetter } from './receipt-letter.ts';
export { cashReport, cashReportCsv, cashReportXlsx, type CashReport } from './cash-report.ts';
export { addFeeRate } from './fee-catalogue.ts';
export { paymentMethods, type FeeDeps, type PaymentMethod } from './fee-deps.ts';
export { feesByItemAndMethod } from './fee-store.ts';
export { expectedFee, type ExpectedFee } from './expected-fee.ts';
