import { AppError } from '../../../shared/app-error.ts';
import { nameKeyVariants, type NameKeys } from '../name-keys.ts';

/**
 * What a clerk types into the person search, read term by term: every term must match
 * (AND). Names in any script and spelling; a date of birth, also partial ("1990",
 * "03.1990", "12.03.1990", "1990-03-12"); an AZR number (12 digits); an e-mail address;
 * anything else with a digit is an identifier (file reference, eAT card serial, AZR prefix).
 */
export type PersonTerm =
  | { kind: 'name'; variants: NameKeys[] }
  | { kind: 'birth'; year: number; month?: number; day?: number }
  | { kind: 'azr'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'identifier'; value: string };

export const maxQueryLength = 200;

/** Why a search was refused; pages show their own text for each. */
export type RefusalReason = 'too_long' | 'too_many_terms' | 'not_a_date' | 'reception_criteria';

export function refused(reason: RefusalReason, message: string): AppError {
  return new AppError('validation_failed', message, { details: { reason } });
}
const maxTerms = 6;

export function readPersonQuery(query: string): PersonTerm[] {
  if (query.length > maxQueryLength) throw refused('too_long', `The search is longer than ${maxQueryLength} characters.`);
  const terms: PersonTerm[] = [];
  for (const word of query.normalize('NFKC').split(/[\s,;]+/u)) {
    const term = readTerm(word);
    if (term) terms.push(term);
  }
  if (terms.length > maxTerms) throw refused('too_many_terms', `Search with at most ${maxTerms} terms.`);
  return terms;
}

function readTerm(word: string): PersonTerm | undefined {
  const birth = readBirthDate(word);
  if (birth) return birth;
  if (/^\d{12}$/.test(word)) return { kind: 'azr', value: word };
  if (word.includes('@')) return /^[^@\s]{1,64}@[^@\s]{1,190}$/.test(word) ? { kind: 'email', value: word.toLowerCase() } : undefined;
  const identifier = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (/\d/.test(identifier) && /^[A-Za-z0-9][A-Za-z0-9./-]{1,59}$/.test(identifier)) return { kind: 'identifier', value: identifier };
  // A word of letters (any script); too short or only punctuation: nothing to search by.
  const variants = nameKeyVariants(word).filter((keys) => keys.normalized.length >= 2 && !/\d/.test(keys.normalized));
  if (variants.length === 0 || !variants[0]) return undefined;
  // Several words from one (Al-Hassan → "al hassan"): the longest word carries the search.
  return { kind: 'name', variants: variants.map(longestWord) };
}

function longestWord(keys: NameKeys): NameKeys {
  const pick = (value: string) => value.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
  return { normalized: pick(keys.normalized), skeleton: pick(keys.skeleton) };
}

const dayMonthYear = /^(?:(\d{1,2})\.)?(?:(\d{1,2})[./])?(\d{4})$/;
const isoDate = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** A (partial) date of birth; "00.00.1990" and 31.02. are refused as terms, not searched as identifiers. */
function readBirthDate(word: string): PersonTerm | undefined {
  let year: number;
  let month: number | undefined;
  let day: number | undefined;
  const german = dayMonthYear.exec(word);
  const iso = isoDate.exec(word);
  if (german?.[3]) {
    year = Number(german[3]);
    // "03.1990": the first group is the month when there is only one.
    if (german[1] !== undefined && german[2] !== undefined) [day, month] = [Number(german[1]), Number(german[2])];
    else if (german[1] !== undefined || german[2] !== undefined) month = Number(german[1] ?? german[2]);
  } else if (iso?.[1]) {
    year = Number(iso[1]);
    if (iso[2] !== undefined) month = Number(iso[2]);
    if (iso[3] !== undefined) day = Number(iso[3]);
  } else return undefined;
  if (year < 1870 || year > 2200) throw refused('not_a_date', `${word} is not a date of birth.`);
  if (month !== undefined && (month < 1 || month > 12)) throw refused('not_a_date', `${word} is not a date of birth.`);
  if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year, month ?? 1, 0)).getUTCDate()))
    throw refused('not_a_date', `${word} is not a date of birth.`);
  return { kind: 'birth', year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
}
