import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import { type AuditEntryInput, auditPersonForAppointment, recordAudit } from '../staff/index.ts';

/**
 * Showing names is opening personal data: one audit entry `person.view` per appointment shown
 * on `screen` (absence impact, closure impact, the desk, reception).
 */
export async function auditAppointmentsViewed(
  deps: { db: Database; clock: Clock },
  view: { actor: AuditEntryInput['actor']; appointmentIds: readonly string[]; screen: string; ip: string | undefined },
): Promise<void> {
  if (view.appointmentIds.length === 0) return;
  const people = await deps.db
    .selectFrom('appointment')
    .select(['id', 'person_name', 'date_of_birth'])
    .where('id', 'in', [...view.appointmentIds])
    .execute();
  for (const person of people) {
    const personId = await auditPersonForAppointment(deps.db, person);
    await recordAudit(deps.db, deps.clock, {
      actor: view.actor,
      action: 'person.view',
      target: { type: 'appointment', id: person.id },
      personId,
      screen: view.screen,
      ip: view.ip,
    });
  }
}

/** What a fee at the counter is proposed from: the service, the location, the person's age and language. */
export function appointmentForPayment(db: Database, appointmentId: string) {
  return db
    .selectFrom('appointment')
    .select(['id', 'service_id', 'location_id', 'person_name', 'date_of_birth', 'language', 'starts_at'])
    .where('id', '=', appointmentId)
    .executeTakeFirst();
}
