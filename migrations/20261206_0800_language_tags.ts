import { sql, type Kysely } from 'kysely';

/**
 * A language is a BCP 47 tag in lower case, not only a two- or three-letter code: Leichte Sprache
 * is `de-x-ls` (private use, docs/languages.md). Service texts, appointments and tickets carry it.
 * The constraints are dropped if present and added again, so a branch that widened them the same
 * way does not make this migration fail.
 */
const tag = `'^[a-z]{2,3}(-[a-z0-9]{1,8})*$'`;
const code = `'^[a-z]{2,3}$'`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
    ALTER TABLE service_text DROP CONSTRAINT IF EXISTS service_text_lang_check,
      ADD CONSTRAINT service_text_lang_check CHECK (lang ~ ${tag} AND length(lang) <= 35);
    ALTER TABLE appointment DROP CONSTRAINT IF EXISTS appointment_language_check,
      ADD CONSTRAINT appointment_language_check CHECK (language ~ ${tag} AND length(language) <= 35);
    ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ticket_language_check,
      ADD CONSTRAINT ticket_language_check CHECK (language ~ ${tag} AND length(language) <= 35);
  `)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
    DELETE FROM service_text WHERE lang !~ ${code};
    UPDATE appointment SET language = split_part(language, '-', 1) WHERE language !~ ${code};
    UPDATE ticket SET language = split_part(language, '-', 1) WHERE language !~ ${code};
    ALTER TABLE service_text DROP CONSTRAINT service_text_lang_check, ADD CONSTRAINT service_text_lang_check CHECK (lang ~ ${code});
    ALTER TABLE appointment DROP CONSTRAINT appointment_language_check, ADD CONSTRAINT appointment_language_check CHECK (language ~ ${code});
    ALTER TABLE ticket DROP CONSTRAINT ticket_language_check, ADD CONSTRAINT ticket_language_check CHECK (language ~ ${code});
  `)
    .execute(db);
}
