import { createHmac } from 'node:crypto';
import { sameToken } from '../../platform/http/csrf.ts';

/**
 * The token in the e-mail's change/cancel link: an HMAC of the appointment, so the portal can
 * put it into the confirmation mail inside the booking transaction without knowing the
 * engine's manage secret (which the engine only returns after commit).
 */
export function manageToken(key: string, appointment: { id: string; code: string }): string {
  return sign(key, `manage:${appointment.id}:${appointment.code}`);
}

export function isManageToken(key: string, appointment: { id: string; code: string }, token: string): boolean {
  return sameToken(token, manageToken(key, appointment));
}

/** The portal's HMAC signature of `text` with its key (portal-secret.ts). */
export function sign(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}
