import { sql, type Kysely } from 'kysely';

/**
 * One row whose `version` changes with every committed change to what availability is computed
 * from (locations, services, clerks, their specialties, hours, overrides, absences, resources).
 * Lotse keeps each location's schedule in memory and compares versions in the same statement
 * that books or reads bookings, so a cached schedule is never used after a change has committed.
 * The version is the changing transaction's id: unique for ever, so even a rolled-back change
 * can never make two different schedules carry the same version.
 */
const watched = [
  'location',
  'service',
  'service_location',
  'service_specialty',
  'staff_specialty',
  'staff_location',
  'working_hours',
  'working_day_override',
  'absence',
  'resource',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE schedule_version (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      version xid8 NOT NULL
    );
    INSERT INTO schedule_version (id, version) VALUES (1, pg_current_xact_id());

    CREATE FUNCTION bump_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE schedule_version SET version = pg_current_xact_id() WHERE id = 1 AND version <> pg_current_xact_id();
      RETURN NULL;
    END $$;
  `.execute(db);
  for (const table of watched) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_bumps_schedule_version`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
        FOR EACH STATEMENT EXECUTE FUNCTION bump_schedule_version()
    `.execute(db);
  }
  // Staff rows also carry sign-in data that changes all day; only `active` matters here.
  await sql`
    CREATE TRIGGER staff_bumps_schedule_version AFTER INSERT OR DELETE OR TRUNCATE ON staff
      FOR EACH STATEMENT EXECUTE FUNCTION bump_schedule_version();
    CREATE TRIGGER staff_active_bumps_schedule_version AFTER UPDATE OF active ON staff
      FOR EACH STATEMENT EXECUTE FUNCTION bump_schedule_version();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...watched, 'staff']) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_bumps_schedule_version`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`
    DROP TRIGGER staff_active_bumps_schedule_version ON staff;
    DROP FUNCTION bump_schedule_version();
    DROP TABLE schedule_version;
  `.execute(db);
}
