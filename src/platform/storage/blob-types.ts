import { AppError } from '../../shared/app-error.ts';

/** Bytes written to a temporary place and hashed, not yet in the store. */
export type StagedBlob = {
  sha256: string;
  size: number;
  /** Moves the bytes into the store under their hash (atomic: rename, or one PUT); idempotent. */
  commit(): Promise<void>;
  /** Removes the temporary bytes; harmless after commit. */
  discard(): Promise<void>;
};

export type BlobStore = {
  /** Streams the bytes in, hashing as it writes; content-addressed, atomic (temp + rename / single PUT), never two copies. */
  put(source: AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<{ sha256: string; size: number }>;
  /**
   * Writes and hashes the bytes without storing them yet. An upload stages first, inserts the
   * `blob` row (which waits for a retention run deleting the same bytes), then commits: so the
   * bytes are in the store whenever a committed row names them (migration 20261206_0800, `blob`).
   */
  stage(source: AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<StagedBlob>;
  /** Reads back; a whole read verifies the SHA-256 and fails loudly on a mismatch. `end` is inclusive. */
  get(sha256: string, range?: { start: number; end: number }): Promise<NodeJS.ReadableStream>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
  /** Removes staging files left by a crash, last written before `before`; returns how many. */
  sweepStaging(before: Date): Promise<number>;
  /** Where the bytes live, for the start-up log (no secrets). */
  describe(): string;
  /** The store's folder for bytes not yet stored (staging, partial resumable uploads): same file system as the store where it has one. */
  readonly temporaryFolder: string;
};

/** The stored bytes do not match their name: the disk or the bucket changed them. Never served. */
export class BlobCorruptError extends Error {
  constructor(sha256: string) {
    super(`Stored blob ${sha256} does not match its SHA-256: the stored bytes are damaged.`);
    this.name = 'BlobCorruptError';
  }
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** A name that is not a SHA-256 never reaches a path or a key. */
export function checkedSha256(sha256: string): string {
  if (!sha256Pattern.test(sha256)) throw new AppError('bad_request', 'Not a SHA-256 in lower-case hex.');
  return sha256;
}

export function blobMissing(sha256: string): AppError {
  return new AppError('not_found', `The stored bytes of blob ${sha256.slice(0, 12)}… are missing.`);
}

export function blobTooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The upload is larger than ${maxBytes} bytes. / Die Datei ist größer als erlaubt.`);
}

/** Stage and commit in one; the temporary bytes never outlive a failure. */
export async function putByStaging(store: Pick<BlobStore, 'stage'>, source: AsyncIterable<Uint8Array>, options?: { maxBytes?: number }) {
  const staged = await store.stage(source, options);
  try {
    await staged.commit();
  } finally {
    await staged.discard();
  }
  return { sha256: staged.sha256, size: staged.size };
}
