import { Readable } from 'node:stream';
import type { OpenedVersion } from './open-document.ts';

export type ByteRange = { start: number; end: number };

/**
 * The one range of a `Range: bytes=…` header, as inclusive offsets; `undefined` for the whole
 * file (no header, several ranges, another unit, or an If-Range that no longer matches); `null`
 * when it cannot be satisfied (416).
 */
export function requestedRange(header: string | undefined, size: number, ifRange: string | undefined, etag: string): ByteRange | undefined | null {
  if (!header) return undefined;
  if (ifRange !== undefined && ifRange !== etag) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}

/** Content-Disposition with the file name for old and new browsers (RFC 6266 / 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The response for a version's bytes: 200 whole, 206 one range, 416 out of range; ETag is the
 * SHA-256 (the bytes of a version never change), never cached outside the browser, never sniffed.
 */
export async function versionResponse(
  version: OpenedVersion,
  request: { method: string; range?: string | undefined; ifRange?: string | undefined; ifNoneMatch?: string | undefined; download: boolean },
): Promise<Response> {
  const etag = `"${version.sha256}"`;
  const headers = new Headers({
    etag,
    'accept-ranges': 'bytes',
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    'content-type': version.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : version.mediaType,
    'content-disposition': contentDisposition(request.download ? 'attachment' : 'inline', version.fileName),
  });
  const range = requestedRange(request.range, version.size, request.ifRange, etag);
  if (range === null) {
    headers.set('content-range', `bytes */${version.size}`);
    return new Response(null, { status: 416, headers });
  }
  const status = range ? 206 : 200;
  if (range) headers.set('content-range', `bytes ${range.start}-${range.end}/${version.size}`);
  headers.set('content-length', String(range ? range.end - range.start + 1 : version.size));
  if (request.method === 'HEAD' || version.size === 0) return new Response(null, { status, headers });
  const stream = await version.read(range);
  return new Response(Readable.toWeb(stream as Readable) as ReadableStream<Uint8Array>, { status, headers });
}
