import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';
import { temporaryFolder } from './temporary-folder.ts';

type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverClass = new (options: { port: number; address: string; silent: boolean; directory: string; configureBuckets: { name: string }[] }) => S3rverServer;

/**
 * A real S3-compatible server (s3rver) on a free port with one empty bucket, stopped when the test
 * file ends. Returns the LOTSE_BLOB_S3_URL that points at it.
 */
export async function startS3Server(bucket = 'lotse-blobs'): Promise<{ s3Url: string; directory: string }> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const directory = await temporaryFolder('lotse-s3rver-');
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  after(() => server.close());
  return { s3Url: `http://S3RVER:S3RVER@127.0.0.1:${address.port}/${bucket}`, directory };
}

/** `count` chunks of `chunkSize` bytes, made as they are read (a 2 GB upload that never exists whole). */
export async function* generatedBytes(count: number, chunkSize = 64 * 1024, onChunk?: (index: number) => void): AsyncGenerator<Uint8Array> {
  const chunk = new Uint8Array(chunkSize).fill(0x41);
  for (let index = 0; index < count; index++) {
    onChunk?.(index);
    yield chunk;
  }
}

/** The given bytes, then an error: a client that went away halfway. */
export async function* interruptedBytes(first: Uint8Array): AsyncGenerator<Uint8Array> {
  yield first;
  throw new Error('connection reset by the client');
}

export async function* bytesOf(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** A clerk (or team lead) account at these locations, as the use cases see it. */
export async function documentClerk(
  db: import('../src/db/database.ts').Database,
  locationIds: string[],
  role: 'clerk' | 'team_lead' = 'clerk',
): Promise<import('../src/features/staff/index.ts').StaffActor> {
  const { addStaff } = await import('./staff.ts');
  const { id, username } = await addStaff(db, role, { locationIds });
  return { kind: 'staff', staffId: id, displayName: `Sachbearbeitung ${username}`, username, role, locationIds, specialtyIds: [], via: 'session' };
}
