import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** A PDF with a text layer: one page per entry (PDFKit's built-in Helvetica covers German). */
export function pdfWithText(pages: readonly string[], title = 'Dokument'): Promise<Buffer> {
  return renderPdf(title, (doc) => {
    pages.forEach((text, index) => {
      if (index > 0) doc.addPage();
      doc.fontSize(12).text(text, 72, 72, { width: 450 });
    });
  });
}

/** A PDF whose pages are only pictures (a scan without OCR): no text layer at all. */
export function imageOnlyPdf(pageCount = 1, seed = 1): Promise<Buffer> {
  return renderPdf('Scan', (doc) => {
    for (let index = 0; index < pageCount; index++) {
      if (index > 0) doc.addPage();
      doc.image(scanLikePng(200, 280, seed + index), 72, 72, { width: 400 });
    }
  });
}

function renderPdf(title: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: title }, compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/** A grey-scale PNG with stripes like lines of text on a page, different per seed. */
export function scanLikePng(width: number, height: number, seed = 1): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1); // filter byte 0, then one byte per pixel
    const inkRow = y % 12 < 6 && y > 20 && y < height - 20;
    for (let x = 0; x < width; x++) row[x + 1] = inkRow && (x * 7 + y * seed) % 23 > 5 && x > 15 && x < width - 15 ? 40 : 245;
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey scale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
