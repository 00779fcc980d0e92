import type { StagedBlob } from '../../../platform/storage/blob-store.ts';
import type { UploadDeps } from './document-deps.ts';
import { checkedMediaType, detectMediaType, sniffing } from './media-type.ts';
import { stageScanned } from './scan-upload.ts';

export type Upload = {
  body: AsyncIterable<Uint8Array>;
  fileName: string;
  /** What the browser or client said the file is (Content-Type); checked, never trusted. */
  declaredType?: string | undefined;
};

/**
 * Streams an upload into the blob store's staging area (counted against the upload limit, never
 * held in memory), through the virus scanner when one is configured, and detects its media type
 * from the content. An infected file (422) or no verdict (503) leaves nothing staged. The caller
 * commits or discards.
 */
export async function receiveUpload(
  deps: Pick<UploadDeps, 'blobs' | 'uploadMaxBytes' | 'virusScanner'>,
  upload: Upload,
): Promise<{ staged: StagedBlob; mediaType: string }> {
  const sniffed = sniffing(upload.body);
  const staged = await stageScanned(deps.virusScanner, deps.uploadMaxBytes, sniffed.source, (source) =>
    deps.blobs.stage(source, { maxBytes: deps.uploadMaxBytes }),
  );
  try {
    const head = sniffed.head();
    const mediaType = checkedMediaType(await detectMediaType(head.bytes, head.complete), upload);
    return { staged, mediaType };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

/** A file name as the file shows it: no folders, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 255);
  return clean || 'dokument';
}
