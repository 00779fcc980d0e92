import { sql, type Kysely } from 'kysely';

/**
 * A booking refused as a duplicate tells the person about the appointment they already hold by
 * e-mail (notice kind 'existing'), instead of naming its date and place to whoever sent the form.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE appointment_notice DROP CONSTRAINT appointment_notice_kind_check;
    ALTER TABLE appointment_notice ADD CONSTRAINT appointment_notice_kind_check CHECK (kind IN ('booked', 'cancelled', 'moved', 'existing'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DELETE FROM appointment_notice WHERE kind = 'existing';
    ALTER TABLE appointment_notice DROP CONSTRAINT appointment_notice_kind_check;
    ALTER TABLE appointment_notice ADD CONSTRAINT appointment_notice_kind_check CHECK (kind IN ('booked', 'cancelled', 'moved'));
  `.execute(db);
}
