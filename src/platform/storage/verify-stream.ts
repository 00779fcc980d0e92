import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { BlobCorruptError } from './blob-types.ts';

/** Passes the bytes through and ends with BlobCorruptError when their SHA-256 is not `sha256`. */
export function verifyingStream(sha256: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      callback(hash.digest('hex') === sha256 ? null : new BlobCorruptError(sha256));
    },
  });
}
