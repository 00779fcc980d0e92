import { createHash } from 'node:crypto';
import { sign } from '../portal/index.ts';

/**
 * The secret in a person's lottery link (their entry, result and booking): the portal's HMAC of the
 * entry's id, so the draw can write the same link into the result mail. Only its hash is stored:
 * the database alone does not open anyone's entry.
 */
export function linkToken(key: string, entryId: string): string {
  return sign(key, `lottery:${entryId}`);
}

export function linkHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isLinkToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function entryUrl(publicUrl: string, lang: string, token: string): string {
  return `${publicUrl}/${lang}/lottery/entry/${token}`;
}
