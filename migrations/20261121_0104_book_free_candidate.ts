import { sql, type Kysely } from 'kysely';

/**
 * Booking's one statement as a function, and the notices it leaves for the person's messages.
 * Lotse hands over the candidate clerks (and resources) that the cached schedule allows,
 * shuffled; the function checks that schedule_version still is the one they came from, takes the
 * first candidate without an overlapping appointment (or, for online callers, one cancelled
 * within the re-release delay) and inserts. The exclusion
 * constraints still decide: two calls choosing the same clerk at once end with one row and one
 * 23P01, which Lotse answers by calling again.
 *
 * Why a function: as a plain statement it cost ~0.5 ms of planning per booking, and its cached
 * generic plan, once built on an empty table, probed bookings with sequential scans for ever
 * (docs/performance.md). Inside the function each probe keeps one generic plan per session, built
 * with sequential scans disabled, so it always uses the partial indexes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Changes the person must still be told about (confirmation, cancellation, move): written in
    -- the same statement or transaction as the change, delivered (rendered and queued as mails)
    -- right after it commits, or by the next sweep; see src/features/appointments/appointment-notices.ts.
    CREATE TABLE appointment_notice (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      appointment_id uuid NOT NULL REFERENCES appointment(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('booked', 'cancelled', 'moved')),
      by_channel text NOT NULL CHECK (by_channel IN ('online', 'staff')),
      by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      note text CHECK (length(note) <= 2000),
      failed_attempts int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX appointment_notice_by_appointment ON appointment_notice (appointment_id);

    CREATE FUNCTION slot_holder_busy(
      p_kind text, p_holder uuid, p_start timestamptz, p_end timestamptz, p_except uuid, p_location uuid, p_held_since timestamptz
    ) RETURNS boolean LANGUAGE plpgsql VOLATILE
    AS $$
    BEGIN
      -- Spelled out per column on purpose: each query keeps its own cached plan on its own partial
      -- index; a column chosen at run time (EXECUTE format(...)) would be planned on every call.
      IF p_kind = 'staff' THEN
        RETURN EXISTS (SELECT 1 FROM appointment a
                        WHERE a.staff_id = p_holder AND a.status <> 'cancelled' AND a.id <> p_except
                          AND a.starts_at < p_end AND a.starts_at > p_start - interval '1 day' AND a.ends_at > p_start)
            OR (p_held_since IS NOT NULL AND EXISTS (SELECT 1 FROM appointment a
                        WHERE a.location_id = p_location AND a.status = 'cancelled' AND a.cancelled_at > p_held_since
                          AND a.staff_id = p_holder AND a.starts_at < p_end AND a.ends_at > p_start));
      END IF;
      RETURN EXISTS (SELECT 1 FROM appointment a
                      WHERE a.resource_id = p_holder AND a.status <> 'cancelled' AND a.id <> p_except
                        AND a.starts_at < p_end AND a.starts_at > p_start - interval '1 day' AND a.ends_at > p_start)
          OR (p_held_since IS NOT NULL AND EXISTS (SELECT 1 FROM appointment a
                      WHERE a.location_id = p_location AND a.status = 'cancelled' AND a.cancelled_at > p_held_since
                        AND a.resource_id = p_holder AND a.starts_at < p_end AND a.ends_at > p_start));
    END $$;

    -- A free-looking candidate is locked (per holder and UTC day, until commit) and checked again:
    -- concurrent bookings of one clerk's slot then queue instead of inserting conflicting rows at
    -- once, which the exclusion constraint would answer with a deadlock (40P01) after a second.
    CREATE FUNCTION first_free_holder(
      p_kind text, p_candidates uuid[], p_start timestamptz, p_end timestamptz, p_except uuid, p_location uuid, p_held_since timestamptz
    ) RETURNS uuid LANGUAGE plpgsql VOLATILE
      -- Set once for the whole search (a SET on the probe itself cost a save and restore per probe).
      SET plan_cache_mode = force_generic_plan SET enable_seqscan = off
    AS $$
    DECLARE
      candidate uuid;
    BEGIN
      FOREACH candidate IN ARRAY p_candidates LOOP
        IF NOT slot_holder_busy(p_kind, candidate, p_start, p_end, p_except, p_location, p_held_since) THEN
          PERFORM pg_advisory_xact_lock(hashtextextended(candidate::text || (p_start AT TIME ZONE 'UTC')::date::text, 0));
          IF NOT slot_holder_busy(p_kind, candidate, p_start, p_end, p_except, p_location, p_held_since) THEN
            RETURN candidate;
          END IF;
        END IF;
      END LOOP;
      RETURN NULL;
    END $$;

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

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP FUNCTION book_free_candidate(text, uuid[], uuid[], timestamptz, timestamptz, uuid, uuid, timestamptz, text, text, text, uuid, text, date, text, text, text, text, text, uuid, text, boolean);
    DROP TABLE appointment_notice;
    DROP FUNCTION first_free_holder(text, uuid[], timestamptz, timestamptz, uuid, uuid, timestamptz);
    DROP FUNCTION slot_holder_busy(text, uuid, timestamptz, timestamptz, uuid, uuid, timestamptz);
  `.execute(db);
}
