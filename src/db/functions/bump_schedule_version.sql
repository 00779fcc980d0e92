-- Trigger: any change to what makes a schedule bumps schedule_version (migrations 0103, 0600).
CREATE OR REPLACE FUNCTION public.bump_schedule_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      UPDATE schedule_version SET version = pg_current_xact_id() WHERE id = 1 AND version <> pg_current_xact_id();
      RETURN NULL;
    END $function$;
