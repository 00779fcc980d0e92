import type { Context } from 'hono';
import { isAppError } from '../../shared/app-error.ts';
import { clientIp } from './http/portal-security.ts';
import type { PortalDeps } from './portal-deps.ts';
import { enforce } from './rate-limit.ts';
import { translate } from '../../web/i18n.ts';
import { problemPage } from './problem-page.tsx';
import { portalLang } from './portal-routes.tsx';

/**
 * The answer when a portal limit was reached: the "too many attempts" page in the reader's
 * language with Retry-After. Any other error is thrown on.
 */
export function rateLimitedPage(c: Context, error: unknown, path = '/') {
  if (!isAppError(error) || error.code !== 'rate_limited') throw error;
  const l = portalLang(c);
  c.header('Retry-After', '3600');
  return problemPage(c, 429, { lang: l, path, problem: 'limit', actions: [{ href: `/${l}/`, label: translate(l, 'portal.home') }] });
}

/**
 * Counts one look-up by code (or reference) and date of birth against the address's hourly limit
 * (guessing is the threat); past it, the page to answer with.
 */
export async function countLookup(c: Context, deps: Pick<PortalDeps, 'db' | 'clock' | 'settings' | 'key'>, path: string): Promise<Response | undefined> {
  try {
    await enforce(deps.db, await deps.key(), {
      bucket: 'lookup-ip',
      subject: clientIp(c),
      limit: deps.settings.lookupsPerIpPerHour,
      windowSeconds: 3600,
      now: deps.clock.now(),
    });
    return undefined;
  } catch (error) {
    return rateLimitedPage(c, error, path);
  }
}
