import type { Context } from 'hono';

/**
 * Sets a header on the answer a route has given, from a middleware after `next()`. Hono's
 * `c.header()` at that point rebuilds the answer as a full fetch Response with its body as a
 * stream, which @hono/node-server then writes chunk by chunk: about a tenth of a booking's CPU
 * (docs/performance.md). The answer's own headers are changed in place instead; only an answer
 * whose headers cannot change (a redirect made by `Response.redirect`) goes Hono's way.
 */
export function setAnswerHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
