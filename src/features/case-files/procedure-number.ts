import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: read aloud on the phone or typed from a letter, nothing is mistaken. */
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A Vorgangsnummer such as "K7RM-93XH-QD": 10 random characters of 31 (about 49 bits), so the
 * status look-up (issue 14) cannot be walked by guessing. Matches case_procedure.number's CHECK.
 */
export function newProcedureNumber(): string {
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
