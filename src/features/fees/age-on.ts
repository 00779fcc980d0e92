import { Temporal } from 'temporal-polyfill';

/** Full years of a person born on `birthDate` on `day` (both ISO dates): a fee's reduction for minors. */
export function ageOn(birthDate: string, day: string): number {
  return Temporal.PlainDate.from(birthDate).until(Temporal.PlainDate.from(day), { largestUnit: 'years' }).years;
}
