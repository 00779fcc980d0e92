/** Which parts of an appointment's date of birth are known (an invitation from a file may know only the year). */
export type BirthDatePrecision = 'day' | 'month' | 'year';

/**
 * Whether the date of birth someone typed (YYYY-MM-DD) is the appointment's, comparing only the
 * parts that are known: a year-only date (stored as YYYY-01-01) matches any day of that year, a
 * year-and-month date any day of that month. The appointment code stays the secret that matters.
 */
export function birthDateMatches(stored: { date_of_birth: string | null; date_of_birth_precision?: string }, typed: string): boolean {
  if (stored.date_of_birth === null) return false;
  const known = stored.date_of_birth_precision === 'year' ? 4 : stored.date_of_birth_precision === 'month' ? 7 : 10;
  return stored.date_of_birth.slice(0, known) === typed.slice(0, known);
}
