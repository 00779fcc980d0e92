import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../log.ts';
import type { AppEnv } from './app-env.ts';
import { setAnswerHeader } from './answer-header.ts';
import { trustProxies } from './client-ip.ts';
import type { Drain } from './drain.ts';
import { forbidStoring } from './no-store.ts';
import { logRequest, routePattern } from './request-log.ts';

export type RequestFrameDeps = {
  logger: Logger;
  /** proxy-addr trust entries for X-Forwarded-For (client-ip.ts). */
  trustedProxies: readonly string[];
  /** Portal cookies get `Secure` (PUBLIC_URL is https, also when TLS ends at a proxy). */
  secureCookies: boolean;
  /** While the instance shuts down, no connection is kept alive: the client's next request opens one elsewhere. */
  drain?: Drain | undefined;
  /** The request metrics (platform/metrics), with the route pattern the log names. */
  countRequest: (c: Context, route: string, seconds: number) => void;
};

/**
 * What every request gets around its route, as one middleware: its id (X-Request-Id, a valid one
 * sent by a proxy is kept), the proxies its client address is believed from, the log line, the
 * metrics, `Connection: close` while draining and `no-store` on personal data. One, not seven:
 * each middleware in Hono's chain is its own dispatch and promise, and together they were a
 * visible share of a booking's CPU (docs/performance.md).
 */
export function requestFrame(deps: RequestFrameDeps): MiddlewareHandler<AppEnv> {
  const trust = trustProxies(deps.trustedProxies);
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && given.length <= 255 && !/[^\w\-=]/.test(given) ? given : crypto.randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    trust(c);
    c.set('secureCookies', deps.secureCookies);
    await next();
    const ms = performance.now() - started;
    const route = routePattern(c);
    logRequest(deps.logger, c, route, ms);
    deps.countRequest(c, route, ms / 1000);
    if (deps.drain?.draining()) setAnswerHeader(c, 'Connection', 'close');
    forbidStoring(c);
  };
}
