import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldText, isStreamedUpload, multipartParts } from './streamed-upload.ts';

const boundary = '----LotseBoundary7MA4YWxk';
const body = Buffer.concat([
  Buffer.from(`preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBescheid über\r\n--`),
  Buffer.from(`${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Müller %22neu%22.pdf"\r\nContent-Type: application/pdf\r\n\r\n`, 'utf8'),
  Buffer.from(`%PDF-1.7\r\n--not-the-boundary\r\n\r\n--${boundary.slice(0, 10)}`),
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

/** The body cut into pieces of `size` bytes: boundaries fall anywhere. */
async function* pieces(size: number) {
  for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size);
}

test('multipart parts are read as they arrive, whatever the chunk boundaries', async () => {
  for (const size of [1, 2, 3, 7, 16, 64, 4096]) {
    const seen: [string, string | undefined, string | undefined, string][] = [];
    for await (const part of multipartParts(pieces(size), `multipart/form-data; boundary=${boundary}`)) {
      seen.push([part.name, part.fileName, part.contentType, await fieldText(part)]);
    }
    assert.deepEqual(
      seen,
      [
        ['title', undefined, undefined, 'Bescheid über'],
        ['file', 'Müller "neu".pdf', 'application/pdf', `%PDF-1.7\r\n--not-the-boundary\r\n\r\n--${boundary.slice(0, 10)}`],
      ],
      `chunks of ${size}`,
    );
  }
});

test('a body cut off or without a boundary is a 400', async () => {
  const cut = async function* () {
    yield body.subarray(0, 120);
  };
  await assert.rejects(
    async () => {
      for await (const part of multipartParts(cut(), `multipart/form-data; boundary=${boundary}`)) await fieldText(part);
    },
    { code: 'bad_request' },
  );
  await assert.rejects(multipartParts(pieces(10), 'multipart/form-data').next(), { code: 'bad_request' });
});

test('only the upload routes are streamed, and a multipart form only with its token in the address', () => {
  const upload = { method: 'POST', contentType: 'multipart/form-data; boundary=x', csrfInQuery: true };
  assert.equal(isStreamedUpload({ ...upload, path: '/staff/files/f/documents/upload' }), true);
  assert.equal(isStreamedUpload({ ...upload, path: '/staff/files/f/documents/d/versions/upload' }), true);
  assert.equal(isStreamedUpload({ ...upload, path: '/staff/files/f/documents/upload', csrfInQuery: false }), false);
  assert.equal(isStreamedUpload({ ...upload, path: '/staff/files/f/documents/d/edit' }), false);
  assert.equal(isStreamedUpload({ method: 'POST', path: '/api/v1/files/f/documents', contentType: 'application/pdf', csrfInQuery: false }), true);
  assert.equal(isStreamedUpload({ method: 'PATCH', path: '/api/v1/files/f/documents', contentType: 'application/pdf', csrfInQuery: false }), false);
  // An application's resumable upload: created by POST, its pieces PATCHed; a HEAD has no body.
  const tus = { contentType: 'application/offset+octet-stream', csrfInQuery: false };
  const at = '/uk/apply/temporary-protection/a/AbC_-x/tus/passport';
  assert.equal(isStreamedUpload({ ...tus, method: 'POST', path: at }), true);
  assert.equal(isStreamedUpload({ ...tus, method: 'PATCH', path: `${at}/${'0a'.repeat(24)}` }), true);
  assert.equal(isStreamedUpload({ ...tus, method: 'PATCH', path: `${at}/not-an-id` }), false);
  assert.equal(isStreamedUpload({ ...tus, method: 'PATCH', path: '/uk/apply/temporary-protection/a/AbC_-x/1' }), false);
});
