import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { isLanguage, negotiateLanguage, type Lang } from './i18n.ts';

export const languageCookie = 'lotse_lang';

/** The reader's language: the URL prefix (/ar/…) first, then the cookie, then Accept-Language. */
export function pageLanguage(c: Context): Lang {
  const prefix = c.req.path.split('/')[1];
  if (isLanguage(prefix)) return prefix;
  const cookie = getCookie(c, languageCookie);
  if (isLanguage(cookie)) return cookie;
  return negotiateLanguage(c.req.header('accept-language'));
}
