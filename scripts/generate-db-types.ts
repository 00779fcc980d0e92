import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createKysely, createPool, ensureDatabaseExists, withDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { freePort } from '../test/global-setup.ts';
import { renderSchemaTypes, schemaTypesFile } from './schema-types.ts';

/** `npm run db:types`: migrates a throw-away database and writes src/db/schema.generated.ts from it. */
const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-types-'));
await fs.chmod(folder, 0o755);
const server = await startEmbeddedPostgres({ clusterDir: path.join(folder, 'pg'), port: await freePort(), durable: false });
try {
  await ensureDatabaseExists(server.url, 'lotse_types');
  const url = withDatabase(server.url, 'lotse_types');
  const db = createKysely(createPool(url, 2));
  await migrateToLatest(db);
  await db.destroy();
  await fs.writeFile(schemaTypesFile, await renderSchemaTypes(url));
  process.stdout.write(`Wrote ${path.relative(process.cwd(), schemaTypesFile)}\n`);
} finally {
  await server.stop();
  await fs.rm(folder, { recursive: true, force: true });
}
