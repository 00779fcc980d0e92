-- Trigger: an appointment written or removed bumps its holders' days (migration 0105).
CREATE OR REPLACE FUNCTION public.appointment_bumps_busy_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
    END $function$;
