import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { isManageToken } from '../portal/index.ts';
import type { NoticedAppointment } from './appointment-notifier.ts';
import { findErasedAppointmentByCode, findNoticedAppointmentByCode } from './noticed-appointment-store.ts';

const portalCode = /^[A-Z0-9]{6,12}$/;

/**
 * The appointment with this code as the portal shows it. Appointments whose personal data was
 * erased (retention job) are not found: code + date of birth answers like an unknown code, and
 * no page shows what is left of them.
 */
export async function findPortalAppointment(db: Database, code: string): Promise<NoticedAppointment | undefined> {
  return portalCode.test(code) ? findNoticedAppointmentByCode(db, code) : undefined;
}

/**
 * The appointment the e-mail's link (code + token) opens; 'erased' when its personal data was
 * erased meanwhile (the holder learns it is over, and nothing more); undefined for a wrong code,
 * a wrong token and someone else's appointment alike.
 */
export async function openByLink(db: Database, key: string, code: string, token: string): Promise<NoticedAppointment | 'erased' | undefined> {
  if (!portalCode.test(code) || token.length > 100) return undefined;
  const appointment = await findNoticedAppointmentByCode(db, code);
  if (appointment) return opens(key, appointment, token) ? appointment : undefined;
  const erased = await findErasedAppointmentByCode(db, code);
  return erased && opens(key, erased, token) ? 'erased' : undefined;
}

/** The link's token is the portal's HMAC (manage-token.ts) or, from older mails, the manage secret itself. */
function opens(key: string, appointment: { id: string; code: string; manage_secret_hash: string }, token: string): boolean {
  return isManageToken(key, appointment, token) || secretMatchesHash(token, appointment.manage_secret_hash);
}

/** Whether the manage secret matches its stored SHA-256, compared in constant time. */
export function secretMatchesHash(secret: string, storedHash: string): boolean {
  const given = createHash('sha256').update(secret).digest();
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
