import { sql, type Kysely } from 'kysely';

/**
 * The front desk: tickets (one per visit), their per-day numbers, walk-in quotas, transfer
 * notes, the settings of each location's front desk, and the stored call events that call
 * displays resume from. Uniqueness and status rules live here, not in application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Per location: the check-in window and the queue order (rows are optional; defaults apply).
    CREATE TABLE front_desk_setting (
      location_id uuid PRIMARY KEY REFERENCES location(id) ON DELETE CASCADE,
      check_in_opens_minutes integer NOT NULL DEFAULT 30 CHECK (check_in_opens_minutes BETWEEN 0 AND 720),
      check_in_closes_minutes integer NOT NULL DEFAULT 15 CHECK (check_in_closes_minutes BETWEEN 0 AND 720),
      queue_order text NOT NULL DEFAULT 'appointments_first' CHECK (queue_order IN ('appointments_first', 'arrival')),
      priority_first boolean NOT NULL DEFAULT true,
      max_recalls integer NOT NULL DEFAULT 2 CHECK (max_recalls BETWEEN 0 AND 10)
    );

    -- The last number given per location, office day and queue prefix (A001, A002, … every day anew).
    CREATE TABLE ticket_number_sequence (
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      day date NOT NULL,
      prefix text NOT NULL,
      last_number integer NOT NULL CHECK (last_number BETWEEN 1 AND 999),
      PRIMARY KEY (location_id, day, prefix)
    );

    -- Walk-in tickets given per location, service and day, counted up atomically against the quota.
    CREATE TABLE walk_in_count (
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      service_id uuid NOT NULL REFERENCES service(id) ON DELETE CASCADE,
      day date NOT NULL,
      used integer NOT NULL CHECK (used >= 0),
      PRIMARY KEY (location_id, service_id, day)
    );

    CREATE TABLE ticket (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      location_id uuid NOT NULL REFERENCES location(id),
      specialty_id uuid NOT NULL REFERENCES specialty(id),
      service_id uuid NOT NULL REFERENCES service(id),
      appointment_id uuid UNIQUE REFERENCES appointment(id),
      day date NOT NULL,
      prefix text NOT NULL CHECK (prefix ~ '^[A-Z]{1,2}$'),
      number integer NOT NULL CHECK (number BETWEEN 1 AND 999),
      display_number text GENERATED ALWAYS AS (prefix || lpad(number::text, 3, '0')) STORED,
      status text NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'called', 'in_service', 'parked', 'transferred', 'finished', 'no_show')),
      priority boolean NOT NULL DEFAULT false,
      priority_reason text CHECK (priority_reason IN ('disability', 'pregnancy', 'children', 'other')),
      -- Appointments queue by their start time, walk-ins by arrival.
      queued_at timestamptz NOT NULL,
      language text NOT NULL DEFAULT 'de' CHECK (language ~ '^[a-z]{2,3}$'),
      -- Walk-ins name nobody; reception may note a name/nationality for routing (never shown on displays).
      routing_surname text CHECK (length(routing_surname) <= 200),
      routing_nationality text CHECK (routing_nationality ~ '^[A-Z]{2}$'),
      checked_in_by text NOT NULL CHECK (checked_in_by IN ('kiosk', 'reception')),
      checked_in_by_staff_id uuid REFERENCES staff(id),
      idempotency_key text CHECK (length(idempotency_key) BETWEEN 8 AND 100),
      checked_in_at timestamptz NOT NULL DEFAULT now(),
      called_at timestamptz,
      started_at timestamptz,
      finished_at timestamptz,
      counter_id uuid REFERENCES counter(id),
      staff_id uuid REFERENCES staff(id),
      recall_count integer NOT NULL DEFAULT 0 CHECK (recall_count BETWEEN 0 AND 20),
      outcome text CHECK (outcome IN ('done', 'documents_missing')),
      follow_up_wanted boolean NOT NULL DEFAULT false,
      fee_paid_cents integer CHECK (fee_paid_cents BETWEEN 0 AND 10000000),
      fee_method text CHECK (fee_method IN ('card', 'cash', 'exempt')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (location_id, day, prefix, number),
      UNIQUE (location_id, idempotency_key),
      CHECK (status NOT IN ('called', 'in_service') OR (counter_id IS NOT NULL AND staff_id IS NOT NULL AND called_at IS NOT NULL)),
      CHECK (status <> 'in_service' OR started_at IS NOT NULL),
      CHECK ((status = 'finished') = (outcome IS NOT NULL)),
      CHECK ((fee_method IS NULL) = (fee_paid_cents IS NULL)),
      CHECK (fee_method IS DISTINCT FROM 'exempt' OR fee_paid_cents = 0),
      CHECK (status NOT IN ('finished', 'no_show', 'transferred') OR finished_at IS NOT NULL),
      CHECK (priority OR priority_reason IS NULL)
    );
    -- A clerk and a counter serve one visitor at a time.
    CREATE UNIQUE INDEX ticket_one_active_per_staff ON ticket (staff_id) WHERE status IN ('called', 'in_service');
    CREATE UNIQUE INDEX ticket_one_active_per_counter ON ticket (counter_id) WHERE status IN ('called', 'in_service');
    CREATE INDEX ticket_waiting ON ticket (location_id, specialty_id, day, queued_at) WHERE status = 'waiting';
    CREATE INDEX ticket_by_day ON ticket (location_id, day);

    -- Notes written when a ticket moves to another queue (shown at the next desk).
    CREATE TABLE ticket_transfer (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ticket_id uuid NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
      from_specialty_id uuid NOT NULL REFERENCES specialty(id),
      to_specialty_id uuid NOT NULL REFERENCES specialty(id),
      staff_id uuid NOT NULL REFERENCES staff(id),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX ticket_transfer_by_ticket ON ticket_transfer (ticket_id, created_at);

    -- Calls as displays show them: no personal data, only numbers, counters and texts.
    -- Ids are handed out under a per-location advisory lock, so within a location they are in
    -- commit order and a display resuming after id N never skips an event.
    CREATE TABLE display_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('call', 'recall')),
      ticket_id uuid NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX display_event_by_location ON display_event (location_id, id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE display_event, ticket_transfer, ticket, walk_in_count, ticket_number_sequence, front_desk_setting;`.execute(db);
}
