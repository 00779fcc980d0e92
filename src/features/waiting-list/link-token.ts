import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret in a waiting-list link (the entry's page, an offer). Only its hash is stored: a
 * leaked database gives nobody a link that books or leaves.
 */
export function newLinkToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as newLinkToken makes them; anything else is a tampered or truncated link. */
export function isLinkToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value);
}
