import type { ReportRow } from './import-store.ts';

const cell = (value: string) =>
  /[",;\r\n]/.test(value) || /^[=+\-@\t]/.test(value) ? `"${value.replaceAll('"', '""').replace(/^([=+\-@\t])/, "'$1")}"` : value;

/**
 * The per-row report of an import as CSV (comma, UTF-8 with BOM so spreadsheets read the umlauts).
 * Cells that a spreadsheet would run as a formula are quoted and defused.
 */
export function importReportCsv(rows: readonly ReportRow[]): string {
  const lines = ['row_key,outcome,reason,document_id,at'];
  for (const row of rows) lines.push([row.rowKey, row.outcome, row.reason ?? '', row.documentId ?? '', row.at.toISOString()].map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
