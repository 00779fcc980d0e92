import type { Context } from 'hono';
import { setAnswerHeader } from './answer-header.ts';

/**
 * Pages and answers with personal data are never stored by a browser or proxy cache: a shared
 * computer (a shelter's, a library's) must not show the previous person's appointment on "back".
 * This replaces a weaker Cache-Control set further in (the portal's `private, no-cache`); live
 * event streams keep theirs (`no-transform` matters to proxies there).
 */
export function forbidStoring(c: Context): void {
  if (!holdsPersonalData(c.req.method, c.req.path) || (c.res.headers.get('content-type') ?? '').startsWith('text/event-stream')) return;
  setAnswerHeader(c, 'Cache-Control', 'no-store');
}

const staffArea = /^\/(staff|desk|reception|figures|front-desk)(\/|$)/;
const personalApi = /^\/api\/v1\/(appointments|applications|staff|persons|case-files|files|procedures|search|imports)(\/|$)/;
// A portal language is a tag like `de`, `prs` or `de-x-ls` (Leichte Sprache).
const portalPersonal = /^\/[a-z]{2,3}(-[a-z0-9]{1,8})*\/(appointment|manage)(\/|$)/;
const portalBookingForm = /^\/[a-z]{2,3}(-[a-z0-9]{1,8})*\/book\//;

/** Staff screens, the person's appointment and look-up pages, a booking form sent back with its values, the API's appointments and case files. */
export function holdsPersonalData(method: string, path: string): boolean {
  return staffArea.test(path) || personalApi.test(path) || portalPersonal.test(path) || (method === 'POST' && portalBookingForm.test(path));
}
