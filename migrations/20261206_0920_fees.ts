import { sql, type Kysely } from 'kysely';
import { applyFunctionFile } from '../src/db/db-functions.ts';

/**
 * Fees (issue 15): a catalogue of fee items (Aufenthaltsverordnung), their amounts over time
 * (a change of the ordinance is a new rate; rates never overlap and are never edited, only a
 * rate still open may be given its end), reductions and exemptions with their reasons, and the
 * payments recorded at the counter. A payment is never changed or deleted: a correction is a
 * reversal (negative, naming the payment it reverses, at most one per payment, never of a
 * reversal) plus a new payment. Receipt numbers run per location and year without gaps.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The triggers' functions: their current text is in src/db/functions (one place to read them).
  await applyFunctionFile(db, 'fee_rate_history_is_kept');
  await applyFunctionFile(db, 'payment_is_kept');
  await sql`
    CREATE TABLE fee_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,59}$'),
      name_de text NOT NULL CHECK (length(name_de) BETWEEN 1 AND 200),
      name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
      legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 100),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE fee_rate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      fee_item_id uuid NOT NULL REFERENCES fee_item(id),
      amount_cents integer NOT NULL CHECK (amount_cents BETWEEN 0 AND 10000000),
      valid_from date NOT NULL,
      valid_until date,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES staff(id) ON DELETE SET NULL,
      CHECK (valid_until IS NULL OR valid_until >= valid_from),
      EXCLUDE USING gist (fee_item_id WITH =, daterange(valid_from, valid_until, '[]') WITH &&)
    );

    CREATE TRIGGER fee_rate_history BEFORE UPDATE OR DELETE ON fee_rate FOR EACH ROW EXECUTE FUNCTION fee_rate_history_is_kept();

    CREATE TABLE fee_reduction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,59}$'),
      name_de text NOT NULL CHECK (length(name_de) BETWEEN 1 AND 200),
      name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
      legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 100),
      -- the share of the fee that is waived: 100 = exempt, 50 = half
      percent_off integer NOT NULL CHECK (percent_off BETWEEN 1 AND 100),
      -- proposed by itself for a person under 18 on the day
      for_minors boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true
    );

    CREATE TABLE service_fee_item (
      service_id uuid NOT NULL REFERENCES service(id) ON DELETE CASCADE,
      fee_item_id uuid NOT NULL REFERENCES fee_item(id),
      PRIMARY KEY (service_id, fee_item_id)
    );

    CREATE TABLE receipt_sequence (
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
      last_number integer NOT NULL CHECK (last_number >= 0),
      PRIMARY KEY (location_id, year)
    );

    CREATE TABLE payment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      location_id uuid NOT NULL REFERENCES location(id),
      receipt_number text NOT NULL UNIQUE CHECK (length(receipt_number) BETWEEN 3 AND 40),
      fee_item_id uuid NOT NULL REFERENCES fee_item(id),
      fee_rate_id uuid NOT NULL REFERENCES fee_rate(id),
      reduction_id uuid REFERENCES fee_reduction(id),
      amount_cents integer NOT NULL CHECK (amount_cents BETWEEN -10000000 AND 10000000),
      method text NOT NULL CHECK (method IN ('card', 'cash', 'invoice', 'none')),
      appointment_id uuid REFERENCES appointment(id) ON DELETE SET NULL,
      ticket_id uuid REFERENCES ticket(id) ON DELETE SET NULL,
      procedure_id uuid REFERENCES case_procedure(id) ON DELETE SET NULL,
      -- the receipt's name; erased (set null) with the visit's other personal data
      payer_name text CHECK (length(payer_name) BETWEEN 1 AND 200),
      payer_language text NOT NULL DEFAULT 'de' CHECK (length(payer_language) BETWEEN 2 AND 20),
      reverses_payment_id uuid UNIQUE REFERENCES payment(id),
      reason text CHECK (length(reason) BETWEEN 1 AND 500),
      recorded_at timestamptz NOT NULL,
      recorded_by uuid NOT NULL REFERENCES staff(id),
      idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 100),
      CHECK ((reverses_payment_id IS NULL) OR (amount_cents <= 0 AND reason IS NOT NULL)),
      CHECK ((reverses_payment_id IS NOT NULL) OR amount_cents >= 0),
      CHECK ((method = 'none') = (amount_cents = 0 AND reverses_payment_id IS NULL))
    );
    CREATE INDEX payment_by_day ON payment (location_id, recorded_at);

    CREATE TRIGGER payment_kept BEFORE INSERT OR UPDATE OR DELETE ON payment FOR EACH ROW EXECUTE FUNCTION payment_is_kept();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE payment, receipt_sequence, service_fee_item, fee_reduction, fee_rate, fee_item;
    DROP FUNCTION payment_is_kept();
    DROP FUNCTION fee_rate_history_is_kept();
  `.execute(db);
}
