import { Temporal } from 'temporal-polyfill';
import { isLanguage, translate, type Lang } from '../../../web/i18n.ts';
import type { Person } from '../book-appointment.ts';
import { isAcceptablePersonName, isPortalPersonName, normalizePersonName } from '../person-name.ts';
import type { PersonErrors as FieldErrors, PersonValues as DetailsValues } from '../../portal/index.ts';

const field = (form: Record<string, unknown>, name: string, max: number) => {
  const value = form[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/**
 * The person's details from the form: bounded, trimmed, checked. Values are given back for
 * re-display (cut to their limits; the page escapes them), errors in the reader's language.
 * `today` is the office's day (YYYY-MM-DD): a date of birth must lie before it.
 */
export function validateDetails(
  lang: Lang,
  form: Record<string, unknown>,
  today: string,
): { values: DetailsValues; person: Person | undefined; errors: FieldErrors } {
  const t = (key: string) => translate(lang, key);
  const rawName = typeof form.name === 'string' ? form.name : '';
  const values: DetailsValues = {
    name: field(form, 'name', 200),
    dateOfBirth: field(form, 'dateOfBirth', 10),
    email: field(form, 'email', 254),
    phone: field(form, 'phone', 40),
    language: isLanguage(field(form, 'language', 35)) ? field(form, 'language', 35) : lang,
    consent: form.consent === 'yes',
  };
  const errors: FieldErrors = {};
  const name = normalizePersonName(rawName);
  if (!name) errors.name = t('portal.error.name.missing');
  else if (name.length > 200) errors.name = t('portal.error.name.long');
  else if (!isPortalPersonName(name) || !isAcceptablePersonName(name)) errors.name = t('portal.error.name.chars');

  const dob = values.dateOfBirth;
  let dobOk = false;
  if (!dob) errors.dateOfBirth = t('portal.error.dob.missing');
  else {
    try {
      const date = Temporal.PlainDate.from(dob, { overflow: 'reject' });
      dobOk = /^\d{4}-\d{2}-\d{2}$/.test(dob) && Temporal.PlainDate.compare(date, Temporal.PlainDate.from(today)) < 0 && date.year >= 1900;
    } catch {
      dobOk = false;
    }
    if (!dobOk) errors.dateOfBirth = t('portal.error.dob.invalid');
  }

  const email = values.email.trim();
  if (!email) errors.email = t('portal.error.email.missing');
  else if (typeof form.email === 'string' && form.email.length > 254) errors.email = t('portal.error.email.invalid');
  else if (!/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/u.test(email)) errors.email = t('portal.error.email.invalid');

  const phone = values.phone.trim();
  if (typeof form.phone === 'string' && form.phone.length > 40) errors.phone = t('portal.error.phone.invalid');
  else if (phone && !/^\+?[0-9 ()/-]{4,30}$/.test(phone)) errors.phone = t('portal.error.phone.invalid');

  if (!values.consent) errors.consent = t('portal.error.consent');

  if (Object.keys(errors).length > 0) return { values, person: undefined, errors };
  return { values, person: { name, dateOfBirth: dob, email, phone: phone || null, language: values.language }, errors };
}
