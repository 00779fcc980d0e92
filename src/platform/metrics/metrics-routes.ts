import { timingSafeEqual, createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { httpDuration, httpRequests, registry } from './metrics.ts';
import './scrape-gauges.ts';

/** Counts a request under its route pattern (the one the request log names; request-frame.ts). */
export function countRequest(c: Context, route: string, seconds: number): void {
  httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
  httpDuration.observe({ method: c.req.method, route }, seconds);
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics in the Prometheus text format, for `Authorization: Bearer <LOTSE_METRICS_TOKEN>`
 * only (401 otherwise). Without a token the route is not mounted at all (see docs/operations.md).
 */
export function metricsRoutes(token: string): Hono {
  const expected = digest(token);
  const routes = new Hono();
  routes.get('/metrics', async (c) => {
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      return c.text('A metrics token is needed: Authorization: Bearer <LOTSE_METRICS_TOKEN>.\n', 401, { 'www-authenticate': 'Bearer realm="lotse-metrics"' });
    }
    return c.body(await registry.metrics(), 200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  });
  return routes;
}
