import type { Database } from '../../../db/database.ts';

export type LinkedAppointment = { appointmentId: string; startsAt: Date; status: string; locationName: string };

/** The appointments linked to these persons (newest first, at most five each), for reception. */
export async function appointmentsOfPersons(db: Database, personIds: readonly string[]): Promise<Map<string, LinkedAppointment[]>> {
  const byPerson = new Map<string, LinkedAppointment[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('case_appointment_link as k')
    .innerJoin('appointment as a', 'a.id', 'k.appointment_id')
    .innerJoin('location as l', 'l.id', 'a.location_id')
    .where('k.person_id', 'in', [...personIds])
    .select(['k.person_id', 'a.id', 'a.starts_at', 'a.status', 'l.name'])
    .orderBy('a.starts_at', 'desc')
    .execute();
  for (const row of rows) {
    const list = byPerson.get(row.person_id) ?? [];
    if (list.length < 5) list.push({ appointmentId: row.id, startsAt: new Date(row.starts_at), status: row.status, locationName: row.name });
    byPerson.set(row.person_id, list);
  }
  return byPerson;
}
