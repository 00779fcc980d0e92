import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { Database } from '../db/database.ts';
import { addDocumentVersion } from '../features/case-files/documents/add-document-version.ts';
import type { BlobStore } from '../platform/storage/blob-store.ts';
import type { Clock } from '../shared/clock.ts';

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
  return pdfOfImages(Array.from({ length: pageCount }, (_, index) => scanLikePng(200, 280, seed + index)));
}

/** One A4 page per picture, the picture filling the page: how a scanner without OCR writes a PDF. */
export function pdfOfImages(images: readonly Buffer[]): Promise<Buffer> {
  return renderPdf('Scan', (doc) => {
    images.forEach((image, index) => {
      if (index > 0) doc.addPage();
      doc.image(image, 0, 0, { fit: [doc.page.width, doc.page.height] });
    });
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

type DemoDocument = { title: string; category: 'application' | 'decision' | 'letter' | 'evidence' | 'certificate' | 'correspondence'; text: string };

const demoTexts: DemoDocument[] = [
  {
    title: 'Antrag auf Verlängerung der Aufenthaltserlaubnis',
    category: 'application',
    text: 'Hiermit beantrage ich die Verlängerung meiner Aufenthaltserlaubnis nach § 16b AufenthG. Immatrikulationsbescheinigung und Finanzierungsnachweis liegen bei.',
  },
  {
    title: 'Bescheid über die Erteilung einer Blauen Karte EU',
    category: 'decision',
    text: 'Ihnen wird eine Blaue Karte EU nach § 18g AufenthG erteilt. Die Gebühr beträgt 100 Euro. Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats Klage erhoben werden.',
  },
  {
    title: 'Anforderung fehlender Unterlagen',
    category: 'letter',
    text: 'Zur weiteren Bearbeitung Ihres Antrags benötigen wir noch: aktuelle Meldebescheinigung, Nachweis der Krankenversicherung, drei Gehaltsabrechnungen.',
  },
  {
    title: 'Arbeitsvertrag',
    category: 'evidence',
    text: 'Arbeitsvertrag zwischen der Muster GmbH, Wetzlar, und dem Arbeitnehmer. Beginn des Arbeitsverhältnisses: 1. März. Bruttojahresgehalt 52.000 Euro.',
  },
  {
    title: 'Geburtsurkunde (Übersetzung)',
    category: 'certificate',
    text: 'Beglaubigte Übersetzung aus dem Persischen. Geburtsurkunde, ausgestellt vom Standesamt Teheran.',
  },
  {
    title: 'Schreiben des Rechtsanwalts',
    category: 'correspondence',
    text: 'In der Ausländerangelegenheit unseres Mandanten zeigen wir die Vertretung an und bitten um Akteneinsicht nach § 29 VwVfG.',
  },
  {
    title: 'Fiktionsbescheinigung',
    category: 'decision',
    text: 'Der Aufenthalt gilt nach § 81 Abs. 4 AufenthG bis zur Entscheidung über den Antrag als fortbestehend.',
  },
];

/**
 * Demo documents for the demo persons' files: per file a few small PDFs with a text layer and,
 * every fifth, a scan without text (image only), added through addDocumentVersion as the
 * import adds them (text extraction then runs as a job). Idempotent: a document once added (by
 * its import key `demo:<file>:<n>`) is not added again.
 */
export async function seedDemoDocuments(deps: { db: Database; clock: Clock; blobs: BlobStore }, fileIds: readonly string[], perFile = 3): Promise<number> {
  let added = 0;
  for (const [fileIndex, fileId] of fileIds.entries()) {
    for (let n = 0; n < perFile; n++) {
      const importKey = `demo:${fileId}:${n}`;
      const exists = await deps.db.selectFrom('case_document').select('id').where('import_key', '=', importKey).executeTakeFirst();
      if (exists) continue;
      const sample = demoTexts[(fileIndex + n) % demoTexts.length]!;
      const scan = (fileIndex * perFile + n) % 5 === 4;
      const bytes = scan
        ? await imageOnlyPdf(1 + (n % 2), fileIndex + n)
        : await pdfWithText([`${sample.title}\n\n${sample.text}`, `Aktenzeichen Demo-${fileIndex + 1} · Seite 2`], sample.title);
      const blob = await deps.blobs.put(
        (async function* () {
          yield bytes;
        })(),
      );
      const day = String(1 + ((fileIndex + n * 7) % 28)).padStart(2, '0');
      await deps.db.transaction().execute((trx) =>
        addDocumentVersion(deps, trx, {
          fileId,
          metadata: {
            title: scan ? `Scan: ${sample.title}` : sample.title,
            category: sample.category,
            receivedOn: `2026-${String(1 + (n % 11)).padStart(2, '0')}-${day}`,
            datedOn: null,
            sender: null,
            procedureId: null,
          },
          blob,
          mediaType: 'application/pdf',
          fileName: `${sample.category}-${n + 1}.pdf`,
          createdBy: 'Demo',
          importKey,
        }),
      );
      added++;
    }
  }
  return added;
}

/** The demo files that get documents: the first ones by reference (DEMO-0001, …). */
export async function demoFileIds(db: Database, count: number): Promise<string[]> {
  const rows = await db.selectFrom('case_file').select('id').where('reference', 'like', 'DEMO-%').orderBy('reference').limit(count).execute();
  return rows.map((row) => row.id);
}
