import { sql, type Kysely } from 'kysely';

/**
 * Invitations (issue 15), second step: the admin pages edit the policy and the title-kind → service
 * mapping, so both carry a version the form was loaded with (two administrators saving at once: the
 * second is told, not silently overwritten); and a reminder goes by letter to persons without an
 * e-mail address, printed by the staff from the run's page.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE invitation_policy ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE invitation_service ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
    ALTER TABLE invitation ADD COLUMN reminder_letter boolean NOT NULL DEFAULT false;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE invitation DROP COLUMN reminder_letter;
    ALTER TABLE invitation_service DROP COLUMN version;
    ALTER TABLE invitation_policy DROP COLUMN version;
  `.execute(db);
}
