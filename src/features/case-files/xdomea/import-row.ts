import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { AppError } from '../../../shared/app-error.ts';
import { isInfected, isScanUnavailable, stageScanned } from '../documents/scan-upload.ts';
import { type CaseFileRef, findCaseFileByReference, insertCaseFile } from '../case-file-store.ts';
import { insertPerson, type PersonInput } from '../person-store.ts';
import type { DeliveredPerson, DeliveryRow } from './delivery-row.ts';
import type { DeliverySource } from './delivery-source.ts';
import type { ImportDeps, StagedBytes } from './import-deps.ts';
import { documentsByImportKey, type ImportOutcome, lockReference, recordRow, recordRows } from './import-store.ts';

export type RowResult = { outcome: ImportOutcome; reason?: string; documentId?: string };
type Staged = StagedBytes & { mediaType: string; fileName: string };
/** What a batch has found already: its file (by reference) and its documents (by import key). */
type Known = { files: Map<string, CaseFileRef>; documents: Map<string, { id: string; fileId: string; sha256: string }> };

const sniffBytes = 4100;

/** Passes the bytes on while keeping the first few KiB, to tell the media type from the content. */
async function* sniffing(stream: Readable, head: Buffer[]): AsyncGenerator<Uint8Array> {
  let kept = 0;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    if (kept < sniffBytes) {
      head.push(bytes.subarray(0, sniffBytes - kept));
      kept += Math.min(bytes.length, sniffBytes - kept);
    }
    yield bytes;
  }
}

function personInput(person: DeliveredPerson): PersonInput {
  return {
    familyName: person.familyName,
    givenNames: person.givenNames,
    birthName: person.birthName ?? null,
    birthDate: person.birth ? { year: person.birth.year, month: person.birth.month ?? null, day: person.birth.day ?? null } : null,
    placeOfBirth: person.placeOfBirth?.slice(0, 200) ?? null,
    countryOfBirth: null,
    nationalities: person.nationalities,
    sex: person.sex,
    addressStreet: null,
    addressPostalCode: null,
    addressCity: null,
    email: null,
    phone: null,
    preferredLanguage: null,
    azrNumber: null,
    formerNames: [],
    nameVariants: [],
  };
}

/**
 * Stages every file of the row, hashing as it goes and scanning it when clamd is configured; a
 * missing file, a wrong checksum or malware found quarantines the row. clamd giving no verdict
 * throws (the scan's `scan_unavailable`): the row is not done, a later run of the delivery imports it.
 */
async function stageFiles(deps: ImportDeps, source: DeliverySource, row: DeliveryRow, maxBytes: number): Promise<Staged[] | string> {
  const staged: Staged[] = [];
  for (const file of row.files) {
    if (!source.files.has(file.path)) {
      await Promise.all(staged.map((done) => done.discard()));
      return `file missing: ${file.path}`;
    }
    const head: Buffer[] = [];
    let blob: StagedBytes;
    try {
      const bytes = sniffing(await source.open(file.path), head);
      blob = await stageScanned(deps.virusScanner, maxBytes, bytes, (scanned) => deps.blobs.stage(scanned, { maxBytes }));
    } catch (error) {
      await Promise.all(staged.map((done) => done.discard()));
      if (isInfected(error)) return `infected: ${file.path} (${String((error as AppError).details?.signature)}): not imported`;
      throw error;
    }
    staged.push({ ...blob, fileName: file.fileName, mediaType: (await fileTypeFromBuffer(Buffer.concat(head)))?.mime ?? 'application/octet-stream' });
    if (file.sha256 !== undefined && file.sha256 !== blob.sha256) {
      await Promise.all(staged.map((done) => done.discard()));
      return `checksum mismatch for ${file.path}: the manifest says ${file.sha256}, the file has ${blob.sha256}`;
    }
  }
  return staged;
}

async function writeRow(
  deps: ImportDeps,
  trx: Database,
  row: DeliveryRow,
  staged: Staged[],
  options: { locationId: string; createdBy: string },
  known: Known,
): Promise<RowResult> {
  const now = deps.clock.now();
  let file = known.files.get(row.fileReference);
  if (!file) {
    await lockReference(trx, row.fileReference);
    file = await findCaseFileByReference(trx, row.fileReference);
    if (!file) {
      const person = await insertPerson(trx, personInput(row.person), now);
      const created = await insertCaseFile(trx, { personId: person.id, reference: row.fileReference, locationId: options.locationId }, now);
      file = { id: created.id, personId: person.id, locationId: options.locationId, reference: row.fileReference, state: 'active' };
    }
    known.files.set(row.fileReference, file);
  }
  const version = (bytes: Staged, documentId: string | undefined, fileId: string) =>
    deps.addDocumentVersion({ clock: deps.clock, blobs: deps.blobs }, trx, {
      fileId,
      documentId,
      metadata: {
        title: row.document.title,
        category: row.document.category,
        receivedOn: row.document.receivedOn ?? null,
        datedOn: row.document.datedOn ?? null,
        sender: row.document.sender ?? null,
      },
      blob: { sha256: bytes.sha256, size: bytes.size, commit: () => bytes.commit() },
      mediaType: bytes.mediaType,
      fileName: bytes.fileName,
      createdBy: options.createdBy,
      importKey: row.rowKey,
    });
  const existing = known.documents.get(row.rowKey);
  if (existing) {
    const latest = staged.at(-1)!;
    if (latest.sha256 === existing.sha256) return { outcome: 'unchanged', documentId: existing.id };
    await version(latest, existing.id, existing.fileId);
    return { outcome: 'replaced', documentId: existing.id, reason: 'delivered again with other bytes: added as a new version' };
  }
  let documentId: string | undefined;
  for (const bytes of staged) documentId = (await version(bytes, documentId, file.id)).documentId;
  return { outcome: 'imported', documentId: documentId! };
}

