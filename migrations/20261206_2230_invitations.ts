import { sql, type Kysely } from 'kysely';

/**
 * Invitations before a residence title expires (issue 15): the office's policy (one row), which
 * service a kind of title is extended in, the runs (daily job or staff), one invitation per title
 * and expiry date (the unique key that makes a run idempotent), and who a run could not invite and
 * why. The reservation itself is an appointment row with status 'reserved' (migration 2100).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE invitation_policy (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      -- Titles expiring between window_from_days and window_to_days from today are invited.
      window_from_days integer NOT NULL DEFAULT 56 CHECK (window_from_days BETWEEN 1 AND 365),
      window_to_days integer NOT NULL DEFAULT 84 CHECK (window_to_days BETWEEN 1 AND 365),
      -- The appointment lies at least earliest_days after the run and days_before_expiry before the expiry.
      earliest_days integer NOT NULL DEFAULT 14 CHECK (earliest_days BETWEEN 0 AND 180),
      days_before_expiry integer NOT NULL DEFAULT 7 CHECK (days_before_expiry BETWEEN 0 AND 180),
      -- Share of each day's free appointments per service that invitations leave to walk-in and online.
      keep_free_percent integer NOT NULL DEFAULT 30 CHECK (keep_free_percent BETWEEN 0 AND 100),
      release_days_before integer NOT NULL DEFAULT 3 CHECK (release_days_before BETWEEN 1 AND 60),
      reminder_days_before integer NOT NULL DEFAULT 7 CHECK (reminder_days_before BETWEEN 1 AND 60),
      -- The daily run waits for a review before its letters and mails go out.
      review_before_release boolean NOT NULL DEFAULT true,
      updated_at timestamptz,
      CHECK (window_from_days <= window_to_days),
      CHECK (reminder_days_before > release_days_before)
    );
    INSERT INTO invitation_policy DEFAULT VALUES;

    CREATE TABLE invitation_service (
      title_kind text PRIMARY KEY CHECK (title_kind IN ('visa', 'residence_permit', 'eu_blue_card', 'settlement_permit', 'eu_long_term',
        'temporary_protection', 'permission_to_reside', 'toleration', 'fictional_certificate', 'eu_residence_card', 'other')),
      service_id uuid NOT NULL REFERENCES service(id)
    );

    CREATE TABLE invitation_run (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      started_at timestamptz NOT NULL,
      started_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      trigger text NOT NULL CHECK (trigger IN ('daily', 'staff')),
      -- The titles expiring in [expiring_from, expiring_to] were looked at.
      expiring_from date NOT NULL,
      expiring_to date NOT NULL,
      invited integer NOT NULL DEFAULT 0 CHECK (invited >= 0),
      not_invited integer NOT NULL DEFAULT 0 CHECK (not_invited >= 0),
      letters_released_at timestamptz,
      released_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL
    );
    CREATE INDEX invitation_run_by_start ON invitation_run (started_at DESC);

    CREATE TABLE invitation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      run_id uuid NOT NULL REFERENCES invitation_run(id),
      residence_title_id uuid NOT NULL REFERENCES residence_title(id) ON DELETE CASCADE,
      expires_on date NOT NULL,
      person_id uuid NOT NULL REFERENCES case_person(id) ON DELETE CASCADE,
      appointment_id uuid NOT NULL UNIQUE REFERENCES appointment(id),
      language text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[a-zA-Z0-9]{1,8})*$'),
      -- No postal address in the file: the letter goes to the file (printed, flagged for review).
      letter_to_file boolean NOT NULL,
      created_at timestamptz NOT NULL,
      mailed_at timestamptz,
      reminded_at timestamptz,
      -- The reservation was given back because nobody confirmed it in time.
      released_at timestamptz,
      -- A title is invited once per expiry date, however many runs see it.
      UNIQUE (residence_title_id, expires_on)
    );
    CREATE INDEX invitation_by_run ON invitation (run_id);
    CREATE INDEX invitation_open ON invitation (created_at) WHERE released_at IS NULL;

    CREATE TABLE invitation_skip (
      run_id uuid NOT NULL REFERENCES invitation_run(id) ON DELETE CASCADE,
      residence_title_id uuid NOT NULL REFERENCES residence_title(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES case_person(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (reason IN ('no_service_for_kind', 'not_offered_at_location', 'no_capacity', 'no_birth_date', 'has_appointment')),
      PRIMARY KEY (run_id, residence_title_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE invitation_skip, invitation, invitation_run, invitation_service, invitation_policy;`.execute(db);
}
