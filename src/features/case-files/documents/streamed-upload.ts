import { AppError } from '../../../shared/app-error.ts';

/**
 * Requests whose body is a document upload, streamed to the blob store under the upload limit:
 * the app's body limit and its form check (which would read the whole body) pass them by. A
 * multipart form names its CSRF token in the address (`?_csrf=`), so nothing reads the body first.
 */
export function isStreamedUpload(request: { method: string; path: string; contentType: string | undefined; csrfInQuery: boolean }): boolean {
  // A resumable upload (tus) of an online application: created by POST, its bytes come in PATCHes.
  if ((request.method === 'POST' || request.method === 'PATCH') && resumablePath.test(request.path)) return true;
  if (request.method !== 'POST' || !uploadPath.test(request.path)) return false;
  const multipart = request.contentType?.toLowerCase().startsWith('multipart/form-data') ?? false;
  return !multipart || request.csrfInQuery;
}

const uploadPath =
  /^\/(staff|api\/v1)\/files\/[^/]+\/documents(\/[^/]+\/versions)?(\/upload)?$|^\/[a-z]{2,3}(-[a-z0-9]{1,8})*\/apply\/[a-z0-9-]+\/a\/[A-Za-z0-9_-]+\/upload\/[a-z][a-z0-9_]*$/;

const resumablePath = /^\/[a-z]{2,3}(-[a-z0-9]{1,8})*\/apply\/[a-z0-9-]+\/a\/[A-Za-z0-9_-]+\/tus\/[a-z][a-z0-9_]*(\/[0-9a-f]{48})?$/;

export type FormPart = { name: string; fileName?: string | undefined; contentType?: string | undefined; body: AsyncGenerator<Uint8Array> };

const malformed = (why: string) => new AppError('bad_request', `Das Formular ist unvollständig (${why}). / The form data is incomplete (${why}).`);
const maxHeaderBytes = 16 * 1024;

/**
 * The parts of a multipart/form-data body, read as they arrive: a part's body must be read (or is
 * skipped) before the next part comes. Nothing is held beyond one chunk and a boundary's length.
 */
export async function* multipartParts(source: AsyncIterable<Uint8Array>, contentType: string | undefined): AsyncGenerator<FormPart> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const name = boundary?.[1] ?? boundary?.[2];
  if (!name) throw malformed('no boundary');
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  for await (const _ of reader.until(Buffer.from(`--${name}`))) {
    // the preamble is ignored
  }
  const delimiter = Buffer.from(`\r\n--${name}`);
  for (;;) {
    const after = await reader.take(2);
    if (after.toString('latin1') === '--') return;
    if (after.toString('latin1') !== '\r\n') throw malformed('bad boundary');
    const head: Uint8Array[] = [];
    let headSize = 0;
    for await (const chunk of reader.until(Buffer.from('\r\n\r\n'))) {
      headSize += chunk.length;
      if (headSize > maxHeaderBytes) throw malformed('part header too long');
      head.push(chunk);
    }
    const part = { ...partHeaders(Buffer.concat(head).toString('utf8')), body: reader.until(delimiter) };
    yield part;
    for await (const _ of part.body) {
      // what the consumer left unread is skipped
    }
  }
}

function partHeaders(text: string): { name: string; fileName?: string; contentType?: string } {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  const field = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (field === undefined) throw malformed('part without a name');
  const fileName = /(?:^|;)\s*filename="([^"]*)"/i.exec(disposition)?.[1];
  const contentType = headers.get('content-type');
  return {
    name: field,
    ...(fileName !== undefined ? { fileName: fileName.replace(/%22/g, '"') } : {}),
    ...(contentType ? { contentType } : {}),
  };
}

class ByteReader {
  private buffer = Buffer.alloc(0);
  private readonly source: AsyncIterator<Uint8Array>;
  constructor(source: AsyncIterator<Uint8Array>) {
    this.source = source;
  }

  private async fill(): Promise<boolean> {
    const next = await this.source.next();
    if (next.done) return false;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : Buffer.from(next.value);
    return true;
  }

  async take(count: number): Promise<Buffer> {
    while (this.buffer.length < count) if (!(await this.fill())) throw malformed('body ended early');
    const taken = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return taken;
  }

  /** The bytes up to `delimiter` (which is consumed), in pieces as they arrive. */
  async *until(delimiter: Buffer): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = this.buffer.indexOf(delimiter);
      if (at >= 0) {
        const piece = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + delimiter.length);
        if (piece.length) yield piece;
        return;
      }
      const keep = delimiter.length - 1;
      if (this.buffer.length > keep) {
        const piece = this.buffer.subarray(0, this.buffer.length - keep);
        this.buffer = this.buffer.subarray(this.buffer.length - keep);
        yield piece;
      }
      if (!(await this.fill())) throw malformed('body ended early');
    }
  }
}

/** A small text field of a form, refused beyond `max` bytes or with a character that cannot be stored. */
export async function fieldText(part: FormPart, max = 10_000): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of part.body) {
    size += chunk.byteLength;
    if (size > max) throw new AppError('payload_too_large', `Das Feld ${part.name} ist zu lang. / The field ${part.name} is too long.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.includes('\u0000') || text.includes('\ufffd'))
    throw new AppError('bad_request', 'Ein Feld enthält ein Zeichen, das nicht gespeichert werden kann. / A field contains a character that cannot be stored.');
  return text;
}
