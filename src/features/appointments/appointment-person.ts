import type { Database } from '../../db/database.ts';

/** Whose appointment it is, as the audit trail names a person whose data a staff member opened. */
export function appointmentPerson(db: Database, appointmentId: string) {
  return db.selectFrom('appointment').select(['id', 'person_name', 'date_of_birth']).where('id', '=', appointmentId).executeTakeFirstOrThrow();
}
