import type { PartialDate } from './person-store.ts';

export type PartialDateResult = { ok: true; date: PartialDate | null } | { ok: false; message: string };

const unknownParts =
  'Unbekannte Teile des Datums weglassen: „1990“ oder „05.1990“ statt „00.00.1990“. / Leave unknown parts out: "1990" or "05.1990", not "00.00.1990".';

/**
 * Reads a date of birth as the papers give it: "17.05.1990", "05.1990", "1990" (German order) or
 * "1990-05-17", "1990-05" (ISO). Zeros for unknown parts ("00.00.1990") are refused with a hint,
 * never stored as a made-up 1 January. Empty means unknown.
 */
export function parsePartialDate(text: string): PartialDateResult {
  const value = text.trim();
  if (value === '') return { ok: true, date: null };
  const german = /^(?:(\d{1,2})\.)?(?:(\d{1,2})\.)?(\d{4})$/.exec(value);
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  let year: number;
  let month: number | null = null;
  let day: number | null = null;
  if (german) {
    year = Number(german[3]);
    // "05.1990" has one leading part: the month; "17.05.1990" has two: day and month.
    if (german[1] !== undefined && german[2] !== undefined) {
      day = Number(german[1]);
      month = Number(german[2]);
    } else if (german[1] !== undefined) month = Number(german[1]);
  } else if (iso) {
    year = Number(iso[1]);
    month = iso[2] === undefined ? null : Number(iso[2]);
    day = iso[3] === undefined ? null : Number(iso[3]);
  } else {
    return { ok: false, message: 'Datum als TT.MM.JJJJ, MM.JJJJ oder JJJJ angeben. / Write the date as DD.MM.YYYY, MM.YYYY or YYYY.' };
  }
  if (month === 0 || day === 0) return { ok: false, message: unknownParts };
  if (year < 1870 || year > 2200) return { ok: false, message: 'Das Jahr liegt außerhalb von 1870–2200. / The year is out of range.' };
  if (month !== null && month > 12) return { ok: false, message: 'Einen Monat 13 oder größer gibt es nicht. / There is no such month.' };
  if (day !== null && month !== null && day > daysInMonth(year, month)) {
    return { ok: false, message: 'Diesen Tag gibt es in diesem Monat nicht. / This month has no such day.' };
  }
  return { ok: true, date: { year, month, day } };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "17.05.1990", "05.1990", "1990" or "" for unknown: how staff pages show (and forms take back) a partial date. */
export function formatPartialDate(date: { year: number | null; month: number | null; day: number | null }): string {
  if (date.year === null) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.month === null) return String(date.year);
  if (date.day === null) return `${pad(date.month)}.${date.year}`;
  return `${pad(date.day)}.${pad(date.month)}.${date.year}`;
}
