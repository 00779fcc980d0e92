import { sql, type Kysely } from 'kysely';

// btree_gist lets exclusion constraints mix equality (clerk id) with range overlap (time).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP EXTENSION IF EXISTS btree_gist`.execute(db);
}
