import { languageName } from '../../web/i18n.ts';

/**
 * Human values on the front desk's staff screens (desk, reception, figures): status labels,
 * language names in the reader's language ("Arabisch", not "ar" or "العربية" — the clerk reads
 * it), office days with the weekday, and durations in seconds or minutes.
 */
export type StaffScreenLang = 'de' | 'en';

const statusLabels: Record<StaffScreenLang, Record<string, string>> = {
  de: {
    waiting: 'wartet',
    called: 'aufgerufen',
    in_service: 'in Bearbeitung',
    parked: 'geparkt',
    transferred: 'weitergegeben',
    finished: 'abgeschlossen',
    no_show: 'nicht erschienen',
    booked: 'gebucht',
    reserved: 'reserviert (Einladung)',
    held: 'angeboten',
    cancelled: 'abgesagt',
    checked_in: 'eingecheckt',
    completed: 'erledigt',
  },
  en: {
    waiting: 'waiting',
    called: 'called',
    in_service: 'in service',
    parked: 'parked',
    transferred: 'handed over',
    finished: 'finished',
    no_show: 'no-show',
    booked: 'booked',
    reserved: 'reserved (invitation)',
    held: 'offered',
    cancelled: 'cancelled',
    checked_in: 'checked in',
    completed: 'completed',
  },
};

/** A ticket's or appointment's status as a word. */
export function statusLabel(lang: StaffScreenLang, status: string): string {
  return statusLabels[lang][status] ?? status;
}

/** "Arabisch" for `ar` on a German screen; an unknown code stays as it is. */
export function languageLabel(lang: StaffScreenLang, code: string | null | undefined): string {
  if (!code) return '—';
  // Intl knows no private-use tag: Leichte Sprache (de-x-ls) goes by its own name, the same in German and English.
  if (code.includes('-x-')) return languageName(code);
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Mo., 7. Dez. 2026" for the office day 2026-12-07. */
export function dayLabel(lang: StaffScreenLang, day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** A date of birth "1990-04-01" as "01.04.1990" (German) or "01/04/1990" (English, day first). */
export function birthDateLabel(lang: StaffScreenLang, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return lang === 'de' ? `${match[3]}.${match[2]}.${match[1]}` : `${match[3]}/${match[2]}/${match[1]}`;
}

/** Under a minute in seconds ("30 s"), otherwise in whole minutes ("1 Min." / "1 min"). */
export function durationLabel(lang: StaffScreenLang, minutes: number): string {
  if (minutes < 1) return `${Math.round(Math.max(0, minutes) * 60)} s`;
  return `${Math.round(minutes)} ${lang === 'de' ? 'Min.' : 'min'}`;
}

/** A wait counted in whole minutes: "< 1 Min." rather than "0 s" for someone who just arrived. */
export function waitedLabel(lang: StaffScreenLang, wholeMinutes: number): string {
  return wholeMinutes < 1 ? `< 1 ${lang === 'de' ? 'Min.' : 'min'}` : durationLabel(lang, wholeMinutes);
}
