import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/app-error.ts';
import type { DeliverySource } from './delivery-source.ts';

/** Regular files only: symbolic links and other special files in a delivery folder are not part of it. */
async function walk(root: string, relative: string, files: Map<string, number>): Promise<void> {
  for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) await walk(root, child, files);
    else if (entry.isFile()) files.set(child, (await lstat(path.join(root, child))).size);
  }
}

export async function openFolderSource(folder: string): Promise<DeliverySource> {
  const root = path.resolve(folder);
  const files = new Map<string, number>();
  await walk(root, '', files);
  return {
    files,
    async open(relativePath) {
      if (!files.has(relativePath)) throw new AppError('not_found', `${relativePath} is not in the folder`);
      return createReadStream(path.join(root, relativePath));
    },
    async close() {},
  };
}
