import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { blobTooLarge, type StagedBlob } from './blob-types.ts';

/**
 * Streams `source` into a new file in `folder`, hashing and counting as it writes, and syncs it to
 * disk. Past `maxBytes` it stops reading at once (the rest of a 2 GB upload is never taken in).
 * Whatever goes wrong, no file is left behind.
 */
export async function writeStagingFile(folder: string, source: AsyncIterable<Uint8Array>, maxBytes = Number.POSITIVE_INFINITY) {
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(folder, `${randomUUID()}.part`);
  const handle = await fs.open(file, 'wx', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > maxBytes) throw blobTooLarge(maxBytes);
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.rm(file, { force: true });
    throw error;
  }
  await handle.close();
  return { file, sha256: hash.digest('hex'), size };
}

/** A staged file as a StagedBlob: `store` moves it into the store once; discard removes what is left. */
export function stagedBlob(written: { file: string; sha256: string; size: number }, store: (file: string) => Promise<void>): StagedBlob {
  let committed = false;
  return {
    sha256: written.sha256,
    size: written.size,
    async commit() {
      if (committed) return;
      await store(written.file);
      committed = true;
    },
    async discard() {
      await fs.rm(written.file, { force: true });
    },
  };
}

/**
 * Removes staging files last written before `before`: what a crash (kill -9, power loss) left
 * behind mid-upload. A staging file lives for one request, so a day-old one belongs to nobody.
 */
export async function sweepStagingFolder(folder: string, before: Date): Promise<number> {
  const names = await fs.readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.part'))) {
    const file = path.join(folder, name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat || stat.mtime >= before) continue;
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}
