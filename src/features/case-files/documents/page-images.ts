import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BlobStore } from '../../../platform/storage/blob-store.ts';
import { hasTool, runTool } from './external-tools.ts';

/**
 * Page thumbnails of a PDF, drawn by poppler's pdftoppm where it is installed and cached on disk
 * by the blob's hash (the bytes of a version never change). Without pdftoppm: none (the viewer
 * lists the pages without pictures).
 */
export function pageImages(cacheFolder = path.join(os.tmpdir(), 'lotse-page-images')) {
  return {
    available: () => hasTool('pdftoppm'),
    async page(blobs: Pick<BlobStore, 'get'>, sha256: string, page: number): Promise<Buffer | undefined> {
      if (!(await hasTool('pdftoppm'))) return undefined;
      const cached = path.join(cacheFolder, sha256.slice(0, 2), `${sha256}-${page}.png`);
      const hit = await fs.readFile(cached).catch(() => undefined);
      if (hit) return hit;
      const work = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-pages-'));
      try {
        const pdf = path.join(work, 'in.pdf');
        const chunks: Buffer[] = [];
        for await (const chunk of await blobs.get(sha256)) chunks.push(Buffer.from(chunk as Uint8Array));
        await fs.writeFile(pdf, Buffer.concat(chunks));
        const png = (await runTool('pdftoppm', ['-r', '40', '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf], {
          encoding: 'buffer',
          timeoutMs: 60_000,
        })) as Buffer;
        if (png.length === 0) return undefined;
        await fs.mkdir(path.dirname(cached), { recursive: true });
        const temporary = `${cached}.${process.pid}.part`;
        await fs.writeFile(temporary, png);
        await fs.rename(temporary, cached);
        return png;
      } finally {
        await fs.rm(work, { recursive: true, force: true });
      }
    },
  };
}
