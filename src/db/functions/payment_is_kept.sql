CREATE OR REPLACE FUNCTION public.payment_is_kept()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
    DECLARE
      reversed_is_reversal boolean;
    BEGIN
      IF TG_OP = 'INSERT' THEN
        IF NEW.reverses_payment_id IS NOT NULL THEN
          SELECT p.reverses_payment_id IS NOT NULL INTO reversed_is_reversal FROM payment p WHERE p.id = NEW.reverses_payment_id;
          IF reversed_is_reversal THEN
            RAISE EXCEPTION 'a reversal cannot be reversed' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
        END IF;
        RETURN NEW;
      END IF;
      -- Only the payer's name may go (erasure of personal data); nothing else is ever changed.
      IF TG_OP = 'UPDATE' AND NEW.payer_name IS NULL AND (to_jsonb(NEW) - 'payer_name') = (to_jsonb(OLD) - 'payer_name') THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'a payment is never changed or deleted: record a reversal' USING ERRCODE = 'integrity_constraint_violation';
    END;
    $function$;