/** Why the database refused a row, without the row's personal data. */
function refusal(error: unknown): string {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  if (code && constraint) return `refused by the database (${code}, ${constraint})`;
  if (code) return `refused by the database (${code})`;
  return `could not be imported: ${(message ?? String(error)).slice(0, 300)}`;
}

export type RowOptions = { importId: string; locationId: string; createdBy: string; maxFileBytes: number };
type Ready = { row: DeliveryRow; staged: Staged[] };

/** Rows in one transaction, each row's outcome recorded with its writes. */
function writeTogether(deps: ImportDeps, ready: Ready[], options: RowOptions): Promise<RowResult[]> {
  return deps.db.transaction().execute(async (trx) => {
    // The import is idempotent: should PostgreSQL crash and lose its last commits, the next run
    // imports those rows again (their bytes are stored already). So no batch waits for its commit
    // to reach the disk (docs/performance.md, "Case-file import").
    await sql`SET LOCAL synchronous_commit = off`.execute(trx);
    // One look-up of the batch's documents and one insert of its outcomes: queries per row are what the import's CPU goes to.
    const known: Known = {
      files: new Map(),
      documents: await documentsByImportKey(
        trx,
        ready.map((entry) => entry.row.rowKey),
      ),
    };
    const results: RowResult[] = [];
    for (const { row, staged } of ready) results.push(await writeRow(deps, trx, row, staged, options, known));
    await recordRows(
      trx,
      ready.map((entry, index) => ({ importId: options.importId, rowKey: entry.row.rowKey, ...results[index]! })),
      deps.clock.now(),
    );
    return results;
  });
}

/** At most `limit` at once, in order. */
async function eachLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await run(items[index]!);
      }
    }),
  );
  return results;
}

/**
 * Imports a batch of rows of one file. The bytes are staged (hashed, not yet stored) first; the
 * rows whose files are all there with the right checksums are then written in one transaction,
 * each with its outcome in case_import_row. Should that transaction fail, every row is tried
 * again in a transaction of its own, so one bad row is quarantined and the others go in. A run
 * killed at any moment leaves each row either wholly imported (and skipped next time) or not at all.
 */
export async function importFileRows(deps: ImportDeps, source: DeliverySource, rows: readonly DeliveryRow[], options: RowOptions): Promise<RowResult[]> {
  const results = new Map<DeliveryRow, RowResult>();
  const ready: Ready[] = [];
  let unscanned: unknown;
  const staging = await eachLimited(rows, 4, (row) =>
    stageFiles(deps, source, row, options.maxFileBytes).catch((error: unknown) => {
      if (isScanUnavailable(error)) unscanned = error;
      return `could not be read: ${refusal(error)}`;
    }),
  );
  if (unscanned) {
    // Never imported unscanned: the batch stops with nothing written, and the import with it (a later run resumes).
    await Promise.all(staging.flatMap((staged) => (typeof staged === 'string' ? [] : staged.map((bytes) => bytes.discard().catch(() => {})))));
    throw unscanned;
  }
  rows.forEach((row, index) => {
    const staged = staging[index]!;
    if (typeof staged === 'string') results.set(row, { outcome: 'quarantined', reason: staged });
    else ready.push({ row, staged });
  });
  try {
    if (ready.length > 0) {
      const written = await writeTogether(deps, ready, options);
      for (const [index, result] of written.entries()) results.set(ready[index]!.row, result);
    }
  } catch {
    for (const entry of ready) {
      try {
        results.set(entry.row, (await writeTogether(deps, [entry], options))[0]!);
      } catch (error) {
        results.set(entry.row, { outcome: 'quarantined', reason: refusal(error) });
      }
    }
  } finally {
    await Promise.all(ready.flatMap((entry) => entry.staged.map((bytes) => bytes.discard().catch(() => {}))));
  }
  for (const row of rows) {
    const result = results.get(row)!;
    if (result.outcome === 'quarantined') await recordRow(deps.db, { importId: options.importId, rowKey: row.rowKey, ...result }, deps.clock.now());
  }
  return rows.map((row) => results.get(row)!);
}
