CREATE OR REPLACE FUNCTION public.fee_rate_history_is_kept()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.fee_item_id <> OLD.fee_item_id OR NEW.amount_cents <> OLD.amount_cents
         OR NEW.valid_from <> OLD.valid_from OR OLD.valid_until IS NOT NULL THEN
        RAISE EXCEPTION 'a fee rate is history: only an open rate may be given its end' USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END;
    $function$;
