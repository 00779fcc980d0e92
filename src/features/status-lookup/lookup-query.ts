import { parsePartialDate, type PartialDate } from '../case-files/index.ts';

/** A look-up as asked: a procedure number with a date of birth, or the serial number of an ordered eAT. */
export type LookupQuery = { kind: 'procedure'; number: string; dateOfBirth: PartialDate } | { kind: 'card'; serial: string };

export type LookupField = 'number' | 'dateOfBirth' | 'serial';
export type LookupInputError = { field: LookupField; problem: 'number' | 'dob' | 'serial' };

/** The Vorgangsnummer's alphabet (procedure-number.ts): without 0/O, 1/I/L. */
const numberPattern = /^[2-9A-HJKMNP-Z]{10}$/;
const serialPattern = /^[A-Z0-9]{9,10}$/;

/**
 * Reads what a person typed: spaces and dashes in the number do not matter, nor letter case. Input
 * of any length is cut before it is looked at, so a huge string costs no more than a short one.
 */
export function readProcedureQuery(input: { number?: unknown; dateOfBirth?: unknown }): { query: LookupQuery } | { errors: LookupInputError[] } {
  const errors: LookupInputError[] = [];
  const compact = text(input.number, 40).toUpperCase().replace(/[\s-]/g, '');
  if (!numberPattern.test(compact)) errors.push({ field: 'number', problem: 'number' });
  const dob = text(input.dateOfBirth, 20);
  const parsed = dob.trim() === '' ? undefined : parsePartialDate(dob);
  if (!parsed?.ok || !parsed.date) errors.push({ field: 'dateOfBirth', problem: 'dob' });
  if (errors.length > 0 || !parsed?.ok || !parsed.date) return { errors };
  return { query: { kind: 'procedure', number: `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`, dateOfBirth: parsed.date } };
}

export function readCardQuery(input: { serial?: unknown }): { query: LookupQuery } | { errors: LookupInputError[] } {
  const serial = text(input.serial, 40).toUpperCase().replace(/[\s-]/g, '');
  if (!serialPattern.test(serial)) return { errors: [{ field: 'serial', problem: 'serial' }] };
  return { query: { kind: 'card', serial } };
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}
