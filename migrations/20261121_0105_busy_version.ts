import { sql, type Kysely } from 'kysely';

/**
 * A version per clerk (or resource) and UTC day that changes with every committed change to the
 * appointments touching that day. Availability keeps the bookings it read per holder and day in
 * memory and reads only these versions on the next request: 60 days of 40 clerks are 2,400 short
 * index entries instead of tens of thousands of bookings (docs/performance.md). The version is the
 * changing transaction's id, unique for ever. Bookings of one clerk and day already queue on an
 * advisory lock (migration 0104), so the row updated here adds no waiting of its own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE busy_version (
      holder uuid NOT NULL,
      day date NOT NULL,
      version xid8 NOT NULL,
      PRIMARY KEY (holder, day)
    );

    -- An appointment is shorter than a day, so it touches one UTC day or two.
    CREATE FUNCTION bump_busy_version(p_holder uuid, p_start timestamptz, p_end timestamptz) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      first_day date := (p_start AT TIME ZONE 'UTC')::date;
      last_day date := ((p_end - interval '1 microsecond') AT TIME ZONE 'UTC')::date;
    BEGIN
      INSERT INTO busy_version AS b (holder, day, version) VALUES (p_holder, first_day, pg_current_xact_id())
        ON CONFLICT (holder, day) DO UPDATE SET version = EXCLUDED.version WHERE b.version <> EXCLUDED.version;
      IF last_day > first_day THEN
        INSERT INTO busy_version AS b (holder, day, version)
        SELECT p_holder, d::date, pg_current_xact_id() FROM generate_series(first_day + 1, last_day, interval '1 day') AS d
          ON CONFLICT (holder, day) DO UPDATE SET version = EXCLUDED.version WHERE b.version <> EXCLUDED.version;
      END IF;
    END $$;

    CREATE FUNCTION appointment_bumps_busy_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        PERFORM bump_busy_version(OLD.staff_id, OLD.starts_at, OLD.ends_at);
        IF OLD.resource_id IS NOT NULL THEN PERFORM bump_busy_version(OLD.resource_id, OLD.starts_at, OLD.ends_at); END IF;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        PERFORM bump_busy_version(NEW.staff_id, NEW.starts_at, NEW.ends_at);
        IF NEW.resource_id IS NOT NULL THEN PERFORM bump_busy_version(NEW.resource_id, NEW.starts_at, NEW.ends_at); END IF;
      END IF;
      RETURN NULL;
    END $$;

    CREATE TRIGGER appointment_bumps_busy_version
      AFTER INSERT OR DELETE OR UPDATE OF staff_id, resource_id, starts_at, ends_at, status, cancelled_at, location_id ON appointment
      FOR EACH ROW EXECUTE FUNCTION appointment_bumps_busy_version();
    -- Emptied bookings must not keep the versions of what was there (a cache would trust them).
    CREATE FUNCTION appointment_truncate_clears_busy_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM busy_version;
      RETURN NULL;
    END $$;
    CREATE TRIGGER appointment_truncate_clears_busy_version AFTER TRUNCATE ON appointment
      FOR EACH STATEMENT EXECUTE FUNCTION appointment_truncate_clears_busy_version();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TRIGGER appointment_truncate_clears_busy_version ON appointment;
    DROP FUNCTION appointment_truncate_clears_busy_version();
    DROP TRIGGER appointment_bumps_busy_version ON appointment;
    DROP FUNCTION appointment_bumps_busy_version();
    DROP FUNCTION bump_busy_version(uuid, timestamptz, timestamptz);
    DROP TABLE busy_version;
  `.execute(db);
}
