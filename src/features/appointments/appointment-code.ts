import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The appointment code (Terminkennung) is read aloud on the phone and typed on the kiosk: no 0/O,
 * 1/I/L look-alikes. 8 characters from 31 give 31^8 ≈ 8.5·10^11 codes (≈ 40 bits); it identifies,
 * the separate manage secret authorizes.
 */
export const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const codeLength = 8;

export function newAppointmentCode(): string {
  let code = '';
  for (let i = 0; i < codeLength; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

/** The code as stored: upper case, without the spaces and dashes people type. */
export function canonicalCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

// A call of randomBytes per secret was a visible share of a booking's CPU: secrets are cut from a
// pool of fresh random bytes instead, each byte used once (as Node's randomUUID does).
const secretLength = 32;
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

export function newManageSecret(): string {
  if (randomOffset + secretLength > randomPool.length) {
    randomPool = randomBytes(secretLength * 128);
    randomOffset = 0;
  }
  const secret = randomPool.toString('base64url', randomOffset, randomOffset + secretLength);
  randomOffset += secretLength;
  return secret;
}

export function hashManageSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function manageSecretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashManageSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The Idempotency-Key is stored only as a hash; the raw key is what unseals the manage secret. */
export function hashIdempotencyKey(key: string): string {
  return createHash('sha256').update(`lotse-idempotency:${key}`).digest('hex');
}

function sealingKey(idempotencyKey: string): Buffer {
  return createHash('sha256').update(`lotse-seal:${idempotencyKey}`).digest();
}

export function sealManageSecret(secret: string, idempotencyKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(idempotencyKey), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${iv.toString('base64url')}.${sealed.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

export function unsealManageSecret(sealed: string, idempotencyKey: string): string | null {
  const [iv, data, tag] = sealed.split('.');
  if (!iv || !data || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(idempotencyKey), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
