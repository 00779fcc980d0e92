import type { Context, MiddlewareHandler } from 'hono';
import proxyaddr from 'proxy-addr';

/** What `LOTSE_TRUST_PROXY=true` means: a proxy on this machine or in the office's private network. */
export const privateProxies = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Parses LOTSE_TRUST_PROXY: false (no proxy), true (loopback and private ranges) or a
 * comma-separated list of addresses, CIDRs and proxy-addr's names (loopback, linklocal,
 * uniquelocal). Throws on an entry proxy-addr cannot compile.
 */
export function parseTrustedProxies(value: string): string[] {
  const v = value.trim().toLowerCase();
  if (['', 'false', '0', 'no'].includes(v)) return [];
  if (['true', '1', 'yes'].includes(v)) return privateProxies;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  proxyaddr.compile(list);
  return list;
}

/**
 * Settles the client's address once per request, for every rate limit, lockout and audit entry.
 * X-Forwarded-For is read from the right: each hop a trusted proxy added is skipped, and the first
 * address not from a trusted proxy is the client. Entries left of it were written by the client and
 * are never believed.
 */
export function clientAddress(trustedProxies: readonly string[]): MiddlewareHandler {
  const trust = proxyaddr.compile([...trustedProxies]);
  return async (c, next) => {
    c.set('clientIp', resolve(c, trust));
    await next();
  };
}

function resolve(c: Context, trust: (address: string, hop: number) => boolean): string {
  const socket = socketAddress(c);
  if (!socket) return 'unknown';
  const forwarded = c.req.header('x-forwarded-for');
  try {
    const address = proxyaddr({ socket: { remoteAddress: socket }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} } as never, trust);
    return address.slice(0, 64);
  } catch {
    return socket.slice(0, 64);
  }
}

function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } }; server?: { incoming?: { socket?: { remoteAddress?: string } } } } | undefined;
  return (env?.server ?? env)?.incoming?.socket?.remoteAddress;
}

/** The client's address as settled by `clientAddress` ('unknown' without a socket, e.g. app.request() in tests). */
export function clientIp(c: Context): string {
  return (c.get('clientIp') as string | undefined) ?? 'unknown';
}
