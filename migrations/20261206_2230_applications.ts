import { sql, type Kysely } from 'kysely';
import { applyFunctionFile } from '../src/db/db-functions.ts';

/**
 * Online applications (issue 14). A form (`application_form`) has numbered versions; a version's
 * definition (steps, fields, rules, conditions) and German texts are frozen once published, so an
 * application started on it stays answerable as it was. Translations of a version's texts may be
 * added later (they change no answer); each remembers the digest of the German texts it was made
 * from (missing/outdated as for service texts). An application (`application`) is a draft until it
 * is submitted, which happens once: the row lock and `state` decide, never a check before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A published or retired version never changes (src/db/functions/application_form_version_frozen.sql).
  await applyFunctionFile(db, 'application_form_version_frozen');
  await sql`
    CREATE TABLE application_form (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      location_id uuid NOT NULL REFERENCES location(id),
      procedure_type_id uuid NOT NULL REFERENCES procedure_type(id),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE application_form_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      form_id uuid NOT NULL REFERENCES application_form(id) ON DELETE CASCADE,
      number integer NOT NULL CHECK (number >= 1),
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'retired')),
      definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
      -- the German texts (key → text), the source of every translation
      texts jsonb NOT NULL CHECK (jsonb_typeof(texts) = 'object'),
      source_digest text NOT NULL CHECK (source_digest ~ '^[0-9a-f]{32}$'),
      -- the draft's own version: two administrators editing the same draft take turns
      revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
      published_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (form_id, number),
      CHECK ((state = 'draft') = (published_at IS NULL))
    );
    -- At most one version of a form is the one new applications start on.
    CREATE UNIQUE INDEX application_form_one_published ON application_form_version (form_id) WHERE state = 'published';
    -- At most one draft per form: the administrators work on one next version.
    CREATE UNIQUE INDEX application_form_one_draft ON application_form_version (form_id) WHERE state = 'draft';

    CREATE TRIGGER application_form_version_frozen BEFORE UPDATE ON application_form_version
      FOR EACH ROW EXECUTE FUNCTION application_form_version_frozen();

    CREATE TABLE application_form_text (
      form_version_id uuid NOT NULL REFERENCES application_form_version(id) ON DELETE CASCADE,
      lang text NOT NULL CHECK (lang ~ '^[a-z]{2,3}(-[a-z0-9]{1,8})*$' AND length(lang) <= 35 AND lang <> 'de'),
      texts jsonb NOT NULL CHECK (jsonb_typeof(texts) = 'object'),
      source_digest text NOT NULL CHECK (source_digest ~ '^[0-9a-f]{32}$'),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (form_version_id, lang)
    );

    CREATE TABLE application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      form_version_id uuid NOT NULL REFERENCES application_form_version(id),
      lang text NOT NULL CHECK (lang ~ '^[a-z]{2,3}(-[a-z0-9]{1,8})*$' AND length(lang) <= 35),
      -- SHA-256 of the secret in the applicant's link; the secret itself is never stored
      token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      email text CHECK (length(email) BETWEEN 3 AND 254),
      answers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object'),
      -- bumped by every save: a save based on an older page is refused instead of overwriting
      revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'accepted')),
      submitted_at timestamptz,
      procedure_id uuid REFERENCES case_procedure(id) ON DELETE SET NULL,
      person_id uuid REFERENCES case_person(id) ON DELETE SET NULL,
      -- how the person was found: a new person, exactly one match, or several/partial matches a clerk confirms
      person_match text CHECK (person_match IN ('new', 'found', 'uncertain')),
      match_candidates uuid[] NOT NULL DEFAULT '{}',
      receipt_document_id uuid REFERENCES case_document(id) ON DELETE SET NULL,
      accepted_at timestamptz,
      accepted_by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((state = 'draft') = (submitted_at IS NULL)),
      CHECK ((state = 'accepted') = (accepted_at IS NOT NULL)),
      CHECK (state = 'draft' OR person_match IS NOT NULL)
    );
    CREATE INDEX application_submitted ON application (submitted_at) WHERE state = 'submitted';
    CREATE INDEX application_by_procedure ON application (procedure_id) WHERE procedure_id IS NOT NULL;

    -- The files an applicant uploaded for a field, checked by content, bytes in the blob store.
    -- The blob's foreign key keeps retention from removing the bytes while the application needs them.
    CREATE TABLE application_upload (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES application(id) ON DELETE CASCADE,
      field_key text NOT NULL CHECK (field_key ~ '^[a-z][a-z0-9_]{0,62}$'),
      blob_sha256 text NOT NULL REFERENCES blob(sha256),
      media_type text NOT NULL CHECK (length(media_type) BETWEEN 3 AND 100),
      size bigint NOT NULL CHECK (size > 0),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      page_count integer CHECK (page_count >= 0),
      document_id uuid REFERENCES case_document(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX application_upload_by_application ON application_upload (application_id, field_key);
    CREATE INDEX application_upload_by_blob ON application_upload (blob_sha256);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE application_upload, application, application_form_text, application_form_version, application_form;
    DROP FUNCTION application_form_version_frozen();
  `.execute(db);
}
