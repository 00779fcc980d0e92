import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bytesOf, generatedBytes, interruptedBytes, readAll, startS3Server } from '../../../test/case-document-fixtures.ts';
import { temporaryFolder } from '../../../test/temporary-folder.ts';
import { BlobCorruptError, createBlobStore, type BlobStore } from './blob-store.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** What every store must do, whatever keeps the bytes. */
function behavesAsBlobStore(name: string, make: () => Promise<{ sut: BlobStore; staging: string }>) {
  describe(name, () => {
    it('stores bytes under their SHA-256 and reads them back whole and by range', async () => {
      const { sut } = await make();
      const stored = await sut.put(bytesOf('Hallo, ', 'Ausländerbehörde!'));
      assert.deepEqual(stored, { sha256: sha('Hallo, Ausländerbehörde!'), size: Buffer.byteLength('Hallo, Ausländerbehörde!') });
      assert.equal((await readAll(await sut.get(stored.sha256))).toString(), 'Hallo, Ausländerbehörde!');
      assert.equal((await readAll(await sut.get(stored.sha256, { start: 7, end: 10 }))).toString(), 'Ausl');
      assert.equal(await sut.has(stored.sha256), true);
    });

    it('refuses a name that is not a SHA-256 and reports a missing blob as not found', async () => {
      const { sut } = await make();
      await assert.rejects(sut.get('../../etc/passwd'), { code: 'bad_request' });
      await assert.rejects(sut.get(sha('never stored')), { code: 'not_found' });
      assert.equal(await sut.has(sha('never stored')), false);
    });

    it('stops reading an upload past the limit and keeps nothing of it', async () => {
      const { sut, staging } = await make();
      let chunksRead = 0;
      // 2 GB offered in 64 KiB chunks; the store must give up right after 1 MiB.
      const twoGigabytes = generatedBytes(32 * 1024, 64 * 1024, () => chunksRead++);
      await assert.rejects(sut.put(twoGigabytes, { maxBytes: 1024 * 1024 }), { code: 'payload_too_large' });
      assert.ok(chunksRead <= 17, `read ${chunksRead} chunks`);
      assert.deepEqual(await filesUnder(staging), []);
    });

    it('leaves nothing behind when the upload breaks off halfway', async () => {
      const { sut, staging } = await make();
      const firstHalf = new Uint8Array(1000);
      await assert.rejects(sut.put(interruptedBytes(firstHalf)), /connection reset/);
      assert.deepEqual(await filesUnder(staging), []);
      assert.equal(await sut.has(createHash('sha256').update(firstHalf).digest('hex')), false);
    });

    it('takes the same bytes twice at once and keeps them once', async () => {
      const { sut } = await make();
      const content = 'Bescheid '.repeat(20_000);
      const [first, second] = await Promise.all([sut.put(bytesOf(content)), sut.put(bytesOf(content))]);
      assert.deepEqual(first, second);
      assert.equal((await readAll(await sut.get(first.sha256))).toString(), content);
    });

    it('deletes, and deleting what is gone is no error', async () => {
      const { sut } = await make();
      const stored = await sut.put(bytesOf('weg damit'));
      await sut.delete(stored.sha256);
      assert.equal(await sut.has(stored.sha256), false);
      await sut.delete(stored.sha256);
    });

    it('stages without storing until commit, and discard removes the staged bytes', async () => {
      const { sut, staging } = await make();
      const staged = await sut.stage(bytesOf('später'));
      assert.equal(await sut.has(staged.sha256), false);
      await staged.commit();
      assert.equal(await sut.has(staged.sha256), true);
      const dropped = await sut.stage(bytesOf('verworfen'));
      await dropped.discard();
      assert.equal(await sut.has(dropped.sha256), false);
      await staged.discard();
      assert.deepEqual(await filesUnder(staging), []);
    });
  });
}

behavesAsBlobStore('folder blob store', async () => {
  const folder = await temporaryFolder('lotse-blobs-');
  return { sut: createBlobStore({ folder }), staging: path.join(folder, 'tmp') };
});

behavesAsBlobStore('S3 blob store (s3rver)', async () => {
  const { s3Url } = await startS3Server();
  const staging = await temporaryFolder('lotse-s3-staging-');
  return { sut: createBlobStore({ s3Url, temporaryFolder: staging }), staging };
});

describe('folder blob store on disk', () => {
  it('keeps a blob at ab/cd/<sha256>, one file for the same bytes put twice', async () => {
    const folder = await temporaryFolder('lotse-blobs-');
    const sut = createBlobStore({ folder });
    const { sha256 } = await sut.put(bytesOf('einmal'));
    await sut.put(bytesOf('einmal'));
    assert.deepEqual(await filesUnder(folder), [path.join(folder, sha256.slice(0, 2), sha256.slice(2, 4), sha256)]);
  });

  it('fails loudly on a whole read of damaged bytes', async () => {
    const folder = await temporaryFolder('lotse-blobs-');
    const sut = createBlobStore({ folder });
    const { sha256 } = await sut.put(bytesOf('unversehrt'));
    await fs.writeFile(path.join(folder, sha256.slice(0, 2), sha256.slice(2, 4), sha256), 'beschädigt');
    await assert.rejects(readAll(await sut.get(sha256)), BlobCorruptError);
  });
});

describe('S3 blob store shared by two instances', () => {
  it('two instances put the same bytes at once: one object, readable by both', async () => {
    const { s3Url, directory } = await startS3Server();
    const one = createBlobStore({ s3Url, temporaryFolder: await temporaryFolder('lotse-s3-a-') });
    const two = createBlobStore({ s3Url, temporaryFolder: await temporaryFolder('lotse-s3-b-') });
    const content = new Uint8Array(300_000).fill(7);
    const [a, b] = await Promise.all([one.put(bytesOf(content)), two.put(bytesOf(content))]);
    assert.deepEqual(a, b);
    assert.deepEqual(await readAll(await two.get(a.sha256)), Buffer.from(content));
    const objects = (await filesUnder(directory)).filter((file) => file.endsWith('._S3rver_object'));
    assert.equal(objects.length, 1);
  });

  it('fails loudly on a whole read of a damaged object', async () => {
    const { s3Url, directory } = await startS3Server();
    const sut = createBlobStore({ s3Url, temporaryFolder: await temporaryFolder('lotse-s3-c-') });
    const { sha256 } = await sut.put(bytesOf('unversehrt'));
    const [object] = (await filesUnder(directory)).filter((file) => file.endsWith('._S3rver_object'));
    assert.ok(object);
    await fs.writeFile(object, 'beschädigt');
    await assert.rejects(readAll(await sut.get(sha256)), BlobCorruptError);
  });
});
