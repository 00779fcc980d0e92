import { sql, type Kysely } from 'kysely';

/**
 * What the appointment engine needs beyond the office model:
 * - a btree index per clerk over active appointments, so loading a clerk's bookings for the
 *   availability of a date range is an index-only scan;
 * - the manage secret sealed with the client's Idempotency-Key (AES-GCM), so a replayed POST can
 *   answer with the same secret while the database alone cannot reveal it;
 * - when an appointment was last moved.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX appointment_by_staff_time ON appointment (staff_id, starts_at) INCLUDE (ends_at) WHERE status <> 'cancelled';
    CREATE INDEX appointment_by_resource_time ON appointment (resource_id, starts_at) INCLUDE (ends_at)
      WHERE status <> 'cancelled' AND resource_id IS NOT NULL;
    ALTER TABLE appointment
      ADD COLUMN manage_secret_sealed text CHECK (length(manage_secret_sealed) <= 200),
      ADD COLUMN rescheduled_at timestamptz,
      ADD CONSTRAINT appointment_sealed_needs_key CHECK (manage_secret_sealed IS NULL OR idempotency_key IS NOT NULL);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE appointment DROP CONSTRAINT appointment_sealed_needs_key, DROP COLUMN manage_secret_sealed, DROP COLUMN rescheduled_at;
    DROP INDEX appointment_by_resource_time;
    DROP INDEX appointment_by_staff_time;
  `.execute(db);
}
