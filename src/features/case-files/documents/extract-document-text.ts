import type { Database } from '../../../db/database.ts';
import type { BlobStore } from '../../../platform/storage/blob-store.ts';
import type { Clock } from '../../../shared/clock.ts';
import { pendingTextVersion, storeText } from './document-text-store.ts';
import { readText } from './read-text.ts';

/** Kept per version; a longer text (a 2,000-page file) is cut. */
export const maxStoredTextLength = 2_000_000;
/** What goes into the search vector: PostgreSQL refuses a tsvector over 1 MB. */
export const maxSearchTextLength = 300_000;

export type TextOutcome = 'extracted' | 'no_text' | 'failed' | 'not_pending';

/**
 * Reads the text of a document's current version and stores it with its page count, the text
 * state and the search vector. Idempotent: a document that is no longer pending is left alone.
 * A content that cannot be read is `failed` (for good); a store or database error throws (retry).
 */
export async function extractDocumentText(deps: { db: Database; clock: Clock; blobs: Pick<BlobStore, 'get'> }, documentId: string): Promise<TextOutcome> {
  const version = await pendingTextVersion(deps.db, documentId);
  if (!version) return 'not_pending';
  const bytes = await readWhole(await deps.blobs.get(version.blob_sha256));
  let result: { text: string | null; pageCount: number | null; state: 'extracted' | 'no_text' | 'failed' };
  try {
    const read = await readText(bytes, version.media_type);
    result = { ...read, state: read.text ? 'extracted' : 'no_text' };
  } catch {
    result = { text: null, pageCount: null, state: 'failed' };
  }
  await deps.db.transaction().execute((trx) =>
    storeText(
      trx,
      {
        documentId,
        number: version.number,
        text: result.text?.slice(0, maxStoredTextLength) ?? null,
        searchText: result.text?.slice(0, maxSearchTextLength) ?? null,
        pageCount: result.pageCount,
        state: result.state,
      },
      deps.clock.now(),
    ),
  );
  return result.state;
}

async function readWhole(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
