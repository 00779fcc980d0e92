import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createKysely, createPool, ensureDatabaseExists, withDatabase } from '../src/db/database.ts';
import { databaseFunctions, functionsFolder, normalizeFunctionSource, readFunctionFiles } from '../src/db/db-functions.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { freePort } from '../test/global-setup.ts';

/**
 * `npm run db:functions`: migrates a throw-away database and writes src/db/functions/<name>.sql
 * from it, keeping each file's leading comment. For a function a migration changed inline.
 */
const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-functions-'));
await fs.chmod(folder, 0o755);
const server = await startEmbeddedPostgres({ clusterDir: path.join(folder, 'pg'), port: await freePort(), durable: false });
try {
  await ensureDatabaseExists(server.url, 'lotse_functions');
  const db = createKysely(createPool(withDatabase(server.url, 'lotse_functions'), 2));
  await migrateToLatest(db);
  const functions = await databaseFunctions(db);
  await db.destroy();
  const files = await readFunctionFiles();
  await fs.mkdir(functionsFolder, { recursive: true });
  for (const { name, definition } of functions) {
    const lines = (files.get(name) ?? '').split('\n');
    const header = lines
      .slice(
        0,
        Math.max(
          0,
          lines.findIndex((line) => !line.startsWith('--')),
        ),
      )
      .join('\n');
    const body = `${normalizeFunctionSource(definition)};\n`;
    await fs.writeFile(path.join(functionsFolder, `${name}.sql`), header ? `${header}\n${body}` : body);
    files.delete(name);
  }
  for (const name of files.keys()) await fs.rm(path.join(functionsFolder, `${name}.sql`));
  process.stdout.write(`Wrote ${functions.length} functions to ${path.relative(process.cwd(), functionsFolder)}\n`);
} finally {
  await server.stop();
  await fs.rm(folder, { recursive: true, force: true });
}
