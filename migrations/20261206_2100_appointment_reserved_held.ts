import { sql, type Kysely } from 'kysely';

/**
 * Two kinds of time that are taken in the engine but not yet booked by the person: 'reserved' (an
 * invitation before a title expires, waiting for the person to confirm) and 'held' (a time offered
 * to someone on a waiting list or drawn in a lottery, for a limited time). Both block the clerk's
 * time through the existing overlap constraints (they exclude only 'cancelled'). Which offer or
 * invitation a row belongs to, and until when, lives in that feature's own table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE appointment DROP CONSTRAINT appointment_status_check;
    ALTER TABLE appointment ADD CONSTRAINT appointment_status_check
      CHECK (status IN ('booked', 'cancelled', 'checked_in', 'completed', 'no_show', 'reserved', 'held'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE appointment DROP CONSTRAINT appointment_status_check;
    ALTER TABLE appointment ADD CONSTRAINT appointment_status_check
      CHECK (status IN ('booked', 'cancelled', 'checked_in', 'completed', 'no_show'));
  `.execute(db);
}
