import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { blobMissing, checkedSha256, putByStaging, type BlobStore } from './blob-types.ts';
import { stagedBlob, sweepStagingFolder, writeStagingFile } from './staging-file.ts';
import { verifyingStream } from './verify-stream.ts';

/**
 * Blobs as objects `<prefix>ab/cd/<sha256>` in an S3-compatible bucket, shared by every instance.
 * The bytes are staged on local disk while hashing (the key is their hash), then sent in one PUT,
 * which S3 makes visible whole or not at all; two instances putting the same bytes at once write
 * the same object with the same content. URL: `http(s)://key:secret@host:port/bucket[/prefix]`
 * (path-style; `?region=` optional).
 */
export function createS3BlobStore(s3Url: string, temporaryFolder = path.join(os.tmpdir(), 'lotse-blob-staging')): BlobStore {
  const { client, bucket, prefix, where } = s3Settings(s3Url);
  const keyOf = (sha256: string) => `${prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${checkedSha256(sha256)}`;

  const store: BlobStore = {
    async stage(source, options) {
      const written = await writeStagingFile(temporaryFolder, source, options?.maxBytes);
      return stagedBlob(written, async (file) => {
        const object = { Bucket: bucket, Key: keyOf(written.sha256), ContentLength: written.size, ContentType: 'application/octet-stream' };
        await client.send(new PutObjectCommand({ ...object, Body: createReadStream(file) }));
      });
    },
    put: (source, options) => putByStaging(store, source, options),
    async get(sha256, range) {
      const key = keyOf(sha256);
      const answer = await client
        .send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }))
        .catch((error: unknown) => {
          throw isNotFound(error) ? blobMissing(sha256) : error;
        });
      const body = answer.Body as Readable | undefined;
      if (!body) throw blobMissing(sha256);
      if (range) return body;
      return pipeline(body, verifyingStream(sha256), () => {});
    },
    async has(sha256) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async delete(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
    },
    sweepStaging: (before) => sweepStagingFolder(temporaryFolder, before),
    describe: () => where,
    temporaryFolder,
  };
  return store;
}

function s3Settings(s3Url: string) {
  const url = new URL(s3Url);
  const [bucket, ...rest] = url.pathname.split('/').filter(Boolean);
  if (!bucket) throw new Error('LOTSE_BLOB_S3_URL must name the bucket as its path: http(s)://key:secret@host:port/bucket');
  const prefix = rest.length ? `${rest.join('/')}/` : '';
  const client = new S3Client({
    endpoint: `${url.protocol}//${url.host}`,
    region: url.searchParams.get('region') ?? 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) },
    // S3-compatible servers differ in the newer checksum trailers; the SHA-256 check is ours.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return { client, bucket, prefix, where: `S3 ${url.protocol}//${url.host}/${bucket}/${prefix}` };
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);
}
