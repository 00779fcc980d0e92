import { sql, type Kysely } from 'kysely';

/**
 * The per-clerk and per-resource booking indexes also carry the appointment id: the availability
 * and slot queries leave out an appointment being moved (`id <> …`), and without the id in the
 * index every booking was fetched from the heap instead of read by an index-only scan.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX appointment_by_staff_time;
    DROP INDEX appointment_by_resource_time;
    CREATE INDEX appointment_by_staff_time ON appointment (staff_id, starts_at) INCLUDE (ends_at, id) WHERE status <> 'cancelled';
    CREATE INDEX appointment_by_resource_time ON appointment (resource_id, starts_at) INCLUDE (ends_at, id)
      WHERE status <> 'cancelled' AND resource_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX appointment_by_staff_time;
    DROP INDEX appointment_by_resource_time;
    CREATE INDEX appointment_by_staff_time ON appointment (staff_id, starts_at) INCLUDE (ends_at) WHERE status <> 'cancelled';
    CREATE INDEX appointment_by_resource_time ON appointment (resource_id, starts_at) INCLUDE (ends_at)
      WHERE status <> 'cancelled' AND resource_id IS NOT NULL;
  `.execute(db);
}
