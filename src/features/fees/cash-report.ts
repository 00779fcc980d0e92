import { tableCsv, tablesXlsx, type Cell } from '../../platform/export/table-file.ts';
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

const header = ['Quittung', 'Zeit', 'Gebühr', 'Zahlart', 'Betrag (EUR)', 'Storno von', 'Grund', 'Erfasst von'];

/** The report's rows: one per payment, then the totals per method and the total; amounts in euros as numbers. */
function reportRows(report: CashReport, timeOf: (at: Date) => string): Cell[][] {
  const euros = (cents: number): Cell => ({ number: cents / 100, decimals: 2 });
  return [
    header,
    ...report.payments.map((p) => [
      p.receipt_number,
      timeOf(p.recorded_at),
      `${p.item_code} ${p.item_name}`,
      p.method,
      euros(p.amount_cents),
      p.reverses_payment_id ? 'ja' : '',
      p.reason ?? '',
      p.recorded_by,
    ]),
    [],
    ...report.totals.map((t) => [`Summe ${t.method}`, '', '', t.method, euros(t.cents), '', `${t.count} ${t.count === 1 ? 'Buchung' : 'Buchungen'}`, '']),
    ['Summe', '', '', '', euros(report.totalCents), '', '', ''],
  ];
}

/** The report as CSV for German spreadsheet and cash software (see tableCsv). */
export function cashReportCsv(report: CashReport, timeOf: (at: Date) => string): string {
  return tableCsv(reportRows(report, timeOf));
}

/** The same report as an Excel workbook (one sheet), amounts as numbers the cash office can add up. */
export function cashReportXlsx(report: CashReport, timeOf: (at: Date) => string): Promise<Buffer> {
  return tablesXlsx([{ name: `Kasse ${report.day}`, rows: reportRows(report, timeOf) }]);
}
