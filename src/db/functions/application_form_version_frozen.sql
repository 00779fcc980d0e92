CREATE OR REPLACE FUNCTION public.application_form_version_frozen()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      -- A published or retired version never changes what it asks: applications started on it rely on it.
      IF OLD.state <> 'draft' AND (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.texts IS DISTINCT FROM OLD.texts
          OR NEW.source_digest IS DISTINCT FROM OLD.source_digest OR NEW.number IS DISTINCT FROM OLD.number
          OR NEW.form_id IS DISTINCT FROM OLD.form_id OR NEW.state = 'draft') THEN
        RAISE EXCEPTION 'application form version % is published and cannot change', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END;
    $function$;
