import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../src/config.ts';
import { createKysely, createPool, openDatabase, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

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

/** Reads `--name value` and `--name=value` flags. */
export function parseFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) flags.set(arg.slice(2), argv[++i]!);
    else flags.set(arg.slice(2), 'true');
  }
  return flags;
}

/** Asks on the terminal; with `hidden`, typed characters are not echoed (passwords). */
export async function ask(question: string, hidden = false): Promise<string> {
  if (!process.stdin.isTTY) throw new Error(`Missing value for "${question.trim()}" and no terminal to ask: pass it as a flag.`);
  process.stdout.write(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('Cancelled.'));
          return;
        }
        if (char === '\u007f') {
          if (value.length > 0) {
            value = value.slice(0, -1);
            if (!hidden) process.stdout.write('\b \b');
          }
          continue;
        }
        value += char;
        if (!hidden) process.stdout.write(char);
      }
    };
    stdin.on('data', onData);
  });
}
