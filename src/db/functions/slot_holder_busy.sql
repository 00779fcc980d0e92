-- Locks a candidate's day and tells whether it is busy (migrations 0104, 0106).
CREATE OR REPLACE FUNCTION public.slot_holder_busy(p_kind text, p_holder uuid, p_start timestamp with time zone, p_end timestamp with time zone, p_except uuid, p_location uuid, p_held_since timestamp with time zone)
 RETURNS boolean
 LANGUAGE plpgsql
AS $function$
    BEGIN
      IF p_kind = 'staff' THEN
        RETURN COALESCE((SELECT a.ends_at > p_start FROM appointment a
                          WHERE a.staff_id = p_holder AND a.status <> 'cancelled' AND a.id <> p_except AND a.starts_at < p_end
                          ORDER BY a.starts_at DESC LIMIT 1), false)
            OR (p_held_since IS NOT NULL AND EXISTS (SELECT 1 FROM appointment a
                        WHERE a.location_id = p_location AND a.status = 'cancelled' AND a.cancelled_at > p_held_since
                          AND a.staff_id = p_holder AND a.starts_at < p_end AND a.ends_at > p_start));
      END IF;
      RETURN COALESCE((SELECT a.ends_at > p_start FROM appointment a
                        WHERE a.resource_id = p_holder AND a.status <> 'cancelled' AND a.id <> p_except AND a.starts_at < p_end
                        ORDER BY a.starts_at DESC LIMIT 1), false)
          OR (p_held_since IS NOT NULL AND EXISTS (SELECT 1 FROM appointment a
                      WHERE a.location_id = p_location AND a.status = 'cancelled' AND a.cancelled_at > p_held_since
                        AND a.resource_id = p_holder AND a.starts_at < p_end AND a.ends_at > p_start));
    END $function$;
