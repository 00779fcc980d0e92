import { Temporal } from 'temporal-polyfill';
import { isAcceptablePersonName, isPortalPersonName, normalizePersonName } from '../../appointments/index.ts';
import { translate, type Lang } from '../../../web/i18n.ts';
import type { Entrant } from '../enter-lottery.ts';

export type EntrantValues = { name: string; dateOfBirth: string; email: string; consent: boolean };
export type EntrantErrors = Partial<Record<'name' | 'dateOfBirth' | 'email' | 'consent' | 'pow', string>>;

const field = (form: Record<string, unknown>, name: string, max: number) => {
  const value = form[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/**
 * The entrant from the lottery form: bounded, trimmed, checked as the booking form checks a
 * person (the same messages in the reader's language). `today` is the office's day.
 */
export function readEntrant(lang: Lang, form: Record<string, unknown>, today: string): { values: EntrantValues; entrant?: Entrant; errors: EntrantErrors } {
  const t = (key: string) => translate(lang, key);
  const values: EntrantValues = {
    name: field(form, 'name', 200),
    dateOfBirth: field(form, 'dateOfBirth', 10),
    email: field(form, 'email', 254),
    consent: form.consent === 'yes',
  };
  const errors: EntrantErrors = {};
  const name = normalizePersonName(typeof form.name === 'string' ? form.name : '');
  if (!name) errors.name = t('portal.error.name.missing');
  else if (name.length > 200) errors.name = t('portal.error.name.long');
  else if (!isPortalPersonName(name) || !isAcceptablePersonName(name)) errors.name = t('portal.error.name.chars');
  if (!values.dateOfBirth) errors.dateOfBirth = t('portal.error.dob.missing');
  else if (!isPlausibleBirthday(values.dateOfBirth, today)) errors.dateOfBirth = t('portal.error.dob.invalid');
  const email = values.email.trim();
  if (!email) errors.email = t('portal.error.email.missing');
  else if ((typeof form.email === 'string' && form.email.length > 254) || !/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/u.test(email))
    errors.email = t('portal.error.email.invalid');
  if (!values.consent) errors.consent = t('portal.error.consent');
  if (Object.keys(errors).length > 0) return { values, errors };
  return { values, errors, entrant: { name, dateOfBirth: values.dateOfBirth, email, phone: null, language: lang } };
}

function isPlausibleBirthday(value: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    const date = Temporal.PlainDate.from(value, { overflow: 'reject' });
    return date.year >= 1900 && Temporal.PlainDate.compare(date, Temporal.PlainDate.from(today)) < 0;
  } catch {
    return false;
  }
}
