import { sql, type Kysely } from 'kysely';

/**
 * The case file (e-Akte, issue 13): persons (Kunden) with their names in every script, residence
 * titles and family links; one file (Ausländerakte) per person; procedures (Vorgänge) of an
 * administrable type with ordered statuses and their citizen-facing texts per language; documents
 * with versions whose bytes live in the blob store (platform/storage), content-addressed.
 *
 * Rows that two clerks may change at the same moment carry `version` (optimistic concurrency:
 * a change names the version it was based on, `UPDATE … WHERE version = $based_on`).
 * The audit trail stays in audit_entry; audit_person gets a link to a case person that is
 * dropped (never cascaded) when the person is deleted, so the audit survives the file.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE EXTENSION IF NOT EXISTS unaccent;

    CREATE TABLE case_person (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
      given_names text NOT NULL DEFAULT '' CHECK (length(given_names) <= 200),
      birth_name text CHECK (length(birth_name) BETWEEN 1 AND 200),
      -- Partial dates of birth are common in these files: only the year, or year and month.
      birth_year smallint CHECK (birth_year BETWEEN 1870 AND 2200),
      birth_month smallint CHECK (birth_month BETWEEN 1 AND 12),
      birth_day smallint CHECK (birth_day BETWEEN 1 AND 31),
      place_of_birth text CHECK (length(place_of_birth) BETWEEN 1 AND 200),
      country_of_birth text CHECK (country_of_birth ~ '^[A-Z]{2}$'),
      nationalities text[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(nationalities) <= 5 AND array_to_string(nationalities, ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$'),
      sex text NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'diverse', 'unknown')),
      address_street text CHECK (length(address_street) <= 200),
      address_postal_code text CHECK (address_postal_code ~ '^[0-9A-Za-z -]{2,10}$'),
      address_city text CHECK (length(address_city) <= 200),
      email text CHECK (length(email) <= 254),
      phone text CHECK (length(phone) <= 40),
      preferred_language text CHECK (length(preferred_language) BETWEEN 2 AND 20),
      azr_number text CHECK (azr_number ~ '^[0-9]{12}$'),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (birth_month IS NOT NULL OR birth_day IS NULL),
      CHECK (birth_year IS NOT NULL OR birth_month IS NULL),
      CHECK (birth_day IS NULL OR birth_day <= extract(day FROM (make_date(birth_year, birth_month, 1) + interval '1 month - 1 day')))
    );
    CREATE UNIQUE INDEX case_person_by_azr ON case_person (azr_number) WHERE azr_number IS NOT NULL;
    CREATE INDEX case_person_by_birth ON case_person (birth_year, birth_month, birth_day);
    CREATE INDEX case_person_by_email ON case_person (lower(email)) WHERE email IS NOT NULL;

    -- Every name of a person in every script, with the keys search matches on. Rewritten whole
    -- whenever the person's names change (the case-files store computes normalized and skeleton).
    CREATE TABLE case_person_name (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES case_person(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('family', 'given', 'birth', 'former', 'variant')),
      value text NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
      -- lower case, Latin letters (other scripts transliterated), no marks, single spaces
      normalized text NOT NULL CHECK (length(normalized) <= 400),
      -- a looser key: vowels and doubled letters folded (Mohammed ~ Muhammad)
      skeleton text NOT NULL CHECK (length(skeleton) <= 400)
    );
    CREATE INDEX case_person_name_by_person ON case_person_name (person_id);
    CREATE INDEX case_person_name_trgm ON case_person_name USING gin (normalized gin_trgm_ops);
    CREATE INDEX case_person_name_by_normalized ON case_person_name (normalized text_pattern_ops);
    CREATE INDEX case_person_name_by_skeleton ON case_person_name (skeleton text_pattern_ops);

    CREATE TABLE residence_title (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL REFERENCES case_person(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('visa', 'residence_permit', 'eu_blue_card', 'settlement_permit', 'eu_long_term',
        'temporary_protection', 'permission_to_reside', 'toleration', 'fictional_certificate', 'eu_residence_card', 'other')),
      legal_basis text CHECK (length(legal_basis) BETWEEN 1 AND 100),
      valid_from date,
      valid_until date,
      card_serial text CHECK (card_serial ~ '^[A-Z0-9]{9,10}$'),
      is_current boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_from <= valid_until)
    );
    CREATE UNIQUE INDEX residence_title_one_current ON residence_title (person_id) WHERE is_current;
    CREATE INDEX residence_title_by_expiry ON residence_title (valid_until) WHERE is_current;
    CREATE INDEX residence_title_by_card ON residence_title (card_serial) WHERE card_serial IS NOT NULL;

    -- Stored in both directions (spouse/spouse, parent/child) by the use case, in one transaction.
    CREATE TABLE family_link (
      person_id uuid NOT NULL REFERENCES case_person(id) ON DELETE CASCADE,
      related_person_id uuid NOT NULL REFERENCES case_person(id) ON DELETE CASCADE,
      relation text NOT NULL CHECK (relation IN ('spouse', 'child', 'parent')),
      PRIMARY KEY (person_id, related_person_id),
      CHECK (person_id <> related_person_id)
    );

    CREATE TABLE case_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid NOT NULL UNIQUE REFERENCES case_person(id) ON DELETE CASCADE,
      reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9./ -]{0,59}$'),
      location_id uuid NOT NULL REFERENCES location(id),
      state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'closed', 'handed_over')),
      closed_at timestamptz,
      handed_over_to text CHECK (length(handed_over_to) BETWEEN 1 AND 200),
      retention_until date,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((state = 'active') = (closed_at IS NULL)),
      CHECK ((state = 'handed_over') = (handed_over_to IS NOT NULL))
    );
    CREATE INDEX case_file_by_location ON case_file (location_id);
    CREATE INDEX case_file_by_retention ON case_file (retention_until) WHERE state <> 'active';
    CREATE INDEX case_file_reference_trgm ON case_file USING gin (lower(reference) gin_trgm_ops);

    -- The catalogue of procedure types (administrable without a deployment).
    CREATE TABLE procedure_type (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,59}$'),
      name_de text NOT NULL CHECK (length(name_de) BETWEEN 1 AND 200),
      name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
      legal_basis text CHECK (length(legal_basis) BETWEEN 1 AND 100),
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE procedure_status (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      procedure_type_id uuid NOT NULL REFERENCES procedure_type(id) ON DELETE CASCADE,
      code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,59}$'),
      position integer NOT NULL CHECK (position >= 0),
      is_final boolean NOT NULL DEFAULT false,
      -- whether the person is told when the procedure reaches this status (issue 14 sends it)
      notify boolean NOT NULL DEFAULT false,
      UNIQUE (procedure_type_id, code),
      UNIQUE (procedure_type_id, position) DEFERRABLE INITIALLY DEFERRED,
      UNIQUE (procedure_type_id, id)
    );

    -- Per language: what the person reads in the status look-up, and what they must do next.
    -- source_digest: digest of the German text this translation was made from (missing/outdated
    -- tracking, as service_text does).
    CREATE TABLE procedure_status_text (
      procedure_status_id uuid NOT NULL REFERENCES procedure_status(id) ON DELETE CASCADE,
      lang text NOT NULL CHECK (lang ~ '^[a-z]{2,3}(-[a-zA-Z0-9]{1,8})*$'),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
      next_step text NOT NULL DEFAULT '' CHECK (length(next_step) <= 2000),
      source_digest text,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (procedure_status_id, lang)
    );

    CREATE TABLE case_procedure (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      file_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
      procedure_type_id uuid NOT NULL REFERENCES procedure_type(id),
      status_id uuid NOT NULL,
      -- Vorgangsnummer: short, no ambiguous characters, unguessable (the look-up of issue 14 uses it)
      number text NOT NULL UNIQUE CHECK (number ~ '^[A-Z0-9-]{6,20}$'),
      assigned_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      planned_end date,
      suspended_at timestamptz,
      suspension_reason text CHECK (length(suspension_reason) BETWEEN 1 AND 500),
      fee_state text NOT NULL DEFAULT 'none' CHECK (fee_state IN ('none', 'due', 'paid', 'waived', 'refunded')),
      opened_at timestamptz NOT NULL,
      closed_at timestamptz,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at timestamptz NOT NULL,
      FOREIGN KEY (procedure_type_id, status_id) REFERENCES procedure_status(procedure_type_id, id),
      UNIQUE (file_id, id),
      CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL))
    );
    CREATE INDEX case_procedure_by_file ON case_procedure (file_id);
    CREATE INDEX case_procedure_by_assignee ON case_procedure (assigned_staff_id) WHERE closed_at IS NULL;
    CREATE INDEX case_procedure_open_by_status ON case_procedure (procedure_type_id, status_id) WHERE closed_at IS NULL;

    CREATE TABLE case_procedure_status_change (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      procedure_id uuid NOT NULL REFERENCES case_procedure(id) ON DELETE CASCADE,
      status_id uuid NOT NULL REFERENCES procedure_status(id),
      at timestamptz NOT NULL,
      by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      by_label text NOT NULL CHECK (length(by_label) BETWEEN 1 AND 300),
      note text CHECK (length(note) <= 2000)
    );
    CREATE INDEX case_procedure_status_change_by_procedure ON case_procedure_status_change (procedure_id, at);

    -- A ticket or appointment matched to its person (by name + date of birth, confirmed by a clerk).
    CREATE TABLE case_appointment_link (
      appointment_id uuid PRIMARY KEY REFERENCES appointment(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES case_person(id) ON DELETE CASCADE,
      procedure_id uuid REFERENCES case_procedure(id) ON DELETE SET NULL,
      confirmed_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      confirmed_at timestamptz NOT NULL
    );
    CREATE INDEX case_appointment_link_by_person ON case_appointment_link (person_id);
    CREATE TABLE case_ticket_link (
      ticket_id uuid PRIMARY KEY REFERENCES ticket(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES case_person(id) ON DELETE CASCADE,
      confirmed_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      confirmed_at timestamptz NOT NULL
    );
    CREATE INDEX case_ticket_link_by_person ON case_ticket_link (person_id);

    -- The bytes of every document version, by SHA-256 (platform/storage keeps them). A version
    -- references its blob, so a blob row cannot be deleted while used; retention deletes an
    -- unreferenced blob row under FOR UPDATE and removes the stored bytes before it commits, and
    -- an upload inserts the blob row (ON CONFLICT DO NOTHING waits for that) before it (re)writes
    -- the bytes, so a re-upload of the same bytes at that moment never ends without them.
    CREATE TABLE blob (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint NOT NULL CHECK (size >= 0),
      media_type text NOT NULL CHECK (length(media_type) BETWEEN 3 AND 100),
      created_at timestamptz NOT NULL
    );

    CREATE TABLE case_document (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      file_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
      procedure_id uuid,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      category text NOT NULL CHECK (category IN ('application', 'passport_copy', 'decision', 'letter', 'evidence', 'photo',
        'certificate', 'correspondence', 'other')),
      received_on date,
      dated_on date,
      sender text CHECK (length(sender) BETWEEN 1 AND 300),
      current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
      locked_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      locked_until timestamptz,
      -- text of the current version's text layer / OCR: pending until the extraction job ran
      text_state text NOT NULL DEFAULT 'pending' CHECK (text_state IN ('pending', 'extracted', 'no_text', 'failed')),
      search_vector tsvector,
      -- where an import brought it from (scan provider's id or file reference + path): re-import finds it
      import_key text UNIQUE CHECK (length(import_key) BETWEEN 1 AND 500),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      FOREIGN KEY (file_id, procedure_id) REFERENCES case_procedure(file_id, id) ON DELETE SET NULL (procedure_id),
      CHECK ((locked_by_staff_id IS NULL) = (locked_until IS NULL))
    );
    CREATE INDEX case_document_by_file ON case_document (file_id, created_at);
    CREATE INDEX case_document_by_procedure ON case_document (procedure_id) WHERE procedure_id IS NOT NULL;
    CREATE INDEX case_document_text_pending ON case_document (created_at) WHERE text_state = 'pending';
    CREATE INDEX case_document_search ON case_document USING gin (search_vector);

    CREATE TABLE case_document_version (
      document_id uuid NOT NULL REFERENCES case_document(id) ON DELETE CASCADE,
      number integer NOT NULL CHECK (number >= 1),
      blob_sha256 text NOT NULL REFERENCES blob(sha256),
      -- detected from the content, never from the file name
      media_type text NOT NULL CHECK (length(media_type) BETWEEN 3 AND 100),
      size bigint NOT NULL CHECK (size >= 0),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      page_count integer CHECK (page_count >= 0),
      extracted_text text,
      created_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      created_by text NOT NULL CHECK (length(created_by) BETWEEN 1 AND 300),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (document_id, number)
    );
    CREATE INDEX case_document_version_by_blob ON case_document_version (blob_sha256);

    CREATE TABLE case_note (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      file_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
      document_id uuid REFERENCES case_document(id) ON DELETE CASCADE,
      procedure_id uuid REFERENCES case_procedure(id) ON DELETE CASCADE,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
      by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      by_label text NOT NULL CHECK (length(by_label) BETWEEN 1 AND 300),
      at timestamptz NOT NULL
    );
    CREATE INDEX case_note_by_file ON case_note (file_id, at);

    -- Imports from the scan provider (xdomea or CSV manifest). delivery_key identifies a delivery
    -- (hash of its manifest/message): two runs of the same delivery at once are refused by the
    -- partial unique index; a later run of it resumes (rows already imported are skipped).
    CREATE TABLE case_import (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('xdomea', 'csv')),
      source_name text NOT NULL CHECK (length(source_name) BETWEEN 1 AND 500),
      delivery_key text NOT NULL CHECK (length(delivery_key) BETWEEN 1 AND 200),
      state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'failed', 'interrupted')),
      rows_total integer NOT NULL DEFAULT 0 CHECK (rows_total >= 0),
      rows_done integer NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
      rows_quarantined integer NOT NULL DEFAULT 0 CHECK (rows_quarantined >= 0),
      started_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      started_by text NOT NULL CHECK (length(started_by) BETWEEN 1 AND 300),
      started_at timestamptz NOT NULL,
      heartbeat_at timestamptz NOT NULL,
      finished_at timestamptz,
      message text CHECK (length(message) <= 2000)
    );
    CREATE UNIQUE INDEX case_import_one_running_per_delivery ON case_import (delivery_key) WHERE state = 'running';

    CREATE TABLE case_import_row (
      import_id uuid NOT NULL REFERENCES case_import(id) ON DELETE CASCADE,
      row_key text NOT NULL CHECK (length(row_key) BETWEEN 1 AND 500),
      outcome text NOT NULL CHECK (outcome IN ('imported', 'replaced', 'unchanged', 'quarantined')),
      reason text CHECK (length(reason) <= 1000),
      document_id uuid REFERENCES case_document(id) ON DELETE SET NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (import_id, row_key)
    );

    -- The audit trail outlives the file: entries point to audit_person, whose link to the case
    -- person is cleared (and its label pseudonymised) when the person is deleted.
    ALTER TABLE audit_person ADD COLUMN case_person_id uuid UNIQUE;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE audit_person DROP COLUMN case_person_id;
    DROP TABLE case_import_row, case_import, case_note, case_document_version, case_document, blob, case_ticket_link,
      case_appointment_link, case_procedure_status_change, case_procedure, procedure_status_text, procedure_status,
      procedure_type, case_file, family_link, residence_title, case_person_name, case_person;
  `.execute(db);
}
