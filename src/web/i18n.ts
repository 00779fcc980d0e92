import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

/**
 * Message catalogs in ICU MessageFormat: ./locales/<lang>/<namespace>.json, one folder per
 * language (its common.json carries `_meta`), one file per feature so features add texts
 * without touching each other's files. Keys are global: prefix them with the namespace.
 * The set of languages is the set of folders: adding a language is adding data.
 * German (de) is the source language and the fallback for a missing key.
 */
export type Lang = string;
type Meta = { name: string; dir: 'ltr' | 'rtl'; order: number; aliases?: string[] };
type Catalog = { _meta: Meta; [key: string]: unknown };

const localesFolder = fileURLToPath(new URL('./locales/', import.meta.url));
export const sourceLang = 'de';

const catalogs = new Map<Lang, Catalog>();
for (const lang of fs.readdirSync(localesFolder).sort()) {
  const folder = `${localesFolder}${lang}/`;
  if (!fs.statSync(folder).isDirectory()) continue;
  const merged: Record<string, unknown> = {};
  for (const file of fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const entries = JSON.parse(fs.readFileSync(folder + file, 'utf8')) as Record<string, unknown>;
    for (const [key, value] of Object.entries(entries)) {
      if (key in merged && key !== '_meta') throw new Error(`Message key ${key} is defined twice in locales/${lang}`);
      merged[key] = value;
    }
  }
  if (!merged._meta) throw new Error(`locales/${lang}/common.json lacks _meta`);
  catalogs.set(lang, merged as Catalog);
}

export const languages: readonly Lang[] = [...catalogs.keys()].sort((a, b) => (catalogs.get(a)?._meta.order ?? 99) - (catalogs.get(b)?._meta.order ?? 99));

export function isLanguage(value: string | undefined | null): value is Lang {
  return typeof value === 'string' && catalogs.has(value);
}

export function languageName(lang: Lang): string {
  return catalogs.get(lang)?._meta.name ?? lang;
}

export function textDirection(lang: Lang): 'ltr' | 'rtl' {
  return catalogs.get(lang)?._meta.dir ?? 'ltr';
}

/**
 * Whether a browser's Accept-Language may choose this language. A private-use tag (`de-x-ls`,
 * Leichte Sprache) is only ever the reader's own choice: no browser setting means it.
 */
export function isNegotiable(lang: Lang): boolean {
  return isLanguage(lang) && !lang.includes('-x-');
}

/**
 * Other tags a browser sends for a language (`_meta.aliases`): Dari's browsers say `fa-AF`,
 * Kurmanji's `ku`. Only for Accept-Language; URLs and the cookie use the language's own tag.
 */
export function languageAliases(): Map<string, Lang> {
  const aliases = new Map<string, Lang>();
  for (const [lang, catalog] of catalogs) for (const alias of catalog._meta.aliases ?? []) aliases.set(alias.toLowerCase(), lang);
  return aliases;
}

/**
 * The locale for Intl and ICU messages: always the Gregorian calendar and Latin digits (see
 * features/portal/format.ts). The `-u-` extension must precede a private-use part, or Intl reads
 * it as part of `-x-…` and drops it (`de-x-ls` → `de-u-ca-gregory-nu-latn-x-ls`).
 */
export function intlLocale(lang: Lang): string {
  const [base, privateUse] = lang.split('-x-');
  return `${base}-u-ca-gregory-nu-latn${privateUse ? `-x-${privateUse}` : ''}`;
}

/** All message keys of the source catalog (for completeness tests). */
export function messageKeys(lang: Lang = sourceLang): string[] {
  return Object.keys(catalogs.get(lang) ?? {}).filter((key) => key !== '_meta');
}

/** The raw ICU pattern of a key in one catalog (no fallback), for completeness tests. */
export function messagePattern(lang: Lang, key: string): string | undefined {
  const pattern = catalogs.get(lang)?.[key];
  return typeof pattern === 'string' ? pattern : undefined;
}

const compiled = new Map<string, IntlMessageFormat>();

export function translate(lang: Lang, key: string, values?: Record<string, string | number | Date>): string {
  const catalogLang = typeof catalogs.get(lang)?.[key] === 'string' ? lang : sourceLang;
  const pattern = catalogs.get(catalogLang)?.[key];
  if (typeof pattern !== 'string') return key;
  const cacheKey = `${catalogLang}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    // Numbers and dates inside messages in Latin digits and the Gregorian calendar in every
    // language, like the portal's dates (web/format.ts): Persian would mix in ۱۲.
    format = new IntlMessageFormat(pattern, intlLocale(catalogLang));
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}
