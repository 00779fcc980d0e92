import type { Database } from '../../db/database.ts';

/** Whose appointment it is, as the audit trail names a person whose data a staff member opened. */
export function appointmentPerson(db: Database, appointmentId: string) {
  return db.selectFrom('appointment').select(['id', 'person_name', 'date_of_birth']).where('id', '=', appointmentId).executeTakeFirstOrThrow();
}

/** What a fee at the counter is proposed from: the service, the location, the person's age and language. */
export function appointmentForPayment(db: Database, appointmentId: string) {
  return db
    .selectFrom('appointment')
    .select(['id', 'service_id', 'location_id', 'person_name', 'date_of_birth', 'language', 'starts_at'])
    .where('id', '=', appointmentId)
    .executeTakeFirst();
}
