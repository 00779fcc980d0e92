import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceLang } from '../../web/i18n.ts';

/** A demo office's application form: its definition (src/features/applications/form-definition.ts) and texts per language. */
export type DemoForm = {
  slug: string;
  procedureTypeCode: string;
  definition: unknown;
  /** German first (the source); every other language a translation of exactly these keys. */
  texts: Record<string, Record<string, string>>;
};

export const pdfOrImage = ['application/pdf', 'image/jpeg', 'image/png'];
export const megabytes = (n: number) => n * 1024 * 1024;

/** Who applies, as every demo form asks it first (the person is found or created by these). */
export const identityFields = [
  { key: 'family_name', kind: 'text', required: true, maxLength: 100 },
  { key: 'given_names', kind: 'text', required: true, maxLength: 100 },
  { key: 'birth_date', kind: 'date', required: true, partial: true, range: 'past' },
];
export const applicant = { familyName: 'family_name', givenNames: 'given_names', birthDate: 'birth_date', email: 'email' };

const textsFolder = fileURLToPath(new URL('./texts/', import.meta.url));

/**
 * A demo form's texts from ./texts/<slug>/<lang>.json, read once at import like the portal's
 * locales, German first. One file per language keeps each translation readable on its own.
 */
export function demoFormTexts(slug: string): Record<string, Record<string, string>> {
  const folder = `${textsFolder}${slug}/`;
  const langs = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort((a, b) => (a === sourceLang ? -1 : b === sourceLang ? 1 : a < b ? -1 : 1));
  return Object.fromEntries(langs.map((lang) => [lang, JSON.parse(fs.readFileSync(`${folder}${lang}.json`, 'utf8')) as Record<string, string>]));
}
