import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { blobTooLarge } from './blob-types.ts';

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
