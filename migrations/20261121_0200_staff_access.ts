import { sql, type Kysely } from 'kysely';

/**
 * Staff side: sign-in data, roles, sessions in PostgreSQL (shared by all app instances),
 * sign-in throttling, TOTP recovery codes, personal API tokens, kiosk/display devices,
 * and the append-only audit trail. Secrets (session ids, tokens, recovery codes) are stored
 * only as SHA-256 hashes; passwords as argon2id hashes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE staff
      ADD COLUMN username text UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
      ADD COLUMN password_hash text,
      ADD COLUMN role text NOT NULL DEFAULT 'clerk' CHECK (role IN ('admin', 'team_lead', 'clerk', 'reception')),
      ADD COLUMN staff_language text NOT NULL DEFAULT 'de' CHECK (staff_language IN ('de', 'en')),
      ADD COLUMN totp_secret text,
      ADD COLUMN totp_enabled_at timestamptz,
      ADD COLUMN totp_last_step bigint,
      ADD COLUMN sso_subject text UNIQUE,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

    -- Settings per role, e.g. whether two-factor sign-in is mandatory.
    CREATE TABLE role_setting (
      role text PRIMARY KEY CHECK (role IN ('admin', 'team_lead', 'clerk', 'reception')),
      totp_required boolean NOT NULL DEFAULT false
    );
    INSERT INTO role_setting (role) VALUES ('admin'), ('team_lead'), ('clerk'), ('reception');

    -- stage: 'second_factor' until TOTP is given, 'enrol' while a mandatory TOTP is being set up.
    CREATE TABLE staff_session (
      id_hash text PRIMARY KEY,
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      stage text NOT NULL CHECK (stage IN ('full', 'second_factor', 'enrol')),
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ip text CHECK (length(ip) <= 64),
      user_agent text CHECK (length(user_agent) <= 300)
    );
    CREATE INDEX staff_session_by_staff ON staff_session (staff_id);

    -- Failed sign-ins per account ('account:<name>') and per address ('ip:<addr>').
    CREATE TABLE sign_in_throttle (
      key text PRIMARY KEY CHECK (length(key) <= 200),
      failures integer NOT NULL DEFAULT 0,
      window_started_at timestamptz NOT NULL,
      locked_until timestamptz
    );

    CREATE TABLE recovery_code (
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (staff_id, code_hash)
    );

    CREATE TABLE api_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      role text NOT NULL CHECK (role IN ('admin', 'team_lead', 'clerk', 'reception')),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz
    );

    -- Kiosks and call displays: bound to one location, never see personal data.
    CREATE TABLE device (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('kiosk', 'display')),
      location_id uuid NOT NULL REFERENCES location(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      revoked_at timestamptz
    );

    -- The person an audit entry is about. Entries point here, so anonymising a person
    -- rewrites this one row and never touches the append-only entries.
    CREATE TABLE audit_person (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      appointment_id uuid UNIQUE,
      label text NOT NULL CHECK (length(label) <= 300),
      pseudonymised_at timestamptz
    );

    CREATE TABLE audit_entry (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_staff_id uuid,
      actor_label text NOT NULL CHECK (length(actor_label) <= 300),
      action text NOT NULL CHECK (length(action) <= 100),
      outcome text NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
      target_type text CHECK (length(target_type) <= 60),
      target_id text CHECK (length(target_id) <= 100),
      person_id uuid REFERENCES audit_person(id),
      screen text CHECK (length(screen) <= 200),
      ip text CHECK (length(ip) <= 64),
      before jsonb,
      after jsonb,
      note text CHECK (length(note) <= 1000)
    );
    CREATE INDEX audit_entry_by_at ON audit_entry (at);
    CREATE INDEX audit_entry_by_actor ON audit_entry (actor_staff_id, at);
    CREATE INDEX audit_entry_by_person ON audit_entry (person_id, at);

    CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
    CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE audit_entry, audit_person, device, api_token, recovery_code, sign_in_throttle, staff_session, role_setting;
    DROP FUNCTION audit_entry_is_append_only();
    ALTER TABLE staff DROP COLUMN username, DROP COLUMN password_hash, DROP COLUMN role, DROP COLUMN staff_language,
      DROP COLUMN totp_secret, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step, DROP COLUMN sso_subject, DROP COLUMN updated_at;
  `.execute(db);
}
