-- Trigger: a truncated appointment table empties busy_version (migration 0105).
CREATE OR REPLACE FUNCTION public.appointment_truncate_clears_busy_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      DELETE FROM busy_version;
      RETURN NULL;
    END $function$;
