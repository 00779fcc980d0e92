import Holidays from 'date-holidays';

/** The German federal states (Bundesländer) by their ISO 3166-2 code without "DE-". */
export const federalStates = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export type FederalState = (typeof federalStates)[number];

export function isFederalState(code: string): code is FederalState {
  return (federalStates as readonly string[]).includes(code);
}

/**
 * A public holiday: its local date, the German name (as date-holidays and the office's letters
 * call it) and, where Lotse has translations for it, a key naming it (`holiday.<key>`).
 */
export type PublicHoliday = { date: string; germanName: string; key: string | null };

/** Holidays whose names Lotse translates; others are shown by their German name. */
const keyByGermanName: Record<string, string> = {
  Neujahr: 'new_year',
  'Heilige Drei Könige': 'epiphany',
  'Internationaler Frauentag': 'womens_day',
  Karfreitag: 'good_friday',
  Ostersonntag: 'easter_sunday',
  Ostermontag: 'easter_monday',
  Maifeiertag: 'labour_day',
  'Christi Himmelfahrt': 'ascension',
  Pfingstsonntag: 'whit_sunday',
  Pfingstmontag: 'whit_monday',
  Fronleichnam: 'corpus_christi',
  'Mariä Himmelfahrt': 'assumption',
  Weltkindertag: 'childrens_day',
  'Tag der Deutschen Einheit': 'german_unity',
  Reformationstag: 'reformation_day',
  Allerheiligen: 'all_saints',
  'Buß- und Bettag': 'repentance_day',
  '1. Weihnachtstag': 'christmas_day',
  '2. Weihnachtstag': 'boxing_day',
};

const calendars = new Map<string, Holidays>();
const byYear = new Map<string, PublicHoliday[]>();

/**
 * The public holidays (type "public" only, not observances or school days) of a federal state in
 * a year; without a state, those of the whole country. Computed from the rules date-holidays
 * ships with, in memory: nothing is fetched at run time.
 */
export function publicHolidays(state: FederalState | null, year: number): readonly PublicHoliday[] {
  const cacheKey = `${state ?? 'DE'}|${year}`;
  const known = byYear.get(cacheKey);
  if (known) return known;
  let calendar = calendars.get(state ?? 'DE');
  if (!calendar) {
    calendar = state ? new Holidays('DE', state, { languages: ['de'], types: ['public'] }) : new Holidays('DE', { languages: ['de'], types: ['public'] });
    calendars.set(state ?? 'DE', calendar);
  }
  const holidays = calendar
    .getHolidays(year, 'de')
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), germanName: h.name, key: keyByGermanName[h.name] ?? null }));
  if (byYear.size > 1_000) byYear.clear();
  byYear.set(cacheKey, holidays);
  return holidays;
}

/** The public holidays with a date in [from, to] (inclusive local dates, YYYY-MM-DD). */
export function publicHolidaysBetween(state: FederalState | null, from: string, to: string): PublicHoliday[] {
  const result: PublicHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of publicHolidays(state, year)) if (h.date >= from && h.date <= to) result.push(h);
  }
  return result;
}
