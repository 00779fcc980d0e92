import path from 'node:path';
import { AppError } from '../../../shared/app-error.ts';
import { startUploadScan } from '../documents/scan-upload.ts';
import type { ImportDeps, ImportOptions } from './import-deps.ts';
import type { DeliveryRow } from './delivery-row.ts';
import { importFileRows } from './import-row.ts';
import {
  beat,
  findUnfinishedImport,
  finishedRowKeys,
  type ImportSummary,
  insertImport,
  recordRow,
  resumeImport,
  runningImportOf,
  tryLockDelivery,
  unlockDelivery,
} from './import-store.ts';
import { type OpenedDelivery, openDelivery } from './open-delivery.ts';
import type { ZipLimits } from './zip-source.ts';

function alreadyRunning(running: ImportSummary | undefined): AppError {
  const since = running ? ` (Import ${running.id}, seit ${running.startedAt.toISOString()})` : '';
  return new AppError(
    'conflict',
    `Diese Lieferung wird gerade schon importiert${since}. Warten Sie, bis dieser Import fertig ist. / This delivery is already being imported; wait until that import has finished.`,
    { details: running ? { importId: running.id } : {} },
  );
}

const isRunningClash = (error: unknown) =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === 'case_import_one_running_per_delivery';

/** The import this run works on: the unfinished one of the same delivery (resumed), else a new one. */
async function claimImport(deps: ImportDeps, delivery: OpenedDelivery, sourceName: string, options: ImportOptions): Promise<string> {
  const rowsTotal = delivery.rows.length + delivery.unreadable.length;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const unfinished = await findUnfinishedImport(trx, delivery.deliveryKey);
      if (unfinished) {
        await resumeImport(trx, unfinished.id, rowsTotal, now);
        return unfinished.id;
      }
      const created = await insertImport(
        trx,
        {
          kind: delivery.kind,
          sourceName,
          deliveryKey: delivery.deliveryKey,
          rowsTotal,
          staffId: options.startedBy.staffId,
          startedBy: options.startedBy.label,
        },
        now,
      );
      return created.id;
    });
  } catch (error) {
    if (isRunningClash(error)) throw alreadyRunning(await runningImportOf(deps.db, delivery.deliveryKey));
    throw error;
  }
}

/** Batches of rows of one file (up to 20), so a file is found or created once per batch. */
function byFile(rows: DeliveryRow[]): DeliveryRow[][] {
  const groups = new Map<string, DeliveryRow[][]>();
  const batches: DeliveryRow[][] = [];
  for (const row of rows) {
    const open = groups.get(row.fileReference)?.at(-1);
    if (open && open.length < 20) open.push(row);
    else {
      const batch = [row];
      batches.push(batch);
      groups.set(row.fileReference, [...(groups.get(row.fileReference) ?? []), batch]);
    }
  }
  return batches;
}

async function importRows(deps: ImportDeps, delivery: OpenedDelivery, importId: string, options: ImportOptions): Promise<void> {
  const done = await finishedRowKeys(deps.db, importId);
  const total = delivery.rows.length + delivery.unreadable.length;
  const counts = { done: 0, quarantined: 0 };
  const report = (quarantined: boolean) => {
    if (quarantined) counts.quarantined++;
    else counts.done++;
    options.onProgress?.({ ...counts, total, importId });
  };
  for (const unreadable of delivery.unreadable) {
    if (!done.has(unreadable.rowKey))
      await recordRow(deps.db, { importId, rowKey: unreadable.rowKey, outcome: 'quarantined', reason: unreadable.reason }, deps.clock.now());
  }
  const outcomes = await deps.db.selectFrom('case_import_row').select(['outcome']).where('import_id', '=', importId).execute();
  for (const outcome of outcomes) report(outcome.outcome === 'quarantined');
  const batches = byFile(delivery.rows.filter((row) => !done.has(row.rowKey)));
  const rowOptions = {
    importId,
    locationId: options.locationId,
    createdBy: `Import ${options.startedBy.label}`.slice(0, 300),
    maxFileBytes: options.maxFileBytes ?? 2 * 1024 ** 3,
  };
  let next = 0;
  const worker = async () => {
    while (next < batches.length && !options.signal?.aborted) {
      const results = await importFileRows(deps, delivery.source, batches[next++]!, rowOptions);
      for (const result of results) report(result.outcome === 'quarantined');
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel ?? 8) }, worker));
}

/**
 * Imports a delivery (a folder or a zip with a CSV manifest or an xdomea message). The same
 * delivery twice at once is refused (a session lock on its key, and the partial unique index on
 * running imports); a run of a delivery whose last run did not finish resumes it, skipping the
 * rows already done. Broken rows are quarantined with their reason and the rest goes on (a file
 * clamd finds malware in too). With clamd configured but unreachable the import does not start
 * (`scan_unavailable`, 503); should clamd go away during the run, the import stops as failed and
 * a later run resumes it.
 */
export async function runImport(
  deps: ImportDeps,
  location: string,
  options: ImportOptions & { sourceName?: string; zipLimits?: ZipLimits },
): Promise<ImportSummary> {
  // No import without a verdict on each file: clamd must answer before anything is claimed.
  (await startUploadScan(deps.virusScanner, 0)).abort();
  const delivery = await openDelivery(location, options.zipLimits);
  try {
    return await deps.db.connection().execute(async (connection) => {
      if (!(await tryLockDelivery(connection, delivery.deliveryKey))) throw alreadyRunning(await runningImportOf(deps.db, delivery.deliveryKey));
      try {
        const importId = await claimImport(deps, delivery, options.sourceName ?? path.basename(location), options);
        options.onStarted?.(importId);
        const heartbeat = setInterval(() => {
          beat(deps.db, importId, deps.clock.now()).catch(() => {});
        }, options.heartbeatMs ?? 1000);
        try {
          await importRows(deps, delivery, importId, options);
        } catch (error) {
          clearInterval(heartbeat);
          await beat(deps.db, importId, deps.clock.now(), { state: 'failed', message: (error as Error).message });
          throw error;
        }
        clearInterval(heartbeat);
        const interrupted = options.signal?.aborted === true;
        const summary = await beat(deps.db, importId, deps.clock.now(), {
          state: interrupted ? 'interrupted' : 'done',
          message: interrupted
            ? 'Abgebrochen; ein neuer Lauf derselben Lieferung setzt fort. / Interrupted; running the same delivery again resumes it.'
            : null,
        });
        return summary;
      } finally {
        await unlockDelivery(connection, delivery.deliveryKey);
      }
    });
  } finally {
    await delivery.source.close();
  }
}
