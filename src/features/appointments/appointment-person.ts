import type { Database } from '../../db/database.ts';

/** Whose appointment it is, as the audit trail names a person whose data a staff member opened. */
export function appointmentPerson(db: Database, appointmentId: string) {
  return db.selectFrom('appointment').select(['id', 'person_name', 'date_of_birth']).where('id', '=', appointmentId).executeTakeFirstOrThrow();
}

/** The people of several appointments at once (a screen that shows many), for the same audit entries. */
export function appointmentPersons(db: Database, appointmentIds: readonly string[]) {
  return db
    .selectFrom('appointment')
    .select(['id', 'person_name', 'date_of_birth'])
    .where('id', 'in', [...appointmentIds])
    .execute();
}
