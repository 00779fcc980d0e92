import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { AppError } from '../../shared/app-error.ts';

/**
 * Cross-site request protection, one rule for every shell: the browser's own word on where a
 * form comes from (Origin, Sec-Fetch-Site) and a token the other site cannot read. The shells
 * pass what differs: where the expected token lives (the staff session, or a double-submit
 * cookie before there is a session) and the public origin.
 */
export const csrfFieldName = '_csrf';
export const csrfHeaderName = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CsrfFailure = 'foreign_site' | 'bad_token';

const ownOrigin = (c: Context, publicOrigin: string, origin: string) => origin === publicOrigin || origin === new URL(c.req.url).origin;

/**
 * Origin, when sent, is ours (PUBLIC_URL's origin or the request's; 'null' is not), and
 * Sec-Fetch-Site, when sent, is same-origin or none. A request with neither header (older
 * browsers, scripts) passes this part; the token then decides.
 */
export function fromOwnSite(c: Context, publicOrigin: string): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined && !ownOrigin(c, publicOrigin, origin)) return false;
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

/**
 * For forms that carry no token (device screens: kiosk, desk, reception) the browser's word is
 * all there is: Hono's csrf middleware refuses an unsafe form post that names neither our origin
 * nor same-origin, and fromOwnSite refuses one where either header points elsewhere.
 */
export function ownSiteOnly(publicOrigin: string): MiddlewareHandler {
  const named = csrf({ origin: (origin, c) => ownOrigin(c, publicOrigin, origin) });
  return async (c, next) => {
    if (!safeMethods.has(c.req.method) && !fromOwnSite(c, publicOrigin)) throw new AppError('forbidden', 'This form was sent from another site.');
    return named(c, next);
  };
}

/** Compares in constant time; a missing or empty token never matches. */
export function sameToken(sent: string | undefined, expected: string | undefined): boolean {
  if (!sent || !expected) return false;
  const left = Buffer.from(sent);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The token a request carries: the x-csrf-token header or the `_csrf` field of a form. */
export async function sentCsrfToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(csrfHeaderName);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  // A streamed upload form names its token in the address: its body is never read whole first.
  const inAddress = type.startsWith('multipart/form-data') ? c.req.query(csrfFieldName) : undefined;
  if (inAddress) return inAddress;
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const value = (await c.req.parseBody())[csrfFieldName];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** Checks a state-changing request: from our own site, and carrying the token the shell expects. */
export function checkCsrf(c: Context, rule: { publicOrigin: string; sent: string | undefined; expected: string | undefined }): CsrfFailure | undefined {
  if (!fromOwnSite(c, rule.publicOrigin)) return 'foreign_site';
  return sameToken(rule.sent, rule.expected) ? undefined : 'bad_token';
}

export type CsrfCookie = { name: string; path: string; sameSite: 'Strict' | 'Lax'; secure: boolean };

const tokenShape = /^[A-Za-z0-9_-]{32,64}$/;

/** Double-submit token for forms shown before there is a session: read from its cookie, set when missing. */
export function csrfCookieToken(c: Context, cookie: CsrfCookie): string {
  const existing = getCookie(c, cookie.name);
  if (existing && tokenShape.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  setCookie(c, cookie.name, token, { path: cookie.path, httpOnly: true, sameSite: cookie.sameSite, secure: cookie.secure });
  return token;
}

/** The double-submit token this browser holds, if it has a well-formed one. */
export function heldCsrfCookie(c: Context, name: string): string | undefined {
  const value = getCookie(c, name);
  return value && tokenShape.test(value) ? value : undefined;
}
