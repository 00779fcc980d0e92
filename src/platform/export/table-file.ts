import writeXlsxFile, { type Row } from 'write-excel-file/node';

/** A cell of an exported table: text, or a number (with a fixed number of decimals, e.g. 2 for euros). */
export type Cell = string | { number: number; decimals?: number };
export type Sheet = { name: string; rows: Cell[][] };

/** A text cell; one a spreadsheet would run as a formula (=, +, -, @) is quoted and defused with an apostrophe. */
const text = (value: string) => (/[";\n\r]/.test(value) || /^[=+\-@\t]/.test(value) ? `"${value.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : value);

const decimal = (cell: { number: number; decimals?: number }) =>
  (cell.decimals === undefined ? String(cell.number) : cell.number.toFixed(cell.decimals)).replace('.', ',');

/**
 * A table as CSV the way German spreadsheet and cash software reads it: semicolons, decimal
 * commas, UTF-8 with a byte order mark, CRLF; text cells that a spreadsheet would run as a formula
 * are quoted and defused, numbers stay numbers (a minus sign is their value).
 */
export function tableCsv(rows: Cell[][]): string {
  return `\ufeff${rows.map((row) => row.map((cell) => (typeof cell === 'string' ? text(cell) : decimal(cell))).join(';')).join('\r\n')}\r\n`;
}

/** Tables as an Excel workbook, one sheet each; numbers as numbers a spreadsheet can add up. */
export function tablesXlsx(sheets: Sheet[]): Promise<Buffer> {
  const toRows = (rows: Cell[][]): Row[] =>
    rows.map((row) =>
      row.map((cell) =>
        typeof cell === 'string'
          ? { value: cell, type: String }
          : { value: cell.number, type: Number, ...(cell.decimals === 2 ? { format: '#,##0.00' } : cell.decimals === 1 ? { format: '0.0' } : {}) },
      ),
    );
  // Excel allows 31 characters in a sheet name and none of : \ / ? * [ ].
  const name = (sheet: Sheet) => sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  return writeXlsxFile(sheets.map((sheet) => ({ data: toRows(sheet.rows), sheet: name(sheet) }))).toBuffer();
}
