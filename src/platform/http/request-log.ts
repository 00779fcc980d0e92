import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../log.ts';

/**
 * One log line per request (request-frame.ts). It names the route pattern
 * (`/api/v1/appointments/:code`), never the concrete path or query, so codes and personal data
 * stay out of the logs. Nothing is built when the level writes no line for it.
 */
export function logRequest(logger: Logger, c: Context, route: string, ms: number): void {
  const status = c.res.status;
  const level = status >= 500 ? 'error' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  logger[level]({ requestId: c.get('requestId'), method: c.req.method, route, status, ms: Math.round(ms * 10) / 10 }, 'request');
}

/**
 * The pattern of the route that answered, for the request log and the metrics. The last matched
 * route is not it: middleware of routes mounted later (`/*`) matches too, so /healthz looked like
 * `/*`. When a middleware answered instead (a sign-in redirect, a refusal), the last route
 * registered for a method names what the request was meant for.
 */
export function routePattern(c: Context): string {
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  if (answered && answered.method !== 'ALL') return answered.path;
  return routes.findLast((route) => route.method !== 'ALL')?.path ?? routes.at(-1)?.path ?? '';
}
