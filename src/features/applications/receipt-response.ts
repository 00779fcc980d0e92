import type { BlobStore } from '../../platform/storage/blob-store.ts';

/** The receipt PDF as a download: never cached, never sniffed, a file name safe in any header. */
export async function receiptResponse(blobs: Pick<BlobStore, 'get'>, blob: { sha256: string; fileName: string }): Promise<Response> {
  const stream = await blobs.get(blob.sha256);
  return new Response(stream as unknown as ReadableStream, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${blob.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
