-- Which of the candidates hold an active appointment overlapping the time, in one index scan (migration 0106).
CREATE OR REPLACE FUNCTION public.busy_holders(p_kind text, p_candidates uuid[], p_start timestamp with time zone, p_end timestamp with time zone, p_except uuid, p_location uuid, p_held_since timestamp with time zone)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE
 SET plan_cache_mode TO 'force_generic_plan'
 SET enable_seqscan TO 'off'
AS $function$
    BEGIN
      IF p_kind = 'staff' THEN
        RETURN ARRAY(SELECT DISTINCT a.staff_id FROM appointment a
                      WHERE a.staff_id = ANY(p_candidates) AND a.status <> 'cancelled' AND a.id <> p_except
                        AND a.starts_at < p_end AND a.starts_at > p_start - interval '1 day' AND a.ends_at > p_start)
            || CASE WHEN p_held_since IS NULL THEN '{}'::uuid[] ELSE ARRAY(SELECT a.staff_id FROM appointment a
                      WHERE a.location_id = p_location AND a.status = 'cancelled' AND a.cancelled_at > p_held_since
                        AND a.staff_id = ANY(p_candidates) AND a.starts_at < p_end AND a.ends_at > p_start) END;
      END IF;
      RETURN ARRAY(SELECT DISTINCT a.resource_id FROM appointment a
                    WHERE a.resource_id = ANY(p_candidates) AND a.status <> 'cancelled' AND a.id <> p_except
                      AND a.starts_at < p_end AND a.starts_at > p_start - interval '1 day' AND a.ends_at > p_start)
          || CASE WHEN p_held_since IS NULL THEN '{}'::uuid[] ELSE ARRAY(SELECT a.resource_id FROM appointment a
                    WHERE a.location_id = p_location AND a.status = 'cancelled' AND a.cancelled_at > p_held_since
                      AND a.resource_id = ANY(p_candidates) AND a.starts_at < p_end AND a.ends_at > p_start) END;
    END $function$;
