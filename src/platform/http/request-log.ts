import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../log.ts';

/**
 * One log line per request. It names the route pattern (`/api/v1/appointments/:code`),
 * never the concrete path or query, so codes and personal data stay out of the logs.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    const line = { requestId: c.get('requestId'), method: c.req.method, route: routePattern(c), status, ms };
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  };
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
