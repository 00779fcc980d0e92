import { Secret, TOTP } from 'otpauth';

/** TOTP after RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps expect. */
const stepSeconds = 30;
const issuer = 'Lotse';

// Secrets are stored as unpadded RFC 4648 base32 text (20 random bytes), the form otpauth reads and writes.
function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: stepSeconds });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / stepSeconds);
}

export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

/**
 * The step a code matches (one step of clock drift either way), or undefined. Callers store
 * the step and refuse codes at or before it, so a code cannot be used twice. otpauth compares
 * each candidate with crypto.timingSafeEqual.
 */
export function matchTotp(secretBase32: string, code: string, at: Date, lastUsedStep: number | null): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secretBase32).validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return undefined;
  const step = totpStep(at) + delta;
  return lastUsedStep === null || step > lastUsedStep ? step : undefined;
}

export function otpauthUrl(secretBase32: string, account: string): string {
  return totp(secretBase32, account).toString();
}
