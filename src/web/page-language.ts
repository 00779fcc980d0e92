import type { Context } from 'hono';
import { detectFromCookie, detectFromHeader, detectFromPath, type DetectorOptions } from 'hono/language';
import { isLanguage, isNegotiable, languageAliases, languages, sourceLang, type Lang } from './i18n.ts';

export const languageCookie = 'lotse_lang';

const chosen: DetectorOptions = {
  order: ['path', 'cookie', 'header'],
  lookupQueryString: 'lang',
  lookupFromPathIndex: 0,
  lookupCookie: languageCookie,
  lookupFromHeaderKey: 'accept-language',
  caches: false,
  ignoreCase: true,
  supportedLanguages: [...languages],
  fallbackLanguage: sourceLang,
};
const aliases = languageAliases();
const offered: DetectorOptions = {
  ...chosen,
  supportedLanguages: languages.filter(isNegotiable),
  convertDetectedLanguage: (tag) => aliases.get(tag.toLowerCase()) ?? tag,
};

/**
 * The reader's language, decided on first use in a request with Hono's language detectors and
 * kept for the rest of it: the URL prefix (/ar/…) first, then the cookie (both the reader's own
 * choice, any language), then Accept-Language (q-values honoured, ar-SY → ar, fa-AF → prs by
 * `_meta.aliases`; never a private-use tag such as de-x-ls, see i18n.ts isNegotiable), else
 * German. Decided on use, not by a middleware for every request: a booking through the API never
 * asks (docs/performance.md). Nothing here writes the cookie: only a page opened under a language
 * prefix remembers that language (portal routes), not a guess from the browser's header.
 */
export function pageLanguage(c: Context): Lang {
  const decided: unknown = c.get('language');
  if (typeof decided === 'string' && isLanguage(decided)) return decided;
  const detected = detectFromPath(c, chosen) ?? detectFromCookie(c, chosen) ?? detectFromHeader(c, offered);
  const language = typeof detected === 'string' && isLanguage(detected) ? detected : sourceLang;
  c.set('language', language);
  return language;
}
