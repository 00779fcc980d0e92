import { sql, type Kysely } from 'kysely';
import { applyFunctionFile } from '../src/db/db-functions.ts';

/**
 * Status look-up and notices (issue 14): the documents still asked for per procedure, the card
 * serial of an ordered eAT (for "is my card ready?"), the outbox of status notices (written by a
 * trigger with every status change whose status notifies), the look-ups counted per day, and
 * the office's own count of calls per day for the figures.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE case_procedure ADD COLUMN card_serial text CHECK (card_serial ~ '^[A-Z0-9]{9,10}$');
    CREATE UNIQUE INDEX case_procedure_by_card_serial ON case_procedure (card_serial) WHERE card_serial IS NOT NULL;

    CREATE TABLE procedure_document_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      procedure_id uuid NOT NULL REFERENCES case_procedure(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('passport', 'photo', 'proof_of_income', 'health_insurance', 'proof_of_residence',
        'employment_contract', 'birth_certificate', 'marriage_certificate', 'other')),
      -- the clerk's own words (German), shown under the translated kind
      note text CHECK (length(note) BETWEEN 1 AND 300),
      requested_at timestamptz NOT NULL,
      requested_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      received_at timestamptz,
      CHECK (kind <> 'other' OR note IS NOT NULL),
      CHECK (received_at IS NULL OR received_at >= requested_at)
    );
    CREATE INDEX procedure_document_request_open ON procedure_document_request (procedure_id, requested_at) WHERE received_at IS NULL;

    -- The outbox of status notices. Keyed by the status change (no foreign key: the count per
    -- status outlives an erased procedure; the procedure link is cleared then).
    CREATE TABLE procedure_notice (
      status_change_id bigint PRIMARY KEY,
      procedure_id uuid REFERENCES case_procedure(id) ON DELETE SET NULL,
      status_id uuid NOT NULL REFERENCES procedure_status(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      outcome text CHECK (outcome IN ('sent', 'no_address', 'erased')),
      done_at timestamptz,
      CHECK ((outcome IS NULL) = (done_at IS NULL))
    );
    CREATE INDEX procedure_notice_due ON procedure_notice (status_change_id) WHERE done_at IS NULL;
    CREATE INDEX procedure_notice_by_status ON procedure_notice (status_id) WHERE outcome = 'sent';
  `.execute(db);
  await applyFunctionFile(db, 'procedure_status_notice');
  await sql`
    CREATE TRIGGER procedure_status_notice AFTER INSERT ON case_procedure_status_change
      FOR EACH ROW EXECUTE FUNCTION procedure_status_notice();

    -- Look-ups per day in the office's zone: counts only, nothing about who asked or what.
    CREATE TABLE status_lookup_day (
      day date NOT NULL,
      channel text NOT NULL CHECK (channel IN ('portal', 'api')),
      kind text NOT NULL CHECK (kind IN ('procedure', 'card')),
      lookups integer NOT NULL DEFAULT 0 CHECK (lookups >= 0),
      found integer NOT NULL DEFAULT 0 CHECK (found >= 0 AND found <= lookups),
      PRIMARY KEY (day, channel, kind)
    );

    -- The office's own count of telephone calls per day, entered by an administrator.
    CREATE TABLE office_call_day (
      day date PRIMARY KEY,
      calls integer NOT NULL CHECK (calls BETWEEN 0 AND 1000000),
      entered_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE office_call_day, status_lookup_day;
    DROP TRIGGER procedure_status_notice ON case_procedure_status_change;
    DROP FUNCTION procedure_status_notice();
    DROP TABLE procedure_notice, procedure_document_request;
    ALTER TABLE case_procedure DROP COLUMN card_serial;
  `.execute(db);
}
