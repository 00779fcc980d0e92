import { sql, type Kysely } from 'kysely';

/**
 * The waiting list for freed times (issue 16, docs/waiting-list.md). An entry is one person waiting
 * for one service at one location: once per e-mail address and service while it is open (the
 * unique index decides, never a check before the insert). Its place is the moment it was
 * confirmed (double opt-in): a number from a sequence. The person's data lives only as long as the entry is open: an
 * ended entry keeps what the figures need and nothing else (the check makes a row one or the other).
 *
 * An offer is a 'held' appointment (the engine's overlap constraints keep everyone else off that
 * time) plus a row here, open until it is accepted, declined or expires; at most one open offer
 * per entry and one offer per appointment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE waiting_list_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      service_id uuid NOT NULL REFERENCES service(id),
      location_id uuid NOT NULL REFERENCES location(id),
      status text NOT NULL CHECK (status IN ('pending', 'waiting', 'offered', 'booked', 'left', 'lapsed')),
      person_name text CHECK (length(person_name) BETWEEN 1 AND 200),
      date_of_birth date,
      email text CHECK (length(email) BETWEEN 3 AND 254),
      email_normalized text CHECK (length(email_normalized) BETWEEN 3 AND 254),
      language text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[a-z0-9]{1,8})*$' AND length(language) <= 35),
      -- ISO weekdays (1 = Monday) and local minutes of the day [from, until) the person can come.
      weekdays smallint[] NOT NULL CHECK (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]),
      from_minute smallint NOT NULL CHECK (from_minute BETWEEN 0 AND 1439),
      until_minute smallint NOT NULL CHECK (until_minute BETWEEN 1 AND 1440),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      confirmed_at timestamptz,
      -- The place in line, drawn at confirmation: first come first served even within one clock tick.
      place bigint UNIQUE,
      ended_at timestamptz,
      CHECK (from_minute < until_minute),
      -- Pending: not confirmed yet; in line or booked: confirmed. Left or lapsed may be either.
      CHECK (CASE WHEN status = 'pending' THEN confirmed_at IS NULL WHEN status IN ('waiting', 'offered', 'booked') THEN confirmed_at IS NOT NULL ELSE true END),
      CHECK ((confirmed_at IS NULL) = (place IS NULL)),
      CHECK ((status IN ('booked', 'left', 'lapsed')) = (ended_at IS NOT NULL)),
      CONSTRAINT waiting_list_entry_person_while_open CHECK (
        CASE WHEN ended_at IS NULL
          THEN person_name IS NOT NULL AND date_of_birth IS NOT NULL AND email IS NOT NULL AND email_normalized IS NOT NULL
          ELSE person_name IS NULL AND date_of_birth IS NULL AND email IS NULL AND email_normalized IS NULL
        END
      )
    );
    CREATE UNIQUE INDEX waiting_list_entry_once_per_person_and_service
      ON waiting_list_entry (service_id, email_normalized) WHERE status IN ('pending', 'waiting', 'offered');
    CREATE SEQUENCE waiting_list_place;
    CREATE INDEX waiting_list_entry_queue ON waiting_list_entry (service_id, location_id, place) WHERE status IN ('waiting', 'offered');

    CREATE TABLE waiting_list_offer (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      entry_id uuid NOT NULL REFERENCES waiting_list_entry(id),
      appointment_id uuid NOT NULL UNIQUE REFERENCES appointment(id),
      service_id uuid NOT NULL REFERENCES service(id),
      location_id uuid NOT NULL REFERENCES location(id),
      starts_at timestamptz NOT NULL,
      token_hash text NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'expired')),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      CHECK (expires_at > created_at),
      CHECK ((status = 'open') = (ended_at IS NULL))
    );
    CREATE UNIQUE INDEX waiting_list_offer_one_open_per_entry ON waiting_list_offer (entry_id) WHERE status = 'open';
    CREATE INDEX waiting_list_offer_by_entry_start ON waiting_list_offer (entry_id, starts_at);
    CREATE INDEX waiting_list_offer_figures ON waiting_list_offer (service_id, location_id, created_at);

    -- The schedule version the list last looked at: new hours or an absence that ended change it
    -- (migration 0103's triggers), and a job that sees it changed looks for freed times.
    CREATE TABLE waiting_list_schedule_seen (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      version xid8 NOT NULL
    );
    INSERT INTO waiting_list_schedule_seen (id, version) SELECT 1, version FROM schedule_version;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE waiting_list_schedule_seen, waiting_list_offer, waiting_list_entry; DROP SEQUENCE waiting_list_place;`.execute(db);
}
