import { newProcedureNumber } from '../case-files/index.ts';

/**
 * A message's reference, `N-K7RM-93XH-QD`: the Vorgangsnummer's alphabet and length (no 0/O, 1/I/L;
 * about 49 random bits, so references cannot be walked), with `N-` so nobody takes it for one.
 */
export function newMessageReference(): string {
  return `N-${newProcedureNumber()}`;
}
