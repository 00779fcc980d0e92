import { parse } from 'csv-parse/sync';
import { AppError } from '../../../shared/app-error.ts';
import {
  categoryFrom,
  type DeliveryRow,
  fileReferencePattern,
  type ParsedDelivery,
  parseFullDate,
  parseNationalities,
  parsePartialDate,
  safeRelativePath,
  sexFrom,
} from './delivery-row.ts';

/** The manifest's columns (header row, any order; `;` or `,` as separator, UTF-8 with or without BOM). */
export const manifestColumns = [
  'file_reference',
  'family_name',
  'given_names',
  'birth_name',
  'date_of_birth',
  'place_of_birth',
  'nationality',
  'sex',
  'document_title',
  'category',
  'received_on',
  'dated_on',
  'sender',
  'path',
  'sha256',
] as const;
type Column = (typeof manifestColumns)[number];
const requiredColumns: Column[] = ['file_reference', 'family_name', 'document_title', 'category', 'path', 'sha256'];

type Record = Partial<{ [column in Column]: string }>;

function rowFrom(record: Record, position: number): DeliveryRow | string {
  const get = (column: Column) => (record[column] ?? '').trim();
  const reference = get('file_reference');
  if (!fileReferencePattern.test(reference)) return `file reference "${reference}" is empty or has characters other than letters, digits, . / - and space`;
  const familyName = get('family_name');
  if (familyName === '' || familyName.length > 200) return 'family name is empty or longer than 200 characters';
  const givenNames = get('given_names');
  if (givenNames.length > 200) return 'given names are longer than 200 characters';
  let birth: DeliveryRow['person']['birth'];
  if (get('date_of_birth') !== '') {
    const parsed = parsePartialDate(get('date_of_birth'));
    if ('error' in parsed) return `date of birth: ${parsed.error}`;
    birth = parsed;
  }
  const nationalities = parseNationalities(get('nationality'));
  if ('error' in nationalities) return nationalities.error;
  const sex = sexFrom(get('sex'));
  if (sex === undefined) return `sex "${get('sex')}" is not one of f, m, d, x`;
  const title = get('document_title');
  if (title === '' || title.length > 300) return 'document title is empty or longer than 300 characters';
  const category = categoryFrom(get('category'));
  if (category === undefined) return `unknown category "${get('category')}"`;
  const dates: { receivedOn?: string; datedOn?: string } = {};
  for (const [column, key] of [
    ['received_on', 'receivedOn'],
    ['dated_on', 'datedOn'],
  ] as const) {
    if (get(column) === '') continue;
    const date = parseFullDate(get(column));
    if (typeof date !== 'string') return `${column}: ${date.error}`;
    dates[key] = date;
  }
  const filePath = safeRelativePath(get('path'));
  if (filePath === undefined) return `path "${get('path')}" is empty, absolute or leaves the delivery folder`;
  const sha256 = get('sha256').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(sha256)) return 'sha256 is not 64 hexadecimal digits';
  const sender = get('sender');
  return {
    rowKey: `${reference}/${filePath}`,
    position,
    fileReference: reference,
    person: {
      familyName,
      givenNames,
      ...(get('birth_name') === '' ? {} : { birthName: get('birth_name') }),
      ...(birth ? { birth } : {}),
      ...(get('place_of_birth') === '' ? {} : { placeOfBirth: get('place_of_birth') }),
      nationalities,
      sex,
    },
    document: { title, category, ...dates, ...(sender === '' ? {} : { sender: sender.slice(0, 300) }) },
    files: [{ path: filePath, fileName: filePath.split('/').at(-1)!, sha256 }],
  };
}

/**
 * Reads a CSV manifest: one row per document. A row that cannot be read (wrong date, unknown
 * category, a path leaving the folder, a second row for the same file reference and path) is
 * returned as unreadable with its reason; only a manifest that is not CSV at all or lacks a
 * required column is refused as a whole.
 */
export function parseCsvManifest(text: string): ParsedDelivery {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Record[];
  try {
    records = parse(text, { bom: true, columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), delimiter, skip_empty_lines: true });
  } catch (error) {
    throw new AppError('bad_request', `The manifest is not a readable CSV file: ${(error as Error).message}`);
  }
  const header = Object.keys(records[0] ?? {});
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (records.length > 0 && missing.length > 0) throw new AppError('bad_request', `The manifest lacks the columns: ${missing.join(', ')}`);
  const result: ParsedDelivery = { rows: [], unreadable: [] };
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const line = index + 2;
    const row = rowFrom(record, line);
    if (typeof row === 'string') {
      result.unreadable.push({ rowKey: `line ${line}`, position: line, reason: row });
      return;
    }
    const earlier = seen.get(row.rowKey);
    if (earlier !== undefined) {
      result.unreadable.push({ rowKey: `line ${line}`, position: line, reason: `duplicate row: same file reference and path as line ${earlier}` });
      return;
    }
    seen.set(row.rowKey, line);
    result.rows.push(row);
  });
  return result;
}
