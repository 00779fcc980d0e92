-- Trigger: audit entries are never changed or deleted (migration 0200).
CREATE OR REPLACE FUNCTION public.audit_entry_is_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
    END;
    $function$;
