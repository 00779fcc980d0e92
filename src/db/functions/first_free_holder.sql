-- The first candidate without an overlapping appointment: probe the first, then the rest at once (migration 0106).
CREATE OR REPLACE FUNCTION public.first_free_holder(p_kind text, p_candidates uuid[], p_start timestamp with time zone, p_end timestamp with time zone, p_except uuid, p_location uuid, p_held_since timestamp with time zone)
 RETURNS uuid
 LANGUAGE plpgsql
AS $function$
    DECLARE
      day text := (p_start AT TIME ZONE 'UTC')::date::text;
      busy uuid[];
      candidate uuid;
    BEGIN
      IF cardinality(p_candidates) = 0 THEN
        RETURN NULL;
      END IF;
      PERFORM pg_advisory_xact_lock(hashtextextended(p_candidates[1]::text || day, 0));
      IF NOT slot_holder_busy(p_kind, p_candidates[1], p_start, p_end, p_except, p_location, p_held_since) THEN
        RETURN p_candidates[1];
      END IF;
      busy := busy_holders(p_kind, p_candidates[2:], p_start, p_end, p_except, p_location, p_held_since);
      FOREACH candidate IN ARRAY p_candidates[2:] LOOP
        CONTINUE WHEN candidate = ANY(busy);
        PERFORM pg_advisory_xact_lock(hashtextextended(candidate::text || day, 0));
        IF NOT slot_holder_busy(p_kind, candidate, p_start, p_end, p_except, p_location, p_held_since) THEN
          RETURN candidate;
        END IF;
      END LOOP;
      RETURN NULL;
    END $function$;
