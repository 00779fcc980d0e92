import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import { createKysely, createPool, openDatabase, type Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/**
 * The database for a command-line tool: DATABASE_URL, or the embedded server of a running
 * Lotse (so the tool never stops it), or else the embedded server started just for the tool.
 * Applies pending migrations.
 */
export async function openDatabaseForCli(config: Config): Promise<{ db: Database; applied: string[]; close(): Promise<void> }> {
  const handle = await connectDatabaseForCli(config);
  const applied = await migrateToLatest(handle.db);
  return { db: handle.db, applied, close: () => handle.close() };
}

/** The same database as openDatabaseForCli, as it is: no migration runs (backup and restore). */
export async function connectDatabaseForCli(config: Config): Promise<{ db: Database; url: string; close(): Promise<void> }> {
  if (!config.databaseUrl) {
    const secret = await fs.readFile(path.join(config.dataDir, 'pg.secret'), 'utf8').catch(() => undefined);
    if (secret) {
      const url = `postgres://postgres:${encodeURIComponent(secret.trim())}@127.0.0.1:${config.embeddedPgPort}/lotse`;
      const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      const running = await probe.connect().then(
        () => true,
        () => false,
      );
      await probe.end().catch(() => {});
      if (running) {
        const db = createKysely(createPool(url, 2));
        return { db, url, close: () => db.destroy() };
      }
    }
  }
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, embeddedPort: config.embeddedPgPort, poolSize: 2 });
  return { db: handle.db, url: handle.url, close: () => handle.close() };
}
