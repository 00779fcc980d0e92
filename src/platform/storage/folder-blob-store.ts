import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { blobMissing, checkedSha256, putByStaging, type BlobStore } from './blob-types.ts';
import { stagedBlob, sweepStagingFolder, writeStagingFile } from './staging-file.ts';
import { verifyingStream } from './verify-stream.ts';

/**
 * Blobs as files `<folder>/ab/cd/<sha256>`. A new blob is written to `<folder>/tmp/` (same file
 * system), synced, then renamed into place: a reader sees the whole file or none. Renaming over an
 * existing file of the same name replaces it with the same bytes, so there is never a second copy.
 */
export function createFolderBlobStore(folder: string): BlobStore {
  const root = path.resolve(folder);
  const temporary = path.join(root, 'tmp');
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), checkedSha256(sha256));

  const store: BlobStore = {
    async stage(source, options) {
      const written = await writeStagingFile(temporary, source, options?.maxBytes);
      return stagedBlob(written, async (file) => {
        const target = pathOf(written.sha256);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(file, target);
        await syncFolder(path.dirname(target));
      });
    },
    put: (source, options) => putByStaging(store, source, options),
    async get(sha256, range) {
      const file = pathOf(sha256);
      // Opened before the stream is handed out, so a missing blob is an error here, not mid-response.
      const handle = await fs.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' ? blobMissing(sha256) : error;
      });
      if (range) return createReadStream('', { fd: handle, start: range.start, end: range.end });
      const whole = createReadStream('', { fd: handle });
      const verifier = verifyingStream(sha256);
      return pipeline(whole, verifier, () => {});
    },
    async has(sha256) {
      return fs.stat(pathOf(sha256)).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
    },
    async delete(sha256) {
      await fs.rm(pathOf(sha256), { force: true });
    },
    sweepStaging: (before) => sweepStagingFolder(temporary, before),
    describe: () => `folder ${root}`,
    temporaryFolder: temporary,
  };
  return store;
}

/** A rename is durable only once its folder is synced. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
