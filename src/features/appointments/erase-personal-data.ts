import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/**
 * Erases name, date of birth, e-mail and phone of up to `limit` appointments that ended before
 * `endedBefore`, whatever their status: by then a booked or checked-in appointment is over
 * too. What the statistics need (service, location, clerk, times, status, language) stays.
 * Rows another transaction holds are skipped (the next batch or run takes them), so two runs
 * at once share the work instead of waiting for each other. Returns the erased ids; run it
 * inside the caller's transaction so everything else about those visits is erased with them.
 */
export async function eraseAppointmentPersonalData(db: Database, input: { endedBefore: Date; now: Date; limit: number }): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH due AS (
      SELECT id FROM appointment
      WHERE personal_data_erased_at IS NULL AND ends_at < ${input.endedBefore}
      ORDER BY ends_at
      LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE appointment a
    SET person_name = NULL, date_of_birth = NULL, email = NULL, email_normalized = NULL, phone = NULL,
        manage_secret_sealed = NULL, personal_data_erased_at = ${input.now}, updated_at = ${input.now}
    FROM due
    WHERE a.id = due.id
    RETURNING a.id
  `.execute(db);
  return result.rows.map((row) => row.id);
}
