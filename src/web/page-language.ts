import type { Context, MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { isLanguage, languages, sourceLang, type Lang } from './i18n.ts';

export const languageCookie = 'lotse_lang';

/**
 * The reader's language, decided once per request by Hono's language detector: the URL prefix
 * (/ar/…) first, then the cookie, then Accept-Language (q-values honoured, ar-SY → ar), else
 * German. The detector does not write the cookie: only a page opened under a language prefix
 * remembers that language (portal routes), not a guess from the browser's header.
 */
export const detectPageLanguage: MiddlewareHandler = languageDetector({
  order: ['path', 'cookie', 'header'],
  lookupFromPathIndex: 0,
  lookupCookie: languageCookie,
  supportedLanguages: [...languages],
  fallbackLanguage: sourceLang,
  caches: false,
});

/** The language detectPageLanguage found for this request (mounted first in createApp). */
export function pageLanguage(c: Context): Lang {
  const detected: unknown = c.get('language');
  return typeof detected === 'string' && isLanguage(detected) ? detected : sourceLang;
}
