import { sql, type Kysely } from 'kysely';

/**
 * Personal data of a visit is erased some days after the appointment (retention job, see
 * docs/decisions.md). An erased appointment keeps what the statistics need (service,
 * location, clerk, times, status, language) and loses name, date of birth, e-mail and
 * phone: the columns become nullable, and a check makes a row either complete or erased as
 * a whole, never half. An erased row cannot be moved past the moment it was erased, so a
 * move racing the erasure cannot turn it into a future booking without a person.
 * Partial indexes find what is still to erase without scanning the whole history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE appointment
      ALTER COLUMN person_name DROP NOT NULL,
      ALTER COLUMN date_of_birth DROP NOT NULL,
      ALTER COLUMN email DROP NOT NULL,
      ALTER COLUMN email_normalized DROP NOT NULL,
      ADD COLUMN personal_data_erased_at timestamptz,
      ADD CONSTRAINT appointment_person_complete_or_erased CHECK (
        CASE WHEN personal_data_erased_at IS NULL
          THEN person_name IS NOT NULL AND date_of_birth IS NOT NULL AND email IS NOT NULL AND email_normalized IS NOT NULL
          ELSE person_name IS NULL AND date_of_birth IS NULL AND email IS NULL AND email_normalized IS NULL AND phone IS NULL
            AND manage_secret_sealed IS NULL AND ends_at <= personal_data_erased_at
        END
      ) NOT VALID;
    ALTER TABLE appointment VALIDATE CONSTRAINT appointment_person_complete_or_erased;
    CREATE INDEX appointment_personal_data_due ON appointment (ends_at) WHERE personal_data_erased_at IS NULL;

    CREATE INDEX ticket_personal_data_due ON ticket (day) WHERE routing_surname IS NOT NULL OR routing_nationality IS NOT NULL;
    CREATE INDEX ticket_transfer_note_due ON ticket_transfer (created_at) WHERE note <> '';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Erased rows cannot get their data back; down fails while any exist (NOT NULL).
  await sql`
    DROP INDEX ticket_transfer_note_due;
    DROP INDEX ticket_personal_data_due;
    DROP INDEX appointment_personal_data_due;
    ALTER TABLE appointment
      DROP CONSTRAINT appointment_person_complete_or_erased,
      DROP COLUMN personal_data_erased_at,
      ALTER COLUMN person_name SET NOT NULL,
      ALTER COLUMN date_of_birth SET NOT NULL,
      ALTER COLUMN email SET NOT NULL,
      ALTER COLUMN email_normalized SET NOT NULL;
  `.execute(db);
}
