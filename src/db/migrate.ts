import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { FileMigrationProvider, Migrator } from 'kysely/migration';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

function migrator(db: Kysely<any>): Migrator {
  // Features add migrations on parallel branches; a merged one may sort before one already applied.
  return new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsFolder }), allowUnorderedMigrations: true });
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Kysely takes a lock first, so two instances starting together never run a migration twice.
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** True when every migration in the folder has been applied. */
export async function migrationsApplied(db: Kysely<any>): Promise<boolean> {
  const migrations = await migrator(db).getMigrations();
  return migrations.every((migration) => migration.executedAt !== undefined);
}

export async function pendingMigrationCount(db: Kysely<any>): Promise<number> {
  const migrations = await migrator(db).getMigrations();
  return migrations.filter((migration) => migration.executedAt === undefined).length;
}

export { sql };
