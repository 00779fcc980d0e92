import type { Context } from 'hono';
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
 * The client's address, for every rate limit, lockout and audit entry: settled on first use in a
 * request and kept for the rest of it. X-Forwarded-For is read from the right: each hop a trusted
 * proxy added is skipped, and the first address not from a trusted proxy is the client. Entries
 * left of it were written by the client and are never believed. The trusted proxies come from
 * `trustProxies`, mounted first in createApp; 'unknown' without a socket (app.request() in tests).
 */
export function clientIp(c: Context): string {
  let address = c.get('clientIp') as string | undefined;
  if (address === undefined) {
    const trust = c.get('trustedProxy') as ((address: string, hop: number) => boolean) | undefined;
    address = trust ? resolve(c, trust) : 'unknown';
    c.set('clientIp', address);
  }
  return address;
}

/** Which proxies this request's X-Forwarded-For is believed from (see clientIp). */
export function trustProxies(trustedProxies: readonly string[]): (c: Context) => void {
  const trust = proxyaddr.compile([...trustedProxies]);
  return (c) => c.set('trustedProxy', trust);
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
