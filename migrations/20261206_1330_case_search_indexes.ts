import { sql, type Kysely } from 'kysely';

/**
 * Indexes the case-file search needs beyond the schema's (docs/performance.md, "Case-file search"):
 * a trigram index on the name skeleton, so that a word inside a name ("… Petrenko" typed as
 * "Petrneko", "% ptrnk%") is found through an index instead of reading every name; and the
 * documents newest first, so that a word found in very many documents ranks only the newest
 * matches instead of reading every match's search vector.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX case_person_name_skeleton_trgm ON case_person_name USING gin (skeleton gin_trgm_ops);
    CREATE INDEX case_document_newest ON case_document (created_at DESC, id DESC);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX case_document_newest; DROP INDEX case_person_name_skeleton_trgm;`.execute(db);
}
