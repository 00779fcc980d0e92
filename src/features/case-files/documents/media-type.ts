import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../shared/app-error.ts';

/**
 * What Lotse keeps as a document: what the office receives and a browser can show or a clerk can
 * open (docs/case-files.md, "Documents and storage"). Anything else is refused, whatever its name.
 */
export const allowedMediaTypes = new Map<string, string>([
  ['application/pdf', 'PDF'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['image/tiff', 'TIFF'],
  ['image/webp', 'WebP'],
  ['text/plain', 'Text'],
  ['application/vnd.oasis.opendocument.text', 'ODT'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'DOCX'],
]);

/** How much of the start of an upload detection looks at (file-type needs a few KiB; DOCX its first ZIP entries). */
export const sniffBytes = 64 * 1024;

/**
 * The media type of the content, from its first bytes: file-type's signatures, else plain text
 * when the bytes are UTF-8 without control characters other than tab, line breaks and form feed.
 */
export async function detectMediaType(head: Uint8Array, complete: boolean): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  return looksLikeText(head, complete) ? 'text/plain' : undefined;
}

function looksLikeText(head: Uint8Array, complete: boolean): boolean {
  if (head.byteLength === 0) return false;
  // The sniffed start may end inside a multi-byte character: drop an incomplete last one.
  let end = head.byteLength;
  if (!complete) {
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1]! & 0xc0) === 0x80) back++;
    const lead = head[end - back - 1];
    if (lead !== undefined && lead >= 0xc0) end = end - back - 1;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return false;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // tab, line feed, carriage return and form feed belong to text; other control characters do not
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) return false;
  }
  return true;
}

/**
 * Refuses content that is not allowed, and content that is not what the uploader said it is (a
 * "PDF" by its declared type or file name that is no PDF). 422 with a German and English message.
 */
export function checkedMediaType(detected: string | undefined, claim: { declaredType?: string | undefined; fileName: string }): string {
  const saysPdf = claim.declaredType?.toLowerCase().startsWith('application/pdf') || /\.pdf$/i.test(claim.fileName);
  if (saysPdf && detected !== 'application/pdf')
    throw new AppError('validation_failed', 'Die Datei ist kein PDF. / The file is not a PDF.', {
      fieldErrors: [{ path: 'file', message: 'Die Datei ist kein PDF. / The file is not a PDF.' }],
    });
  if (!detected || !allowedMediaTypes.has(detected)) {
    const allowed = [...allowedMediaTypes.values()].join(', ');
    const message = `Diese Dateiart wird nicht angenommen (erlaubt: ${allowed}). / This kind of file is not accepted (allowed: ${allowed}).`;
    throw new AppError('validation_failed', message, { fieldErrors: [{ path: 'file', message }] });
  }
  return detected;
}

/** Passes `source` through while keeping its first `sniffBytes` bytes for detection. */
export function sniffing(source: AsyncIterable<Uint8Array>) {
  const parts: Uint8Array[] = [];
  let kept = 0;
  let total = 0;
  let ended = false;
  async function* passThrough() {
    for await (const chunk of source) {
      total += chunk.byteLength;
      if (kept < sniffBytes) {
        const part = chunk.subarray(0, sniffBytes - kept);
        parts.push(Uint8Array.from(part));
        kept += part.byteLength;
      }
      yield chunk;
    }
    ended = true;
  }
  return {
    source: passThrough(),
    head: () => ({ bytes: Buffer.concat(parts), complete: ended && total <= sniffBytes }),
  };
}
