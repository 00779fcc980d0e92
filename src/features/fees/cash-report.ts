import writeXlsxFile, { type Row } from 'write-excel-file/node';
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
const header = ['Quittung', 'Zeit', 'Gebühr', 'Zahlart', 'Betrag (EUR)', 'Storno von', 'Grund', 'Erfasst von'];

/** The report's rows, with amounts in whatever form the file format wants them. */
function reportRows<A>(report: CashReport, timeOf: (at: Date) => string, amount: (cents: number) => A): (string | A)[][] {
  return [
    header,
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
}

/** A text cell; one a spreadsheet would run as a formula (=, +, -, @) is quoted and defused with an apostrophe. */
const text = (value: string) => (/[";\n\r]/.test(value) || /^[=+\-@\t]/.test(value) ? `"${value.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : value);

/**
 * The report as CSV the way German spreadsheet and cash software reads it: semicolons, decimal
 * commas, UTF-8 with a byte order mark; text cells that a spreadsheet would run as a formula are
 * quoted and defused, amounts stay numbers (a reversal's minus sign is its value).
 */
export function cashReportCsv(report: CashReport, timeOf: (at: Date) => string): string {
  const rows = reportRows(report, timeOf, (cents) => ({ amount: euros(cents) }));
  return `\ufeff${rows.map((row) => row.map((v) => (typeof v === 'string' ? text(v) : v.amount)).join(';')).join('\r\n')}\r\n`;
}

/** The same report as an Excel workbook (one sheet), amounts as numbers the cash office can add up. */
export function cashReportXlsx(report: CashReport, timeOf: (at: Date) => string): Promise<Buffer> {
  const rows: Row[] = reportRows(report, timeOf, (cents) => ({ value: cents / 100, type: Number, format: '#,##0.00' }));
  return writeXlsxFile(rows, { sheet: `Kasse ${report.day}` }).toBuffer();
}
