import { sql, type Kysely } from 'kysely';

/**
 * The office and its appointments: locations, counters, specialties, services (texts per
 * language), resources, clerks with their hours, and appointments. Double booking of a
 * clerk or a resource is made impossible by exclusion constraints, not by application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE location (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      address text NOT NULL CHECK (length(address) <= 500),
      time_zone text NOT NULL DEFAULT 'Europe/Berlin' CHECK (length(time_zone) BETWEEN 1 AND 64),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- Public opening hours, shown to citizens; clerks' own hours are separate (working_hours).
    CREATE TABLE location_opening_hours (
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      opens time NOT NULL,
      closes time NOT NULL,
      CHECK (opens < closes),
      PRIMARY KEY (location_id, weekday, opens)
    );

    CREATE TABLE counter (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
      active boolean NOT NULL DEFAULT true,
      UNIQUE (location_id, name)
    );

    -- routing_rule: null (everyone), {"kind":"surname","from":"A","to":"K"} or {"kind":"nationality","countries":["UA"]}
    CREATE TABLE specialty (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      queue_prefix text NOT NULL CHECK (queue_prefix ~ '^[A-Z]{1,2}$'),
      routing_rule jsonb,
      sort_order integer NOT NULL DEFAULT 0
    );

    CREATE TABLE resource (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_-]{0,62}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true
    );
    CREATE INDEX resource_location_kind ON resource (location_id, kind) WHERE active;

    CREATE TABLE service (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
      slot_minutes integer NOT NULL DEFAULT 15 CHECK (slot_minutes BETWEEN 5 AND 240),
      fee_cents integer CHECK (fee_cents >= 0),
      online_bookable boolean NOT NULL DEFAULT true,
      walk_in_allowed boolean NOT NULL DEFAULT false,
      walk_in_daily_quota integer CHECK (walk_in_daily_quota >= 0),
      min_lead_minutes integer NOT NULL DEFAULT 0 CHECK (min_lead_minutes >= 0),
      max_days_ahead integer NOT NULL DEFAULT 60 CHECK (max_days_ahead BETWEEN 0 AND 366),
      same_day_release time,
      required_resource_kind text,
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- Texts per language; German (de) is the source. source_digest records which German text a
    -- translation was made from, so it is outdated only when the German text really changed.
    CREATE TABLE service_text (
      service_id uuid NOT NULL REFERENCES service(id) ON DELETE CASCADE,
      lang text NOT NULL CHECK (lang ~ '^[a-z]{2,3}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
      audience text NOT NULL DEFAULT '' CHECK (length(audience) <= 2000),
      required_documents text[] NOT NULL DEFAULT '{}' CHECK (cardinality(required_documents) <= 40),
      fee_note text NOT NULL DEFAULT '' CHECK (length(fee_note) <= 1000),
      source_digest text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (service_id, lang)
    );

    CREATE TABLE service_specialty (
      service_id uuid NOT NULL REFERENCES service(id) ON DELETE CASCADE,
      specialty_id uuid NOT NULL REFERENCES specialty(id) ON DELETE CASCADE,
      PRIMARY KEY (service_id, specialty_id)
    );

    -- Which locations offer a service.
    CREATE TABLE service_location (
      service_id uuid NOT NULL REFERENCES service(id) ON DELETE CASCADE,
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      PRIMARY KEY (service_id, location_id)
    );

    -- Everyone who works at the office; sign-in data comes with the staff feature.
    CREATE TABLE staff (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE staff_specialty (
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      specialty_id uuid NOT NULL REFERENCES specialty(id) ON DELETE CASCADE,
      PRIMARY KEY (staff_id, specialty_id)
    );
    CREATE INDEX staff_specialty_by_specialty ON staff_specialty (specialty_id);

    CREATE TABLE staff_location (
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      PRIMARY KEY (staff_id, location_id)
    );

    -- A clerk's weekly template, in the location's local time (07:00–18:00, not the public hours).
    CREATE TABLE working_hours (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      starts time NOT NULL,
      ends time NOT NULL,
      valid_from date,
      valid_until date,
      CHECK (starts < ends),
      CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_from <= valid_until)
    );
    CREATE INDEX working_hours_by_staff ON working_hours (staff_id, weekday);

    -- Hours on one date that replace the weekly template for that date.
    CREATE TABLE working_day_override (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      day date NOT NULL,
      starts time NOT NULL,
      ends time NOT NULL,
      CHECK (starts < ends)
    );
    CREATE INDEX working_day_override_by_staff ON working_day_override (staff_id, day);

    -- Time a clerk is away (leave, illness, training) or has blocked in the own calendar.
    CREATE TABLE absence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      during tstzrange NOT NULL CHECK (NOT isempty(during)),
      reason text NOT NULL DEFAULT 'absence' CHECK (reason IN ('absence', 'blocked')),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX absence_by_staff ON absence USING gist (staff_id, during);

    CREATE TABLE appointment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{6,12}$'),
      manage_secret_hash text NOT NULL,
      service_id uuid NOT NULL REFERENCES service(id),
      location_id uuid NOT NULL REFERENCES location(id),
      staff_id uuid NOT NULL REFERENCES staff(id),
      resource_id uuid REFERENCES resource(id),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled', 'checked_in', 'completed', 'no_show')),
      person_name text NOT NULL CHECK (length(person_name) BETWEEN 1 AND 200),
      date_of_birth date NOT NULL,
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      email_normalized text NOT NULL CHECK (length(email_normalized) BETWEEN 3 AND 254),
      phone text CHECK (length(phone) <= 40),
      language text NOT NULL DEFAULT 'de' CHECK (language ~ '^[a-z]{2,3}$'),
      created_by text NOT NULL CHECK (created_by IN ('online', 'staff')),
      created_by_staff_id uuid REFERENCES staff(id),
      idempotency_key text UNIQUE CHECK (length(idempotency_key) <= 100),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      cancelled_at timestamptz,
      CHECK (starts_at < ends_at),
      CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
      -- No clerk and no resource ever holds two overlapping appointments.
      CONSTRAINT appointment_no_clerk_overlap EXCLUDE USING gist (staff_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'cancelled'),
      CONSTRAINT appointment_no_resource_overlap EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'cancelled' AND resource_id IS NOT NULL)
    );
    -- One person holds at most one active appointment per service.
    CREATE UNIQUE INDEX appointment_one_active_per_person_and_service
      ON appointment (service_id, email_normalized, date_of_birth) WHERE status IN ('booked', 'checked_in');
    CREATE INDEX appointment_by_location_time ON appointment (location_id, starts_at) WHERE status <> 'cancelled';
    CREATE INDEX appointment_cancelled_recently ON appointment (location_id, cancelled_at) WHERE status = 'cancelled';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE appointment, absence, working_day_override, working_hours, staff_location, staff_specialty, staff,
      service_location, service_specialty, service_text, service, resource, specialty, counter, location_opening_hours, location;
  `.execute(db);
}
