import type { Readable } from 'node:stream';

/** A delivery's files, wherever they are (a folder or a zip), addressed by relative path. */
export type DeliverySource = {
  /** Every regular file, relative path with forward slashes → its size in bytes. */
  readonly files: ReadonlyMap<string, number>;
  open(relativePath: string): Promise<Readable>;
  close(): Promise<void>;
};

export async function readAll(source: DeliverySource, relativePath: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of await source.open(relativePath)) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new Error(`${relativePath} is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
