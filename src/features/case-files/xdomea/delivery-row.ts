import { type DocumentCategory, documentCategories } from '../documents/document-deps.ts';

export type PartialDate = { year: number; month?: number; day?: number };

export type DeliveredPerson = {
  familyName: string;
  givenNames: string;
  birthName?: string;
  birth?: PartialDate;
  placeOfBirth?: string;
  nationalities: string[];
  sex: 'female' | 'male' | 'diverse' | 'unknown';
};

/** One stored version of the document: where its bytes are in the delivery, and the declared SHA-256 if any. */
export type DeliveredFile = { path: string; fileName: string; sha256?: string };

/**
 * One row of a delivery from the scan provider: one document of one person's file, with its
 * primary file(s). Both the CSV manifest and an xdomea message are read into these rows; the
 * import then works on rows only.
 */
export type DeliveryRow = {
  /** Unique in the delivery; also the document's import key (re-delivery finds the document by it). */
  rowKey: string;
  /** 1-based line (CSV) or position of the document (xdomea), for the report. */
  position: number;
  fileReference: string;
  person: DeliveredPerson;
  document: { title: string; category: DocumentCategory; receivedOn?: string; datedOn?: string; sender?: string };
  /** Oldest first; the last one is the current version. */
  files: DeliveredFile[];
};

/** A row that could not even be read: it goes to quarantine with its reason. */
export type UnreadableRow = { rowKey: string; position: number; reason: string };

export type ParsedDelivery = { rows: DeliveryRow[]; unreadable: UnreadableRow[] };

const germanCategories: Record<string, DocumentCategory> = {
  antrag: 'application',
  passkopie: 'passport_copy',
  bescheid: 'decision',
  entscheidung: 'decision',
  schreiben: 'letter',
  brief: 'letter',
  nachweis: 'evidence',
  foto: 'photo',
  lichtbild: 'photo',
  bescheinigung: 'certificate',
  urkunde: 'certificate',
  schriftverkehr: 'correspondence',
  korrespondenz: 'correspondence',
  sonstiges: 'other',
};

/** The category from its code (application, …) or its German name (Antrag, …); undefined if unknown. */
export function categoryFrom(value: string): DocumentCategory | undefined {
  const key = value.trim().toLowerCase();
  if ((documentCategories as readonly string[]).includes(key)) return key as DocumentCategory;
  return germanCategories[key];
}

const sexes: Record<string, DeliveredPerson['sex']> = {
  f: 'female',
  w: 'female',
  female: 'female',
  weiblich: 'female',
  m: 'male',
  male: 'male',
  männlich: 'male',
  d: 'diverse',
  diverse: 'diverse',
  divers: 'diverse',
  x: 'unknown',
  u: 'unknown',
  '': 'unknown',
  unknown: 'unknown',
  unbekannt: 'unknown',
};

export function sexFrom(value: string): DeliveredPerson['sex'] | undefined {
  return sexes[value.trim().toLowerCase()];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A (possibly partial) date: 1990-03-15, 1990-03, 1990, 15.03.1990, 03.1990. Unknown parts are
 * left out, never written as 00 ("00.00.1990" is refused with a message saying how to write it),
 * so that a 00 is never mistaken for a real day.
 */
export function parsePartialDate(raw: string): PartialDate | { error: string } {
  const value = raw.trim();
  let match: RegExpExecArray | null;
  let parts: [string, string | undefined, string | undefined];
  if ((match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value))) parts = [match[1]!, match[2], match[3]];
  else if ((match = /^(?:(\d{2})\.)?(\d{2})\.(\d{4})$/.exec(value))) parts = [match[3]!, match[2], match[1]];
  else if (/^\d{4}$/.test(value)) parts = [value, undefined, undefined];
  else return { error: `date "${value}" is not a date (write 1990-03-15, 15.03.1990, 03.1990 or 1990)` };
  const [year, month, day] = parts.map((part) => (part === undefined ? undefined : Number(part)));
  if (month === 0 || day === 0) return { error: `date "${value}" has 00 for an unknown day or month: leave the unknown part out (03.1990 or 1990)` };
  if (year! < 1870 || year! > 2200) return { error: `date "${value}": year out of range` };
  if (month !== undefined && month > 12) return { error: `date "${value}": no such month` };
  if (day !== undefined && day > daysInMonth(year!, month!)) return { error: `date "${value}": no such day` };
  return { year: year!, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
}

/** A full calendar date (YYYY-MM-DD) from the same notations; partial dates are refused here. */
export function parseFullDate(raw: string): string | { error: string } {
  const date = parsePartialDate(raw);
  if ('error' in date) return date;
  if (date.month === undefined || date.day === undefined) return { error: `date "${raw.trim()}" must be a full date` };
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Nationalities as ISO 3166-1 alpha-2 codes, separated by comma, semicolon or space. */
export function parseNationalities(raw: string): string[] | { error: string } {
  const codes = raw
    .split(/[,; ]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
  const wrong = codes.find((code) => !/^[A-Z]{2}$/.test(code));
  if (wrong !== undefined) return { error: `nationality "${wrong}" is not a two-letter country code (ISO 3166-1)` };
  if (codes.length > 5) return { error: 'more than 5 nationalities' };
  return [...new Set(codes)];
}

export const fileReferencePattern = /^[A-Za-z0-9][A-Za-z0-9./ -]{0,59}$/;

/** A path inside a delivery: relative, forward slashes, no way out of the delivery's folder. */
export function safeRelativePath(raw: string): string | undefined {
  const value = raw.replaceAll('\\', '/');
  if (value === '' || value.startsWith('/') || /^[A-Za-z]:/.test(value) || value.includes('\0')) return undefined;
  const parts = value.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || parts.some((part) => part === '..')) return undefined;
  return parts.join('/');
}
