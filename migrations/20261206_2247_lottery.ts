import { sql, type Kysely } from 'kysely';

/**
 * A fair morning release (issue 16, docs/lottery.md). A service may release its same-day times by
 * lottery: for `same_day_lottery_minutes` after its release time everyone who asks is entered (one
 * entry per person, service and day), then the day's times are drawn among the entrants. The draw
 * row is unique per service, location and day, so a draw happens once however many instances try;
 * its seed makes the order reproducible for an audit. A winner's time is a 'held' appointment
 * until they book it or `lottery_hold_minutes` run out.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE service
      ADD COLUMN same_day_lottery_minutes integer CHECK (same_day_lottery_minutes BETWEEN 5 AND 240),
      ADD COLUMN lottery_hold_minutes integer NOT NULL DEFAULT 60 CHECK (lottery_hold_minutes BETWEEN 10 AND 720),
      -- A lottery needs a release time, and its window (plus the draw's 5 minutes) ends the same day.
      ADD CONSTRAINT service_lottery_release CHECK (
        same_day_lottery_minutes IS NULL
        OR (same_day_release IS NOT NULL AND same_day_release + make_interval(mins => same_day_lottery_minutes + 5) > same_day_release));

    CREATE TABLE lottery_draw (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      service_id uuid NOT NULL REFERENCES service(id),
      location_id uuid NOT NULL REFERENCES location(id),
      day date NOT NULL,
      seed text NOT NULL CHECK (seed ~ '^[0-9a-f]{64}$'),
      drawn_at timestamptz NOT NULL,
      entrants integer NOT NULL CHECK (entrants >= 0),
      times integer NOT NULL CHECK (times >= 0),
      winners integer NOT NULL CHECK (winners >= 0 AND winners <= entrants AND winners <= times),
      -- Counted as the winners book or let their hold run out: the figures outlive the entries.
      booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0),
      expired integer NOT NULL DEFAULT 0 CHECK (expired >= 0),
      CHECK (booked + expired <= winners),
      UNIQUE (service_id, location_id, day)
    );

    CREATE TABLE lottery_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      service_id uuid NOT NULL REFERENCES service(id),
      location_id uuid NOT NULL REFERENCES location(id),
      day date NOT NULL,
      person_name text NOT NULL CHECK (length(person_name) BETWEEN 1 AND 200),
      date_of_birth date NOT NULL,
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      email_normalized text NOT NULL CHECK (length(email_normalized) BETWEEN 3 AND 254),
      phone text,
      language text NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
      link_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      outcome text NOT NULL DEFAULT 'entered' CHECK (outcome IN ('entered', 'won', 'lost', 'booked', 'expired')),
      draw_rank integer,
      appointment_id uuid REFERENCES appointment(id) ON DELETE SET NULL,
      hold_until timestamptz,
      decided_at timestamptz,
      CHECK ((outcome IN ('won', 'booked', 'expired')) = (hold_until IS NOT NULL)),
      -- One entry per person, service and day, whichever location: nobody wins twice.
      UNIQUE (service_id, day, email_normalized, date_of_birth)
    );
    CREATE INDEX lottery_entry_by_draw ON lottery_entry (service_id, location_id, day);
    CREATE INDEX lottery_entry_holds ON lottery_entry (hold_until) WHERE outcome = 'won';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE lottery_entry;
    DROP TABLE lottery_draw;
    ALTER TABLE service DROP CONSTRAINT service_lottery_release, DROP COLUMN lottery_hold_minutes, DROP COLUMN same_day_lottery_minutes;
  `.execute(db);
}
