import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Hono's bodyLimit, minus its cost on the common request. Hono's version asks the request for
 * its body stream first, which makes @hono/node-server build a full fetch Request (a web stream
 * over the socket) for every POST: a visible share of a booking's CPU. A request that states its
 * length is judged by that header alone, exactly as Hono's version does (Node's parser holds the
 * body to it), and the body is then read by node-server's direct path. Only a body of unstated
 * length (chunked) is counted while it streams in, by Hono's own middleware.
 */
export function limitBody(maxSize: number, onError: (c: Context) => never): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number.parseInt(length, 10) > maxSize) onError(c);
      return next();
    }
    return counting(c, next);
  };
}
