import { sql, type Kysely } from 'kysely';

/**
 * The nightly sweep of abandoned application drafts (docs/applications.md) finds the drafts
 * untouched since its cutoff by this index, without reading the submitted applications.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX application_draft_touched ON application (updated_at) WHERE state = 'draft'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX application_draft_touched`.execute(db);
}
