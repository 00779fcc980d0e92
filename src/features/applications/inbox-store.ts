import type { Database } from '../../db/database.ts';

/** Submitted applications not yet accepted, at these locations (optionally of one procedure type), oldest first. */
export async function submittedApplications(db: Database, locationIds: readonly string[], procedureTypeId?: string) {
  if (locationIds.length === 0) return [];
  let query = db
    .selectFrom('application as a')
    .innerJoin('application_form_version as v', 'v.id', 'a.form_version_id')
    .innerJoin('application_form as f', 'f.id', 'v.form_id')
    .innerJoin('case_procedure as p', 'p.id', 'a.procedure_id')
    .innerJoin('case_file as file', 'file.id', 'p.file_id')
    .innerJoin('procedure_type as t', 't.id', 'p.procedure_type_id')
    .innerJoin('case_person as person', 'person.id', 'file.person_id')
    .innerJoin('location', 'location.id', 'file.location_id')
    .select([
      'location.time_zone',
      'a.id',
      'a.submitted_at',
      'a.lang',
      'a.person_match',
      'a.match_candidates',
      'p.id as procedure_id',
      'p.number',
      'p.version as procedure_version',
      'file.id as file_id',
      'file.location_id',
      't.name_de as type_name',
      't.id as type_id',
      'person.family_name',
      'person.given_names',
      'v.texts',
    ])
    .where('a.state', '=', 'submitted')
    .where('file.location_id', 'in', [...locationIds])
    .orderBy('a.submitted_at');
  if (procedureTypeId) query = query.where('t.id', '=', procedureTypeId);
  return query.limit(200).execute();
}

/** How many applications wait in the inbox of these locations (its rows, without its limit). */
export async function countSubmittedApplications(db: Database, locationIds: readonly string[]): Promise<number> {
  if (locationIds.length === 0) return 0;
  const row = await db
    .selectFrom('application as a')
    .innerJoin('case_procedure as p', 'p.id', 'a.procedure_id')
    .innerJoin('case_file as file', 'file.id', 'p.file_id')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('a.state', '=', 'submitted')
    .where('file.location_id', 'in', [...locationIds])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export type InboxRow = Awaited<ReturnType<typeof submittedApplications>>[number];

/** The application with what a clerk's action needs: its procedure, file location, language and address. */
export async function applicationForClerk(db: Database, applicationId: string) {
  return db
    .selectFrom('application as a')
    .innerJoin('case_procedure as p', 'p.id', 'a.procedure_id')
    .innerJoin('case_file as file', 'file.id', 'p.file_id')
    .select(['a.id', 'a.state', 'a.lang', 'a.email', 'a.person_id', 'p.id as procedure_id', 'p.number', 'p.procedure_type_id', 'p.version', 'file.location_id'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
}

/** What booking for the applicant needs: the person as in the file, the address, the type's service and the location. */
export async function applicationForBooking(db: Database, applicationId: string) {
  return db
    .selectFrom('application as a')
    .innerJoin('case_procedure as p', 'p.id', 'a.procedure_id')
    .innerJoin('procedure_type as t', 't.id', 'p.procedure_type_id')
    .innerJoin('case_file as file', 'file.id', 'p.file_id')
    .innerJoin('case_person as person', 'person.id', 'file.person_id')
    .innerJoin('location', 'location.id', 'file.location_id')
    .select([
      'a.id',
      'a.state',
      'a.lang',
      'a.email',
      'p.id as procedure_id',
      'p.number',
      'file.id as file_id',
      'file.location_id',
      'location.name as location_name',
      'location.time_zone',
      't.name_de as type_name',
      't.service_id as type_service_id',
      'person.id as person_id',
      'person.family_name',
      'person.given_names',
      'person.birth_year',
      'person.birth_month',
      'person.birth_day',
      'person.email as person_email',
    ])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
}

export type ApplicationForBooking = NonNullable<Awaited<ReturnType<typeof applicationForBooking>>>;

/** The active services offered at a location, with their German names, for the clerk's choice. */
export async function servicesAtLocation(db: Database, locationId: string) {
  return db
    .selectFrom('service')
    .innerJoin('service_location', 'service_location.service_id', 'service.id')
    .leftJoin('service_text', (join) => join.onRef('service_text.service_id', '=', 'service.id').on('service_text.lang', '=', 'de'))
    .select(['service.id', 'service.slug', 'service_text.name'])
    .where('service_location.location_id', '=', locationId)
    .where('service.active', '=', true)
    .orderBy('service.sort_order')
    .orderBy('service.slug')
    .execute();
}

/** The booked (or checked-in) appointment of a procedure, if there is one. */
export async function activeAppointmentOfProcedure(db: Database, procedureId: string) {
  return db
    .selectFrom('case_appointment_link as link')
    .innerJoin('appointment', 'appointment.id', 'link.appointment_id')
    .select(['appointment.id', 'appointment.starts_at', 'appointment.code'])
    .where('link.procedure_id', '=', procedureId)
    .where('appointment.status', 'in', ['booked', 'checked_in'])
    .orderBy('appointment.starts_at')
    .executeTakeFirst();
}

/** Locks the application's row: the clerk's decisions on one application take turns. */
export async function lockApplication(trx: Database, applicationId: string) {
  return trx
    .selectFrom('application')
    .select(['id', 'state', 'person_id', 'procedure_id', 'person_match', 'match_candidates', 'match_decided_by_staff_id'])
    .where('id', '=', applicationId)
    .forUpdate()
    .executeTakeFirst();
}

/** The persons an uncertain match named, with their files: what a clerk compares. */
export async function matchCandidatesOf(db: Database, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('case_person as person')
    .innerJoin('case_file as file', 'file.person_id', 'person.id')
    .innerJoin('location', 'location.id', 'file.location_id')
    .select([
      'person.id',
      'person.family_name',
      'person.given_names',
      'person.birth_year',
      'person.birth_month',
      'person.birth_day',
      'file.id as file_id',
      'file.reference',
      'file.state',
      'file.location_id',
      'location.name as location_name',
    ])
    .where('person.id', 'in', [...personIds])
    .orderBy('person.family_name')
    .orderBy('person.given_names')
    .execute();
}

export type MatchCandidate = Awaited<ReturnType<typeof matchCandidatesOf>>[number];

/** The documents an application brought into its file: the uploads and the receipt. */
export async function documentsOfApplication(db: Database, applicationId: string): Promise<string[]> {
  const uploads = await db
    .selectFrom('application_upload')
    .select('document_id')
    .where('application_id', '=', applicationId)
    .where('document_id', 'is not', null)
    .execute();
  const receipt = await db.selectFrom('application').select('receipt_document_id').where('id', '=', applicationId).executeTakeFirst();
  return [...uploads.map((u) => u.document_id), receipt?.receipt_document_id].filter((id): id is string => id !== null && id !== undefined);
}
