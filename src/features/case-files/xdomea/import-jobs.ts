import { rm } from 'node:fs/promises';
import { AppError } from '../../../shared/app-error.ts';
import { actorLabel, authorize, type Actor } from '../../staff/index.ts';
import type { ImportDeps } from './import-deps.ts';
import { importReportCsv } from './import-report.ts';
import { findImport, type ImportSummary, importRows, listImports } from './import-store.ts';
import { runImport } from './run-import.ts';

/**
 * Starts an import of an uploaded delivery (a zip) and answers once it is claimed, so a refused
 * zip or a delivery already being imported is the caller's 4xx; the rows then run on in the
 * background and the uploaded zip is removed when they are done.
 */
export async function startImportJob(
  deps: ImportDeps,
  actor: Actor | undefined,
  upload: { zipPath: string; sourceName: string; locationId: string },
): Promise<{ importId: string }> {
  authorize(actor, 'case_file.import');
  const location = await deps.db.selectFrom('location').select('id').where('id', '=', upload.locationId).executeTakeFirst();
  if (!location) throw new AppError('validation_failed', 'Diesen Standort gibt es nicht. / There is no such location.');
  return new Promise((resolve, reject) => {
    let started = false;
    runImport(deps, upload.zipPath, {
      locationId: upload.locationId,
      sourceName: upload.sourceName,
      // In the server, beside the requests: two batches at a time leave the pool to the pages.
      parallel: 2,
      startedBy: { staffId: actor.kind === 'staff' ? actor.staffId : null, label: actorLabel(actor) },
      onStarted: (importId) => {
        started = true;
        resolve({ importId });
      },
    })
      .catch((error: unknown) => {
        // After the start the failure is in the import's state and message; before it, the caller's.
        if (!started) reject(error);
      })
      .finally(() => rm(upload.zipPath, { force: true }));
  });
}

export async function listImportJobs(deps: Pick<ImportDeps, 'db'>, actor: Actor | undefined): Promise<ImportSummary[]> {
  authorize(actor, 'case_file.import');
  return listImports(deps.db);
}

export async function getImportJob(deps: Pick<ImportDeps, 'db'>, actor: Actor | undefined, importId: string): Promise<ImportSummary> {
  authorize(actor, 'case_file.import');
  const found = await findImport(deps.db, importId);
  if (!found) throw new AppError('not_found', 'Diesen Import gibt es nicht. / There is no such import.');
  return found;
}

export async function importJobReport(
  deps: Pick<ImportDeps, 'db'>,
  actor: Actor | undefined,
  importId: string,
): Promise<{ summary: ImportSummary; csv: string }> {
  const summary = await getImportJob(deps, actor, importId);
  return { summary, csv: importReportCsv(await importRows(deps.db, importId)) };
}
