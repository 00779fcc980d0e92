import { sql, type Kysely } from 'kysely';

/**
 * The clerk's side of online applications (issue 14, docs/applications.md):
 * - a procedure type may name the service its appointments are booked for, so the inbox offers
 *   the free times of that service when a clerk books an appointment for the applicant;
 * - an uncertain person match is decided once: the clerk confirms one of the candidates or a new
 *   person, and who decided when is kept (a repeated click by the same clerk is answered, not redone).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE procedure_type ADD COLUMN service_id uuid REFERENCES service(id) ON DELETE SET NULL;

    ALTER TABLE application
      DROP CONSTRAINT application_person_match_check,
      ADD CONSTRAINT application_person_match_check CHECK (person_match IN ('new', 'found', 'uncertain', 'confirmed')),
      ADD COLUMN match_decided_at timestamptz,
      ADD COLUMN match_decided_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      ADD CONSTRAINT application_match_decided CHECK ((match_decided_at IS NULL) OR person_match IN ('new', 'confirmed'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE application
      DROP CONSTRAINT application_match_decided,
      DROP COLUMN match_decided_by_staff_id,
      DROP COLUMN match_decided_at,
      DROP CONSTRAINT application_person_match_check;
    UPDATE application SET person_match = 'found' WHERE person_match = 'confirmed';
    ALTER TABLE application ADD CONSTRAINT application_person_match_check CHECK (person_match IN ('new', 'found', 'uncertain'));
    ALTER TABLE procedure_type DROP COLUMN service_id;
  `.execute(db);
}
