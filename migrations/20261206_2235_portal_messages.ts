import { sql, type Kysely } from 'kysely';

/**
 * Messages instead of calls (issue 14): a person writes to the office through the portal, in
 * general or about one procedure, and reads the answer behind a link with their date of birth.
 * `submission_key` comes from the form (a random value drawn when the form was shown): a double
 * click or a retry is the same message. One answer per message (its primary key). Attachments name
 * their blob, so retention cannot delete the bytes of a message not yet filed (foreign key), and
 * the document made from them once the message is in a file.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE portal_message (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE CHECK (reference ~ '^N-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$'),
      submission_key text NOT NULL UNIQUE CHECK (length(submission_key) BETWEEN 16 AND 100),
      location_id uuid NOT NULL REFERENCES location(id),
      file_id uuid REFERENCES case_file(id) ON DELETE SET NULL,
      procedure_id uuid REFERENCES case_procedure(id) ON DELETE SET NULL,
      sender_name text NOT NULL CHECK (length(sender_name) BETWEEN 1 AND 200),
      date_of_birth date NOT NULL,
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      language text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[a-z0-9]{1,8})*$' AND length(language) <= 35),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      note_id uuid REFERENCES case_note(id) ON DELETE SET NULL,
      received_at timestamptz NOT NULL,
      -- a message about a procedure is in that procedure's file from the start
      CHECK (procedure_id IS NULL OR file_id IS NOT NULL)
    );
    CREATE INDEX portal_message_by_location ON portal_message (location_id, received_at);
    CREATE INDEX portal_message_by_file ON portal_message (file_id) WHERE file_id IS NOT NULL;

    CREATE TABLE portal_message_attachment (
      message_id uuid NOT NULL REFERENCES portal_message(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position BETWEEN 1 AND 3),
      blob_sha256 text NOT NULL REFERENCES blob(sha256),
      media_type text NOT NULL CHECK (length(media_type) BETWEEN 3 AND 100),
      size bigint NOT NULL CHECK (size > 0),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      document_id uuid REFERENCES case_document(id) ON DELETE SET NULL,
      PRIMARY KEY (message_id, position)
    );
    CREATE INDEX portal_message_attachment_by_blob ON portal_message_attachment (blob_sha256);

    CREATE TABLE message_template (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE message_template_text (
      template_id uuid NOT NULL REFERENCES message_template(id) ON DELETE CASCADE,
      lang text NOT NULL CHECK (lang ~ '^[a-z]{2,3}(-[a-z0-9]{1,8})*$' AND length(lang) <= 35),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      -- the digest of the German text a translation was made from (German: NULL)
      source_digest text CHECK (source_digest ~ '^[0-9a-f]{32}$'),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (template_id, lang),
      CHECK ((lang = 'de') = (source_digest IS NULL))
    );

    CREATE TABLE portal_message_answer (
      message_id uuid PRIMARY KEY REFERENCES portal_message(id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
      template_id uuid REFERENCES message_template(id) ON DELETE SET NULL,
      by_staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      by_label text NOT NULL CHECK (length(by_label) BETWEEN 1 AND 300),
      note_id uuid REFERENCES case_note(id) ON DELETE SET NULL,
      answered_at timestamptz NOT NULL,
      read_at timestamptz
    );
    CREATE INDEX portal_message_answer_by_time ON portal_message_answer (answered_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE portal_message_answer, message_template_text, message_template, portal_message_attachment, portal_message`.execute(db);
}
