import { sql, type Kysely } from 'kysely';

/**
 * The booking's created_at (and updated_at) and its notice's created_at come from the caller's
 * clock (p_now, Lotse's injected Clock) instead of the database's now(): every other time the
 * engine writes already does, and tests on a fixed clock see the booking made "now".
 * Otherwise book_free_candidate is unchanged (migrations 0104, 0106).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DROP FUNCTION book_free_candidate(text, uuid[], uuid[], timestamptz, timestamptz, uuid, uuid, timestamptz, text, text, text, uuid, text, date, text, text, text, text, text, uuid, text, boolean);
    CREATE FUNCTION book_free_candidate(
      p_version text, p_clerks uuid[], p_resources uuid[], p_start timestamptz, p_end timestamptz, p_except uuid, p_location uuid,
      p_held_since timestamptz, p_code text, p_manage_secret_hash text, p_manage_secret_sealed text, p_service uuid, p_person_name text,
      p_date_of_birth date, p_email text, p_email_normalized text, p_phone text, p_language text, p_created_by text,
      p_created_by_staff uuid, p_idempotency_key text, p_notify boolean, p_now timestamptz
    ) RETURNS TABLE (version text, id uuid, staff_id uuid, resource_id uuid, created_at timestamptz)
    LANGUAGE plpgsql
      SET plan_cache_mode = force_generic_plan SET enable_seqscan = off
    AS $$
    #variable_conflict use_column
    DECLARE
      current_version text;
      clerk uuid;
      res uuid;
    BEGIN
      SELECT s.version::text INTO current_version FROM schedule_version s;
      IF current_version IS DISTINCT FROM p_version THEN
        RETURN QUERY SELECT current_version, NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz;
        RETURN;
      END IF;
      clerk := first_free_holder('staff', p_clerks, p_start, p_end, p_except, p_location, p_held_since);
      IF p_resources IS NOT NULL THEN
        res := first_free_holder('resource', p_resources, p_start, p_end, p_except, p_location, p_held_since);
      END IF;
      IF clerk IS NULL OR (p_resources IS NOT NULL AND res IS NULL) THEN
        RETURN QUERY SELECT current_version, NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz;
        RETURN;
      END IF;
      RETURN QUERY
        WITH booked AS (
        INSERT INTO appointment AS a (starts_at, ends_at, location_id, staff_id, resource_id, code, manage_secret_hash, manage_secret_sealed,
                                      service_id, person_name, date_of_birth, email, email_normalized, phone, language, created_by,
                                      created_by_staff_id, idempotency_key, created_at, updated_at)
        VALUES (p_start, p_end, p_location, clerk, res, p_code, p_manage_secret_hash, p_manage_secret_sealed, p_service, p_person_name,
                p_date_of_birth, p_email, p_email_normalized, p_phone, p_language, p_created_by, p_created_by_staff, p_idempotency_key,
                p_now, p_now)
        RETURNING a.id, a.staff_id, a.resource_id, a.created_at
        ),
        notice AS (
          INSERT INTO appointment_notice (appointment_id, kind, by_channel, by_staff_id, created_at)
          SELECT booked.id, 'booked', p_created_by, p_created_by_staff, p_now FROM booked WHERE p_notify
        )
        SELECT current_version, booked.id, booked.staff_id, booked.resource_id, booked.created_at FROM booked;
    END $$;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP FUNCTION book_free_candidate(text, uuid[], uuid[], timestamptz, timestamptz, uuid, uuid, timestamptz, text, text, text, uuid, text, date, text, text, text, text, text, uuid, text, boolean, timestamptz);
    CREATE FUNCTION book_free_candidate(
      p_version text, p_clerks uuid[], p_resources uuid[], p_start timestamptz, p_end timestamptz, p_except uuid, p_location uuid,
      p_held_since timestamptz, p_code text, p_manage_secret_hash text, p_manage_secret_sealed text, p_service uuid, p_person_name text,
      p_date_of_birth date, p_email text, p_email_normalized text, p_phone text, p_language text, p_created_by text,
      p_created_by_staff uuid, p_idempotency_key text, p_notify boolean
    ) RETURNS TABLE (version text, id uuid, staff_id uuid, resource_id uuid, created_at timestamptz)
    LANGUAGE plpgsql
      SET plan_cache_mode = force_generic_plan SET enable_seqscan = off
    AS $$
    #variable_conflict use_column
    DECLARE
      current_version text;
      clerk uuid;
      res uuid;
    BEGIN
      SELECT s.version::text INTO current_version FROM schedule_version s;
      IF current_version IS DISTINCT FROM p_version THEN
        RETURN QUERY SELECT current_version, NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz;
        RETURN;
      END IF;
      clerk := first_free_holder('staff', p_clerks, p_start, p_end, p_except, p_location, p_held_since);
      IF p_resources IS NOT NULL THEN
        res := first_free_holder('resource', p_resources, p_start, p_end, p_except, p_location, p_held_since);
      END IF;
      IF clerk IS NULL OR (p_resources IS NOT NULL AND res IS NULL) THEN
        RETURN QUERY SELECT current_version, NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz;
        RETURN;
      END IF;
      RETURN QUERY
        WITH booked AS (
        INSERT INTO appointment AS a (starts_at, ends_at, location_id, staff_id, resource_id, code, manage_secret_hash, manage_secret_sealed,
                                      service_id, person_name, date_of_birth, email, email_normalized, phone, language, created_by,
                                      created_by_staff_id, idempotency_key)
        VALUES (p_start, p_end, p_location, clerk, res, p_code, p_manage_secret_hash, p_manage_secret_sealed, p_service, p_person_name,
                p_date_of_birth, p_email, p_email_normalized, p_phone, p_language, p_created_by, p_created_by_staff, p_idempotency_key)
        RETURNING a.id, a.staff_id, a.resource_id, a.created_at
        ),
        notice AS (
          INSERT INTO appointment_notice (appointment_id, kind, by_channel, by_staff_id)
          SELECT booked.id, 'booked', p_created_by, p_created_by_staff FROM booked WHERE p_notify
        )
        SELECT current_version, booked.id, booked.staff_id, booked.resource_id, booked.created_at FROM booked;
    END $$;
  `.execute(db);
}
