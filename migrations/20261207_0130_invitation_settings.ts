import { sql, type Kysely } from 'kysely';

/**
 * Invitations (issue 15), second step: the admin pages edit the policy and the title-kind → service
 * mapping, so both carry a version the form was loaded with (two administrators saving at once: the
 * second is told, not silently overwritten); and a reminder goes by letter to persons without an
 * e-mail address, printed by the staff from the run's page. An invited person whose file knows
 * only the year (or year and month) of birth keeps a whole date on the appointment (the engine's
 * unique index needs one), and `date_of_birth_precision` says which parts are real, so the portal's
 * look-up by code + date of birth compares only those (docs/invitations.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE invitation_policy ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE invitation_service ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE invitation ADD COLUMN reminder_letter boolean NOT NULL DEFAULT false;
    ALTER TABLE appointment ADD COLUMN date_of_birth_precision text NOT NULL DEFAULT 'day'
      CHECK (date_of_birth_precision IN ('day', 'month', 'year'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE appointment DROP COLUMN date_of_birth_precision;
    ALTER TABLE invitation DROP COLUMN reminder_letter;
    ALTER TABLE invitation_service DROP COLUMN version;
    ALTER TABLE invitation_policy DROP COLUMN version;
  `.execute(db);
}
