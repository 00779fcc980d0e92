import type { Database } from '../../db/database.ts';

/**
 * A visit to link: an appointment, or a ticket (with the appointment it came from, if any). Read
 * here, never written: appointment and ticket belong to their features.
 */
export async function visitToLink(db: Database, visit: { appointmentId: string } | { ticketId: string }) {
  if ('appointmentId' in visit) {
    const row = await db
      .selectFrom('appointment')
      .leftJoin('case_appointment_link', 'case_appointment_link.appointment_id', 'appointment.id')
      .select(['appointment.id', 'appointment.location_id', 'appointment.person_name', 'appointment.date_of_birth', 'case_appointment_link.person_id'])
      .where('appointment.id', '=', visit.appointmentId)
      .executeTakeFirst();
    return (
      row && {
        kind: 'appointment' as const,
        id: row.id,
        locationId: row.location_id,
        name: row.person_name,
        dateOfBirth: row.date_of_birth,
        linkedPersonId: row.person_id,
      }
    );
  }
  const row = await db
    .selectFrom('ticket')
    .leftJoin('appointment', 'appointment.id', 'ticket.appointment_id')
    .leftJoin('case_ticket_link', 'case_ticket_link.ticket_id', 'ticket.id')
    .leftJoin('case_appointment_link', 'case_appointment_link.appointment_id', 'ticket.appointment_id')
    .select([
      'ticket.id',
      'ticket.location_id',
      'ticket.routing_surname',
      'appointment.person_name',
      'appointment.date_of_birth',
      'case_ticket_link.person_id as ticket_person_id',
      'case_appointment_link.person_id as appointment_person_id',
    ])
    .where('ticket.id', '=', visit.ticketId)
    .executeTakeFirst();
  return (
    row && {
      kind: 'ticket' as const,
      id: row.id,
      locationId: row.location_id,
      name: row.person_name ?? row.routing_surname,
      dateOfBirth: row.date_of_birth,
      // A ticket from a linked appointment is that person's visit too.
      linkedPersonId: row.ticket_person_id ?? row.appointment_person_id,
    }
  );
}

/** Persons with a file whose name rows share a key with one of the words and who were born on that day (when given). */
export async function personsByNameAndBirth(
  db: Database,
  search: { normalized: string[]; skeletons: string[]; birth: { year: number; month: number | null; day: number | null } | null },
) {
  if (search.normalized.length === 0) return [];
  let query = db
    .selectFrom('case_person')
    .innerJoin('case_file', 'case_file.person_id', 'case_person.id')
    .select([
      'case_person.id as person_id',
      'case_person.family_name',
      'case_person.given_names',
      'case_person.birth_year',
      'case_person.birth_month',
      'case_person.birth_day',
      'case_file.id as file_id',
      'case_file.location_id',
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_person_name')
          .select('case_person_name.id')
          .whereRef('case_person_name.person_id', '=', 'case_person.id')
          .where((w) =>
            w.or([
              w('case_person_name.normalized', 'in', search.normalized),
              w(
                'case_person_name.skeleton',
                'in',
                search.skeletons.filter((s) => s !== ''),
              ),
            ]),
          ),
      ),
    );
  if (search.birth) {
    const { year, month, day } = search.birth;
    query = query.where('case_person.birth_year', '=', year);
    // A partly known date in the file matches any day of that month or year.
    if (month !== null) query = query.where((eb) => eb.or([eb('case_person.birth_month', 'is', null), eb('case_person.birth_month', '=', month)]));
    if (day !== null) query = query.where((eb) => eb.or([eb('case_person.birth_day', 'is', null), eb('case_person.birth_day', '=', day)]));
  }
  return query.orderBy('case_person.family_name').limit(20).execute();
}

/** The file of the person a ticket is linked to (directly or through its appointment), if any. */
export async function preparedFileForTicket(db: Database, ticketId: string): Promise<string | undefined> {
  const visit = await visitToLink(db, { ticketId });
  if (!visit?.linkedPersonId) return undefined;
  const file = await db.selectFrom('case_file').select('id').where('person_id', '=', visit.linkedPersonId).executeTakeFirst();
  return file?.id;
}
