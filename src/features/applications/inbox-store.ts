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
