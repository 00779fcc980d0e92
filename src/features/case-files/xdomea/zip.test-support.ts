import { writeFile } from 'node:fs/promises';
import yazl from 'yazl';

export type ZipEntry = { name: string; bytes: Buffer | string; mode?: number; compress?: boolean };

export async function zipBytes(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries)
    zip.addBuffer(Buffer.from(entry.bytes), entry.name, { ...(entry.mode ? { mode: entry.mode } : {}), compress: entry.compress ?? true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function writeZip(file: string, entries: ZipEntry[]): Promise<string> {
  await writeFile(file, await zipBytes(entries));
  return file;
}

/** Replaces a name in every header (same length), e.g. to smuggle `../` in, which yazl refuses to write. */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('same length only');
  const copy = Buffer.from(zip);
  let at = copy.indexOf(from);
  while (at >= 0) {
    copy.write(to, at, 'latin1');
    at = copy.indexOf(from, at + 1);
  }
  return copy;
}

/** Makes the central directory declare a smaller uncompressed size than the entry really has. */
export function understateSizes(zip: Buffer, declared: number): Buffer {
  const copy = Buffer.from(zip);
  let at = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  while (at >= 0) {
    copy.writeUInt32LE(declared, at + 24);
    at = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
  }
  return copy;
}
