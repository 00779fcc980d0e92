import { createChallenge, verifySolution } from 'altcha-lib/v1';
import type { Database } from '../../db/database.ts';

/**
 * ALTCHA proof of work (self-hosted, no third party). The server signs a challenge with its
 * HMAC key; the browser searches the number whose SHA-256 with the salt matches; the server
 * verifies the signature, the expiry and the hash, then records the challenge as used so the
 * same solution can never be sent twice.
 */
export type PowChallenge = { algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string };

export async function newChallenge(key: string, options: { maxNumber: number; expiresMinutes: number; now: Date }): Promise<PowChallenge> {
  const challenge = await createChallenge({
    hmacKey: key,
    maxNumber: options.maxNumber,
    expires: new Date(options.now.getTime() + options.expiresMinutes * 60_000),
  });
  return challenge as PowChallenge;
}

export type PowOutcome = 'ok' | 'invalid' | 'replayed';

/**
 * Verifies a base64 ALTCHA payload and spends it: a second use of the same challenge answers
 * 'replayed'. The expiry is checked here against the office clock: altcha-lib would check it
 * against the machine's.
 */
export async function spendSolution(db: Database, key: string, payload: string, now: Date): Promise<PowOutcome> {
  if (payload.length > 2000) return 'invalid';
  let valid = false;
  try {
    valid = await verifySolution(payload, key, false);
  } catch {
    valid = false;
  }
  if (!valid) return 'invalid';
  const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { challenge: string; salt: string };
  const expires = Number(new URLSearchParams(decoded.salt.split('?')[1] ?? '').get('expires') ?? 0);
  if (!Number.isFinite(expires) || (expires > 0 && expires * 1000 < now.getTime())) return 'invalid';
  const inserted = await db
    .insertInto('proof_of_work_used')
    .values({ challenge: decoded.challenge, expires_at: new Date(expires > 0 ? expires * 1000 : now.getTime() + 86_400_000) })
    .onConflict((oc) => oc.column('challenge').doNothing())
    .returning('challenge')
    .executeTakeFirst();
  return inserted ? 'ok' : 'replayed';
}
