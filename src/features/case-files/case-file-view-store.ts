import type { Database } from '../../db/database.ts';

/** The file's head: reference, state, location, retention. */
export async function fileHead(db: Database, fileId: string) {
  return db
    .selectFrom('case_file')
    .innerJoin('location', 'location.id', 'case_file.location_id')
    .select([
      'case_file.id',
      'case_file.person_id',
      'case_file.reference',
      'case_file.state',
      'case_file.closed_at',
      'case_file.handed_over_to',
      'case_file.retention_until',
      'case_file.version',
      'case_file.location_id',
      'location.name as location_name',
      'location.time_zone',
    ])
    .where('case_file.id', '=', fileId)
    .executeTakeFirstOrThrow();
}

export async function residenceTitlesOf(db: Database, personId: string) {
  return db
    .selectFrom('residence_title')
    .select(['id', 'kind', 'legal_basis', 'valid_from', 'valid_until', 'card_serial', 'is_current', 'created_at'])
    .where('person_id', '=', personId)
    .orderBy('is_current', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function familyOf(db: Database, personId: string) {
  return db
    .selectFrom('family_link')
    .innerJoin('case_person', 'case_person.id', 'family_link.related_person_id')
    .leftJoin('case_file', 'case_file.person_id', 'case_person.id')
    .select([
      'family_link.relation',
      'family_link.related_person_id',
      'case_person.family_name',
      'case_person.given_names',
      'case_file.id as file_id',
      'case_file.reference',
    ])
    .where('family_link.person_id', '=', personId)
    .orderBy('case_person.family_name')
    .execute();
}

/** The procedures of a file with their type and current status (German label). */
export async function proceduresOf(db: Database, fileId: string) {
  return db
    .selectFrom('case_procedure')
    .innerJoin('procedure_type', 'procedure_type.id', 'case_procedure.procedure_type_id')
    .innerJoin('procedure_status', 'procedure_status.id', 'case_procedure.status_id')
    .leftJoin('procedure_status_text', (join) =>
      join.onRef('procedure_status_text.procedure_status_id', '=', 'procedure_status.id').on('procedure_status_text.lang', '=', 'de'),
    )
    .leftJoin('staff', 'staff.id', 'case_procedure.assigned_staff_id')
    .select([
      'case_procedure.id',
      'case_procedure.number',
      'case_procedure.procedure_type_id',
      'case_procedure.status_id',
      'case_procedure.assigned_staff_id',
      'case_procedure.planned_end',
      'case_procedure.suspended_at',
      'case_procedure.suspension_reason',
      'case_procedure.fee_state',
      'case_procedure.opened_at',
      'case_procedure.closed_at',
      'case_procedure.version',
      'procedure_type.name_de as type_name',
      'procedure_type.legal_basis as type_legal_basis',
      'procedure_status.code as status_code',
      'procedure_status_text.label as status_label',
      'staff.display_name as assigned_name',
    ])
    .where('case_procedure.file_id', '=', fileId)
    .orderBy('case_procedure.opened_at', 'desc')
    .execute();
}

export async function statusHistoryOf(db: Database, procedureIds: readonly string[]) {
  if (procedureIds.length === 0) return [];
  return db
    .selectFrom('case_procedure_status_change')
    .innerJoin('procedure_status', 'procedure_status.id', 'case_procedure_status_change.status_id')
    .leftJoin('procedure_status_text', (join) =>
      join.onRef('procedure_status_text.procedure_status_id', '=', 'procedure_status.id').on('procedure_status_text.lang', '=', 'de'),
    )
    .select([
      'case_procedure_status_change.procedure_id',
      'case_procedure_status_change.at',
      'case_procedure_status_change.by_label',
      'case_procedure_status_change.note',
      'procedure_status.code',
      'procedure_status_text.label',
    ])
    .where('case_procedure_status_change.procedure_id', 'in', [...procedureIds])
    .orderBy('case_procedure_status_change.id')
    .execute();
}

/** The statuses each type offers (German labels), for the status-change forms. */
export async function statusOptions(db: Database, typeIds: readonly string[]) {
  if (typeIds.length === 0) return [];
  return db
    .selectFrom('procedure_status')
    .leftJoin('procedure_status_text', (join) =>
      join.onRef('procedure_status_text.procedure_status_id', '=', 'procedure_status.id').on('procedure_status_text.lang', '=', 'de'),
    )
    .select(['procedure_status.id', 'procedure_status.procedure_type_id', 'procedure_status.code', 'procedure_status_text.label'])
    .where('procedure_status.procedure_type_id', 'in', [...typeIds])
    .orderBy('procedure_status.position')
    .execute();
}

export async function notesOf(db: Database, fileId: string) {
  return db
    .selectFrom('case_note')
    .leftJoin('case_procedure', 'case_procedure.id', 'case_note.procedure_id')
    .select(['case_note.id', 'case_note.text', 'case_note.by_label', 'case_note.at', 'case_procedure.number as procedure_number'])
    .where('case_note.file_id', '=', fileId)
    .orderBy('case_note.at', 'desc')
    .execute();
}

/** The person's appointments and visits (tickets) linked at the desk or reception. */
export async function visitsOf(db: Database, personId: string) {
  const appointments = await db
    .selectFrom('case_appointment_link')
    .innerJoin('appointment', 'appointment.id', 'case_appointment_link.appointment_id')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'appointment.service_id').on('service_text.lang', '=', 'de'))
    .select(['appointment.id', 'appointment.code', 'appointment.starts_at', 'appointment.status', 'service_text.name as service_name'])
    .where('case_appointment_link.person_id', '=', personId)
    .orderBy('appointment.starts_at', 'desc')
    .execute();
  const tickets = await db
    .selectFrom('case_ticket_link')
    .innerJoin('ticket', 'ticket.id', 'case_ticket_link.ticket_id')
    .select(['ticket.id', 'ticket.day', 'ticket.display_number', 'ticket.status', 'ticket.queued_at'])
    .where('case_ticket_link.person_id', '=', personId)
    .orderBy('ticket.queued_at', 'desc')
    .execute();
  return { appointments, tickets };
}

/** Who opened the file or changed it (the audit trail for this person), newest first. */
export async function accessLogOf(db: Database, personId: string, fileId: string) {
  return db
    .selectFrom('audit_entry')
    .leftJoin('audit_person', 'audit_person.id', 'audit_entry.person_id')
    .select(['audit_entry.at', 'audit_entry.actor_label', 'audit_entry.action', 'audit_entry.outcome', 'audit_entry.screen'])
    .where((eb) => eb.or([eb('audit_person.case_person_id', '=', personId), eb('audit_entry.target_id', '=', fileId)]))
    .orderBy('audit_entry.id', 'desc')
    .limit(200)
    .execute();
}

/** Clerks and team leads of a location, for "in charge". */
export async function clerksAt(db: Database, locationId: string) {
  return db
    .selectFrom('staff')
    .innerJoin('staff_location', 'staff_location.staff_id', 'staff.id')
    .select(['staff.id', 'staff.display_name'])
    .where('staff_location.location_id', '=', locationId)
    .where('staff.role', 'in', ['clerk', 'team_lead'])
    .where('staff.active', '=', true)
    .orderBy('staff.display_name')
    .execute();
}

export async function activeProcedureTypes(db: Database) {
  return db.selectFrom('procedure_type').select(['id', 'name_de', 'legal_basis']).where('active', '=', true).orderBy('name_de').execute();
}
