import { z } from 'zod';
import { parsePartialDate } from './partial-date.ts';
import { sexes, type PersonInput } from './person-store.ts';

/** Empty form fields are unknown values (null); names keep every character typed (ZWNJ included), NFC. */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const text = (max: number) => z.string().trim().min(1).max(max);
const nullableText = (max: number) => z.preprocess(blankToNull, text(max).nullable().default(null));
const name = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v.normalize('NFC'));
const nullableName = (max: number) => z.preprocess(blankToNull, name(max).nullable().default(null));
/** A list from JSON (array) or from a form (one line or comma per entry). */
const listOf = <T extends z.ZodType>(item: T, max: number, separator: RegExp) =>
  z.preprocess((v) => {
    const list = typeof v === 'string' ? v.split(separator) : (v ?? []);
    return Array.isArray(list) ? list.filter((x) => !(typeof x === 'string' && x.trim() === '')) : list;
  }, z.array(item).max(max));
const country = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'ISO-Ländercode mit zwei Buchstaben, z. B. SY / two-letter ISO country code'));

export const partialDateField = z.preprocess(
  (v) => (v === undefined || v === null ? '' : v),
  z
    .string()
    .max(20)
    .transform((value, ctx) => {
      const parsed = parsePartialDate(value);
      if (parsed.ok) return parsed.date;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }),
);

/** A person as typed in the staff form or sent to the API (both as strings where a form has them). */
export const personSchema = z.object({
  familyName: name(200).pipe(z.string().min(1, 'Familienname fehlt / family name missing')),
  givenNames: name(200).default(''),
  birthName: nullableName(200),
  birthDate: partialDateField,
  placeOfBirth: nullableText(200),
  countryOfBirth: z.preprocess(blankToNull, country.nullable().default(null)),
  nationalities: listOf(country, 5, /[,\s]+/).default([]),
  sex: z.preprocess(blankToNull, z.enum(sexes).nullable().default(null)).transform((v) => v ?? 'unknown'),
  addressStreet: nullableText(200),
  addressPostalCode: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z -]{2,10}$/, 'Postleitzahl / postal code')
      .nullable()
      .default(null),
  ),
  addressCity: nullableText(200),
  email: z.preprocess(blankToNull, z.email().max(254).nullable().default(null)),
  phone: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^[0-9+()/ -]{3,40}$/, 'Telefonnummer / phone number')
      .nullable()
      .default(null),
  ),
  preferredLanguage: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[a-zA-Z0-9]{1,8})*$/)
      .max(20)
      .nullable()
      .default(null),
  ),
  azrNumber: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^[0-9]{12}$/, 'AZR-Nummer: 12 Ziffern / 12 digits')
      .nullable()
      .default(null),
  ),
  formerNames: listOf(name(200).pipe(z.string().min(1)), 10, /\r?\n/).default([]),
  nameVariants: listOf(name(200).pipe(z.string().min(1)), 10, /\r?\n/).default([]),
}) satisfies z.ZodType<PersonInput, unknown>;

/** The German field names, for messages that list fields (a conflict, an error). */
export const personFieldLabels: Record<keyof PersonInput, string> = {
  familyName: 'Familienname',
  givenNames: 'Vornamen',
  birthName: 'Geburtsname',
  birthDate: 'Geburtsdatum',
  placeOfBirth: 'Geburtsort',
  countryOfBirth: 'Geburtsland',
  nationalities: 'Staatsangehörigkeiten',
  sex: 'Geschlecht',
  addressStreet: 'Straße',
  addressPostalCode: 'Postleitzahl',
  addressCity: 'Ort',
  email: 'E-Mail',
  phone: 'Telefon',
  preferredLanguage: 'Sprache',
  azrNumber: 'AZR-Nummer',
  formerNames: 'Frühere Namen',
  nameVariants: 'Namensvarianten',
};
