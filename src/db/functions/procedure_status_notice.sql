CREATE OR REPLACE FUNCTION public.procedure_status_notice()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      -- Whoever writes a status change (a clerk, an application, Lotse itself), a status that
      -- notifies gets its notice in the same transaction: one per change, never two.
      INSERT INTO procedure_notice (status_change_id, procedure_id, status_id, created_at)
      SELECT NEW.id, NEW.procedure_id, NEW.status_id, NEW.at
        FROM procedure_status s
       WHERE s.id = NEW.status_id AND s.notify
      ON CONFLICT (status_change_id) DO NOTHING;
      RETURN NEW;
    END;
    $function$;
