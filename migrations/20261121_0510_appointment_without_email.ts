import { sql, type Kysely } from 'kysely';

/**
 * Staff may book someone who has no e-mail address (a phone customer): the address is then
 * the empty string (the engine's person always carries a string) and nobody gets mail. The
 * one-active-appointment rule then tells such people apart by name as well, so two people
 * without an address who share a birthday are not taken for one person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE appointment DROP CONSTRAINT appointment_email_check;
    ALTER TABLE appointment DROP CONSTRAINT appointment_email_normalized_check;
    ALTER TABLE appointment ADD CONSTRAINT appointment_email_check CHECK (email = '' OR length(email) BETWEEN 3 AND 254);
    ALTER TABLE appointment ADD CONSTRAINT appointment_email_normalized_check
      CHECK ((email_normalized = '') = (email = '') AND (email_normalized = '' OR length(email_normalized) BETWEEN 3 AND 254));
    DROP INDEX appointment_one_active_per_person_and_service;
    CREATE UNIQUE INDEX appointment_one_active_per_person_and_service
      ON appointment (service_id, email_normalized, date_of_birth, (CASE WHEN email_normalized = '' THEN lower(person_name) ELSE '' END))
      WHERE status IN ('booked', 'checked_in');
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX appointment_one_active_per_person_and_service;
    CREATE UNIQUE INDEX appointment_one_active_per_person_and_service
      ON appointment (service_id, email_normalized, date_of_birth) WHERE status IN ('booked', 'checked_in');
    ALTER TABLE appointment DROP CONSTRAINT appointment_email_check;
    ALTER TABLE appointment DROP CONSTRAINT appointment_email_normalized_check;
    ALTER TABLE appointment ADD CONSTRAINT appointment_email_check CHECK (length(email) BETWEEN 3 AND 254);
    ALTER TABLE appointment ADD CONSTRAINT appointment_email_normalized_check CHECK (length(email_normalized) BETWEEN 3 AND 254);
  `.execute(db);
}
