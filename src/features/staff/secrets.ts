import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or token, URL-safe. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** High-entropy secrets (session ids, tokens, recovery codes) are stored as SHA-256: no slow hash needed. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
