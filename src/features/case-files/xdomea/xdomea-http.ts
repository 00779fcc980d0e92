import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from '../../../platform/storage/blob-store.ts';
import type { VirusScanner } from '../../../platform/virus-scan/clamd.ts';
import { AppError } from '../../../shared/app-error.ts';
import type { Clock } from '../../../shared/clock.ts';
import type { Database } from '../../../db/database.ts';
import { addDocumentVersion } from '../documents/add-document-version.ts';
import type { ImportDeps } from './import-deps.ts';

/** What the xdomea routes need; without a blob store (app started without one) they answer 503. */
export type XdomeaHttpDeps = { db: Database; clock: Clock; blobs?: BlobStore | undefined; virusScanner?: VirusScanner | undefined };

export function importDeps(deps: XdomeaHttpDeps): ImportDeps & { blobs: BlobStore } {
  if (!deps.blobs) throw new AppError('unavailable', 'Die Dokumentablage ist nicht eingerichtet. / Document storage is not configured.');
  return { db: deps.db, clock: deps.clock, blobs: deps.blobs, virusScanner: deps.virusScanner, addDocumentVersion };
}

/** An uploaded delivery to a temporary file (the import reads zips by random access). */
export async function saveUpload(file: unknown): Promise<{ zipPath: string; sourceName: string }> {
  if (!(file instanceof Blob) || file.size === 0)
    throw new AppError('validation_failed', 'Bitte eine ZIP-Datei wählen. / Please choose a zip file.', {
      fieldErrors: [{ path: 'delivery', message: 'a zip file' }],
    });
  const name = (file as File).name?.split(/[/\\]/).pop()?.slice(0, 200) || 'delivery.zip';
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lotse-import-'));
  const zipPath = path.join(folder, 'delivery.zip');
  await pipeline(Readable.fromWeb(file.stream() as unknown as WebReadableStream), createWriteStream(zipPath));
  return { zipPath, sourceName: name };
}
