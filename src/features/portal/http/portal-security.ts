import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { clientIp } from '../../../platform/http/client-ip.ts';
import { checkCsrf as checkSharedCsrf, csrfCookieToken, csrfFieldName, heldCsrfCookie, sameToken } from '../../../platform/http/csrf.ts';
import { AppError } from '../../../shared/app-error.ts';
import { sign } from '../manage-token.ts';

const csrfCookie = 'lotse_csrf';
const grantCookie = 'lotse_manage';

/**
 * Forms are protected twice against cross-site requests: the browser's Origin (or
 * Sec-Fetch-Site) must be our own, and the form must carry the token from our cookie.
 */
export function csrfToken(c: Context): string {
  return csrfCookieToken(c, { name: csrfCookie, path: '/', sameSite: 'Lax', secure: secureCookie(c) });
}

export function checkCsrf(c: Context, form: Record<string, unknown>, publicUrl: string): void {
  const sent = typeof form[csrfFieldName] === 'string' ? form[csrfFieldName] : undefined;
  const failure = checkSharedCsrf(c, { publicOrigin: new URL(publicUrl).origin, sent, expected: heldCsrfCookie(c, csrfCookie) });
  if (failure === 'foreign_site') throw new AppError('forbidden', 'This form was sent from another site.');
  if (failure) throw new AppError('forbidden', 'The form has expired. Please open the page again.');
}

/** After the manage secret or code + date of birth was shown, a signed cookie grants access to that one appointment for a while. */
export function grantAccess(c: Context, key: string, code: string, now: Date): void {
  const until = Math.floor(now.getTime() / 1000) + 2 * 3600;
  const value = `${code}.${until}.${sign(key, `${code}.${until}`)}`;
  setCookie(c, grantCookie, value, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secureCookie(c), maxAge: 2 * 3600 });
}

export function hasAccess(c: Context, key: string, code: string, now: Date): boolean {
  return grantedCode(c, key, now) === code;
}

/** The appointment this browser was last granted (by booking it or opening it), while the grant lasts. */
export function grantedCode(c: Context, key: string, now: Date): string | undefined {
  const value = getCookie(c, grantCookie) ?? '';
  const [cookieCode, until, signature] = value.split('.');
  if (!cookieCode || !until || !signature) return undefined;
  if (Number(until) * 1000 < now.getTime()) return undefined;
  return sameToken(signature, sign(key, `${cookieCode}.${until}`)) ? cookieCode : undefined;
}

export function dropAccess(c: Context): void {
  setCookie(c, grantCookie, '', { path: '/', maxAge: 0, secure: secureCookie(c) });
}

/**
 * Cookies are Secure when PUBLIC_URL is https (set by createApp), also when TLS ends at a proxy
 * and the request reaches Lotse as plain http.
 */
export function secureCookie(c: Context): boolean {
  return c.get('secureCookies') === true || c.req.url.startsWith('https://');
}

// Re-exported so the feature's routes keep one import surface.
export { clientIp };
