import type { Database } from '../../db/database.ts';
import { endCheckedInAppointment } from './appointment-store.ts';

/**
 * The visit was finished at the counter: a checked-in appointment is completed, in the transaction
 * that finishes the visit. Any other status stays; says whether the appointment changed.
 */
export function completeAppointment(trx: Database, appointmentId: string, now: Date): Promise<boolean> {
  return endCheckedInAppointment(trx, appointmentId, 'completed', now);
}
