import type { Context, MiddlewareHandler } from 'hono';
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
 * The reader's language, decided once per request with Hono's language detectors: the URL prefix
 * (/ar/…) first, then the cookie (both the reader's own choice, any language), then
 * Accept-Language (q-values honoured, ar-SY → ar, fa-AF → prs by `_meta.aliases`; never a
 * private-use tag such as de-x-ls, see i18n.ts isNegotiable), else German. Nothing here writes
 * the cookie: only a page opened under a language prefix remembers that language (portal routes),
 * not a guess from the browser's header.
 */
export const detectPageLanguage: MiddlewareHandler = async (c, next) => {
  c.set('language', detectFromPath(c, chosen) ?? detectFromCookie(c, chosen) ?? detectFromHeader(c, offered) ?? sourceLang);
  await next();
};

/** The language detectPageLanguage found for this request (mounted first in createApp). */
export function pageLanguage(c: Context): Lang {
  const detected: unknown = c.get('language');
  return typeof detected === 'string' && isLanguage(detected) ? detected : sourceLang;
}
