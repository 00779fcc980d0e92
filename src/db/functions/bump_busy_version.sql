-- Marks a holder's days as changed, for the availability cache (migration 0105).
CREATE OR REPLACE FUNCTION public.bump_busy_version(p_holder uuid, p_start timestamp with time zone, p_end timestamp with time zone)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
    END $function$;
