import { AppError } from '../../shared/app-error.ts';
import { authorizeChange, type ChangeContext } from '../staff/index.ts';
import type { FeeDeps } from './fee-deps.ts';
import { locationForReceipt, paymentsBetween } from './fee-store.ts';
import { officeDay, officeDayBounds } from '../../shared/office-day.ts';

export type CashReport = {
  location: { id: string; name: string; timeZone: string };
  day: string;
  payments: Awaited<ReturnType<typeof paymentsBetween>>;
  /** Per method: the sum of the payments listed, reversals included (they are negative). */
  totals: { method: string; count: number; cents: number }[];
  totalCents: number;
};

/** The day's payments of one location for the cash office (Kasse), with totals per method. */
export async function cashReport(deps: FeeDeps, ctx: ChangeContext, input: { locationId: string; day?: string | undefined }): Promise<CashReport> {
  const location = await locationForReceipt(deps.db, input.locationId);
  if (!location) throw new AppError('not_found', 'There is no such location.');
  await authorizeChange(deps, ctx, 'cash_report.read', { locationId: location.id });
  const day = input.day ?? officeDay(deps.clock.now(), location.time_zone);
  const { start, end } = officeDayBounds(day, location.time_zone);
  const payments = await paymentsBetween(deps.db, location.id, start, end);
  const totals = new Map<string, { count: number; cents: number }>();
  for (const p of payments) {
    const total = totals.get(p.method) ?? { count: 0, cents: 0 };
    totals.set(p.method, { count: total.count + 1, cents: total.cents + p.amount_cents });
  }
  return {
    location: { id: location.id, name: location.name, timeZone: location.time_zone },
    day,
    payments,
    totals: [...totals].map(([method, t]) => ({ method, ...t })).sort((a, b) => a.method.localeCompare(b.method)),
    totalCents: payments.reduce((sum, p) => sum + p.amount_cents, 0),
  };
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
/** A text cell; one a spreadsheet would run as a formula (=, +, -, @) is quoted and defused with an apostrophe. */
const text = (value: string) => (/[";\n\r]/.test(value) || /^[=+\-@\t]/.test(value) ? `"${value.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : value);
/** An amount stays a number (a reversal's minus sign is its value, not a formula). */
const amount = (cents: number) => ({ amount: euros(cents) });
type Cell = string | { amount: string };
const cell = (value: Cell) => (typeof value === 'string' ? text(value) : value.amount);

/**
 * The report as CSV the way German spreadsheet and cash software reads it: semicolons, decimal
 * commas, UTF-8 with a byte order mark; cells that a spreadsheet would run as a formula are quoted
 * and defused.
 */
export function cashReportCsv(report: CashReport, timeOf: (at: Date) => string): string {
  const rows: Cell[][] = [
    ['Quittung', 'Zeit', 'Gebühr', 'Zahlart', 'Betrag (EUR)', 'Storno von', 'Grund', 'Erfasst von'],
    ...report.payments.map((p) => [
      p.receipt_number,
      timeOf(p.recorded_at),
      `${p.item_code} ${p.item_name}`,
      p.method,
      amount(p.amount_cents),
      p.reverses_payment_id ? 'ja' : '',
      p.reason ?? '',
      p.recorded_by,
    ]),
    [],
    ...report.totals.map((t) => [`Summe ${t.method}`, '', '', t.method, amount(t.cents), '', `${t.count} ${t.count === 1 ? 'Buchung' : 'Buchungen'}`, '']),
    ['Summe', '', '', '', amount(report.totalCents), '', '', ''],
  ];
  return `\ufeff${rows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}
