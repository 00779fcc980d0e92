import type { Database } from '../../db/database.ts';
import { endCheckedInAppointment } from './appointment-store.ts';

/**
 * Nobody came to the counter after the calls: a checked-in appointment ends as a no-show, in the
 * transaction that ends the visit. Any other status stays (the visit may belong to an appointment
 * that was already completed or is no longer checked in); says whether the appointment changed.
 */
export function markAppointmentNoShow(trx: Database, appointmentId: string, now: Date): Promise<boolean> {
  return endCheckedInAppointment(trx, appointmentId, 'no_show', now);
}
