import { createHash, timingSafeEqual } from 'node:crypto';
import type { NoticedAppointment, Person } from '../appointments/index.ts';

/**
 * The seam between the portal and the appointment engine (implemented in engine-adapter.ts). The
 * portal's pages only call these operations; each change records its notice for the person's
 * mails with it, like every other change (appointment-notices.ts).
 */
export type FreeDay = { date: string; starts: Date[] };
export type BookedAppointment = { id: string; code: string; manageSecret: string };
/** An appointment as the portal reads it: what its messages are written from (engine's type). */
export type AppointmentRow = NoticedAppointment;

export type PortalEngine = {
  freeDays(input: { serviceId: string; locationId: string; from: string; to: string; releaseDelayMinutes: number }): Promise<FreeDay[]>;
  book(input: { serviceId: string; locationId: string; start: Date; person: Person; releaseDelayMinutes: number }): Promise<BookedAppointment>;
  cancel(input: { appointmentId: string }): Promise<void>;
  reschedule(input: { appointmentId: string; start: Date; releaseDelayMinutes: number }): Promise<void>;
};

/** Whether the manage secret matches its stored SHA-256, compared in constant time. */
export function secretMatchesHash(secret: string, storedHash: string): boolean {
  const given = createHash('sha256').update(secret).digest();
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
