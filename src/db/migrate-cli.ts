import { loadConfig } from '../config.ts';
import { openDatabaseForCli } from './cli-database.ts';

/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL, to the embedded database of
 * a running Lotse, or to the embedded database started just for this, then exits.
 */
const config = loadConfig();
const database = await openDatabaseForCli(config);
try {
  process.stdout.write(database.applied.length ? `Applied: ${database.applied.join(', ')}\n` : 'Nothing to apply: the database is up to date.\n');
} finally {
  await database.close();
}
