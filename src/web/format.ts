import { Temporal } from 'temporal-polyfill';
import { intlLocale, type Lang } from './i18n.ts';

/**
 * Dates, times and money in the reader's language and the location's time zone, with Intl.
 * Always the Gregorian calendar (`ca: gregory`): the appointment is on a German office's day,
 * and Persian would otherwise get the Solar Hijri date ("1405 آذر 14"). Latin digits in every
 * language (`nu: latn`), as in the message texts (web/i18n.ts), because the codes, ticket
 * numbers, the office's letters and the kiosk all use them: see docs/decisions.md.
 */

// Building an Intl formatter costs far more than formatting with it (it was a seventh of Lotse's
// CPU per booking while confirmation mails were rendered): one per language, zone and style.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(formats: Map<string, T>, key: string, create: () => T): T {
  let format = formats.get(key);
  if (!format) {
    if (formats.size > 1_000) formats.clear();
    format = create();
    formats.set(key, format);
  }
  return format;
}

// Keyed by language, a name for the call site's options, and the zone: building a key from the
// options themselves (JSON) cost more than the formatting.
const dateFormat = (lang: Lang, style: string, options: Intl.DateTimeFormatOptions) =>
  cached(dateFormats, `${lang}|${style}|${options.timeZone ?? ''}`, () => new Intl.DateTimeFormat(intlLocale(lang), options));
const numberFormat = (lang: Lang, style: string, options: Intl.NumberFormatOptions) =>
  cached(numberFormats, `${lang}|${style}`, () => new Intl.NumberFormat(intlLocale(lang), options));

export function formatDate(lang: Lang, instant: Date, timeZone: string): string {
  return dateFormat(lang, 'date', { dateStyle: 'full', timeZone }).format(instant);
}

/** Date and time in one phrase, joined as the language joins them ("السبت، 5 ديسمبر 2026 في 10:30"). */
export function formatDateTime(lang: Lang, instant: Date, timeZone: string): string {
  return dateFormat(lang, 'date-time', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(instant);
}

export function formatTime(lang: Lang, instant: Date, timeZone: string): string {
  // 24-hour clock everywhere: the office's letters and signs use it, and no AM/PM marker needs bidi care.
  return dateFormat(lang, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(instant);
}

/** A calendar day (YYYY-MM-DD) written out, e.g. "Dienstag, 24. November 2026". */
export function formatDay(lang: Lang, day: string): string {
  const date = Temporal.PlainDate.from(day);
  return dateFormat(lang, 'date', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(date.year, date.month - 1, date.day, 12)));
}

export function formatShortDay(lang: Lang, day: string): string {
  const date = Temporal.PlainDate.from(day);
  return dateFormat(lang, 'short-day', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(date.year, date.month - 1, date.day, 12)),
  );
}

export function weekdayName(lang: Lang, isoWeekday: number): string {
  // 2024-01-01 was a Monday.
  return dateFormat(lang, 'weekday', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday, 12)));
}

export function formatFee(lang: Lang, cents: number): string {
  return numberFormat(lang, 'eur', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatMinutes(lang: Lang, minutes: number): string {
  return numberFormat(lang, 'minutes', { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}

/** The local calendar day of an instant in a zone (the office day of shared/office-day.ts). */
export { officeDay as localDay } from '../shared/office-day.ts';

export function addDays(day: string, days: number): string {
  return Temporal.PlainDate.from(day).add({ days }).toString();
}

export function isIsoDay(value: string | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' }).toString() === value;
  } catch {
    return false;
  }
}
