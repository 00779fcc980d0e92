import { sql, type Kysely } from 'kysely';

/**
 * Information pages (issue 16): an office publishes pages per topic ("Ukraine: vorübergehender
 * Schutz", "Ihre eAT-Karte", "Gebühren") in every portal language without a deployment. German is
 * the source; a translation remembers the digest of the German text it was made from (like service
 * texts). A machine translation is marked until a person approves it. `version` on the page (its
 * settings and German text) and on each translation makes a stale save a conflict instead of a loss.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE info_page (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      position integer NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 9999),
      published boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE info_page_text (
      info_page_id uuid NOT NULL REFERENCES info_page(id) ON DELETE CASCADE,
      lang text NOT NULL CHECK (lang ~ '^[a-z]{2,3}(-[a-z0-9]{1,8})*$' AND length(lang) <= 35),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 1000),
      body text NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
      -- the digest of the German text this one was made from (German: of itself)
      source_digest text CHECK (source_digest ~ '^[0-9a-f]{32}$'),
      machine_translated boolean NOT NULL DEFAULT false,
      approved_by uuid REFERENCES staff(id) ON DELETE SET NULL,
      approved_at timestamptz,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (info_page_id, lang),
      -- German is the source: never machine-translated
      CHECK (lang <> 'de' OR NOT machine_translated),
      -- only a machine translation is approved, and an approval has its time
      CHECK (approved_at IS NULL OR machine_translated),
      CHECK (approved_by IS NULL OR approved_at IS NOT NULL)
    );

    CREATE TABLE service_info_page (
      service_id uuid NOT NULL REFERENCES service(id) ON DELETE CASCADE,
      info_page_id uuid NOT NULL REFERENCES info_page(id) ON DELETE CASCADE,
      PRIMARY KEY (service_id, info_page_id)
    );
    CREATE INDEX service_info_page_page ON service_info_page (info_page_id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP TABLE service_info_page;
    DROP TABLE info_page_text;
    DROP TABLE info_page;
  `.execute(db);
}
