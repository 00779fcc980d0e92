import PDFDocument from 'pdfkit';
import { encode } from 'uqr';
import { layoutParagraph, type Line } from './bidi-lines.ts';
import { fontFaces, type FontFace, type Weight } from './pdf-fonts.ts';

/**
 * One way to make every letter Lotse sends on paper (invitations, confirmations, requests for
 * documents, receipts): a DIN 5008 form B page for a windowed envelope, the office's letterhead,
 * the German text first and then the same in the person's language, page numbers, fonts embedded,
 * PDF/A-2b as PDFKit writes it. Templates fill a `Letter`; this only sets it.
 */
export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'facts'; rows: readonly (readonly [string, string])[] }
  | { kind: 'qr'; data: string; caption: string };

export type LetterSection = { lang: string; dir: 'ltr' | 'rtl'; blocks: readonly LetterBlock[] };

export type Letter = {
  /** Document title (PDF metadata) and its main language. */
  title: string;
  lang: string;
  letterhead: { lines: readonly string[]; returnAddress: string };
  recipient: readonly string[];
  /** Informationsblock: reference, date, contact. */
  info: readonly (readonly [string, string])[];
  subject: string;
  /** German first; a translation after it. */
  sections: readonly LetterSection[];
  signature: readonly string[];
  pageLabel: (page: number, pages: number) => string;
};

const mm = (value: number) => (value * 72) / 25.4;
const page = { width: mm(210), height: mm(297), left: mm(25), right: mm(20), top: mm(20), bottom: mm(25) };
const contentWidth = page.width - page.left - page.right;
const size = { body: 10, small: 7, info: 8.5, heading: 11 };
const lineHeight = (fontSize: number) => fontSize * 1.45;
// The address field (20 mm from the left, 85 mm wide); its text 5 mm in, in line with the body.
const window = { textLeft: mm(25), textWidth: mm(80) };

type Pen = { doc: PDFKit.PDFDocument; y: number };

function registerFaces(doc: PDFKit.PDFDocument): void {
  for (const weight of ['regular', 'bold'] as Weight[]) for (const face of fontFaces(weight)) doc.registerFont(face.name, face.sfnt());
}

function measure(doc: PDFKit.PDFDocument, fontSize: number) {
  return (text: string, face: FontFace) => doc.font(face.name).fontSize(fontSize).widthOfString(text);
}

function ensureRoom(pen: Pen, height: number): void {
  if (pen.y + height <= page.height - page.bottom) return;
  pen.doc.addPage();
  pen.y = page.top;
}

// fontkit lays out a string right to left when its script is, whatever its bidi level: Persian
// digits (level 2, left to right) would come out reversed, a ")." at level 1 not reversed.
const rightToLeftScript = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const inFontkitOrder = (text: string, rtl: boolean) => (rightToLeftScript.test(text) === rtl ? text : [...text].reverse().join(''));

function drawLine(pen: Pen, line: Line, x: number, fontSize: number): void {
  let at = x;
  for (const piece of line.pieces) {
    // One baseline for the line, whatever each face's ascent: pieces of Vazirmatn and Noto Sans sit on it together.
    pen.doc
      .font(piece.face.name)
      .fontSize(fontSize)
      .text(inFontkitOrder(piece.text, piece.rtl), at, pen.y + fontSize, { lineBreak: false, baseline: 'alphabetic' });
    at += piece.width;
  }
}

function paragraph(pen: Pen, text: string, options: { dir: 'ltr' | 'rtl'; weight?: Weight; fontSize?: number; indent?: number; marker?: string }) {
  const fontSize = options.fontSize ?? size.body;
  const indent = options.indent ?? 0;
  const lines = layoutParagraph(text, {
    direction: options.dir,
    weight: options.weight ?? 'regular',
    maxWidth: contentWidth - indent,
    measure: measure(pen.doc, fontSize),
  });
  lines.forEach((line, i) => {
    ensureRoom(pen, lineHeight(fontSize));
    const x = options.dir === 'rtl' ? page.left + contentWidth - indent - line.width : page.left + indent;
    if (i === 0 && options.marker) {
      const markerX = options.dir === 'rtl' ? page.left + contentWidth - indent + mm(2) : page.left + indent - mm(4);
      pen.doc
        .font(fontFaces('regular')[0]!.name)
        .fontSize(fontSize)
        .text(options.marker, markerX, pen.y + fontSize, { lineBreak: false, baseline: 'alphabetic' });
    }
    drawLine(pen, line, x, fontSize);
    pen.y += lineHeight(fontSize);
  });
}

function qr(pen: Pen, data: string, caption: string, dir: 'ltr' | 'rtl') {
  // A fixed mask: choosing the best of eight by their penalty scores was the costliest step of a
  // letter, and any mask reads the same.
  const { data: modules } = encode(data, { ecc: 'M', border: 0, maskPattern: 0 });
  const side = mm(24);
  const cell = side / modules.length;
  ensureRoom(pen, side + mm(4));
  const x = dir === 'rtl' ? page.left + contentWidth - side : page.left;
  for (const [r, row] of modules.entries()) {
    for (const [c, dark] of row.entries()) if (dark) pen.doc.rect(x + c * cell, pen.y + r * cell, cell, cell);
  }
  pen.doc.fill('#000000');
  const top = pen.y;
  const captionPen: Pen = { doc: pen.doc, y: top };
  const lines = layoutParagraph(caption, { direction: dir, weight: 'regular', maxWidth: contentWidth - side - mm(6), measure: measure(pen.doc, size.body) });
  for (const line of lines) {
    drawLine(captionPen, line, dir === 'rtl' ? x - mm(6) - line.width : x + side + mm(6), size.body);
    captionPen.y += lineHeight(size.body);
  }
  pen.y = Math.max(top + side, captionPen.y) + mm(3);
}

function block(pen: Pen, item: LetterBlock, dir: 'ltr' | 'rtl') {
  switch (item.kind) {
    case 'heading':
      pen.y += mm(2);
      ensureRoom(pen, lineHeight(size.heading) * 2);
      paragraph(pen, item.text, { dir, weight: 'bold', fontSize: size.heading });
      break;
    case 'paragraph':
      paragraph(pen, item.text, { dir });
      pen.y += mm(2);
      break;
    case 'list':
      for (const entry of item.items) paragraph(pen, entry, { dir, indent: mm(5), marker: '•' });
      pen.y += mm(2);
      break;
    case 'facts':
      for (const [label, value] of item.rows) paragraph(pen, `${label}: ${value}`, { dir });
      pen.y += mm(2);
      break;
    case 'qr':
      qr(pen, item.data, item.caption, dir);
      break;
  }
}

function firstPage(pen: Pen, letter: Letter) {
  const { doc } = pen;
  const latin = fontFaces('regular')[0]!.name;
  // Letterhead (Briefkopf, 45 mm).
  const head: Pen = { doc, y: mm(12) };
  letter.letterhead.lines.forEach((text, i) => {
    paragraph(head, text, { dir: 'ltr', weight: i === 0 ? 'bold' : 'regular', fontSize: i === 0 ? 12 : size.info });
  });
  // Address field for the envelope window: 45 mm from the top, 85 × 45 mm.
  const returnPen: Pen = { doc, y: mm(45) + mm(8) };
  const returnLines = layoutParagraph(letter.letterhead.returnAddress, {
    direction: 'ltr',
    weight: 'regular',
    maxWidth: window.textWidth,
    measure: measure(doc, size.small),
  });
  for (const line of returnLines.slice(0, 1)) drawLine(returnPen, line, window.textLeft, size.small);
  const addressPen: Pen = { doc, y: mm(45) + mm(17.7) };
  for (const text of letter.recipient.slice(0, 6)) {
    const [line] = layoutParagraph(text, { direction: 'ltr', weight: 'regular', maxWidth: window.textWidth, measure: measure(doc, size.body) });
    if (line) drawLine(addressPen, line, window.textLeft, size.body);
    addressPen.y += lineHeight(size.body);
  }
  // Information block: 125 mm from the left, from 50 mm.
  const infoPen: Pen = { doc, y: mm(50) };
  for (const [label, value] of letter.info) {
    doc
      .font(latin)
      .fontSize(size.small)
      .fillColor('#333333')
      .text(label, mm(125), infoPen.y + size.small, { lineBreak: false, baseline: 'alphabetic' });
    infoPen.y += lineHeight(size.small);
    const [line] = layoutParagraph(value, { direction: 'ltr', weight: 'regular', maxWidth: mm(75), measure: measure(doc, size.info) });
    doc.fillColor('#000000');
    if (line) drawLine(infoPen, line, mm(125), size.info);
    infoPen.y += lineHeight(size.info) + mm(1);
  }
  doc.fillColor('#000000');
  // Folding marks (105 mm, 210 mm) and the hole mark (148.5 mm).
  for (const y of [105, 210, 148.5])
    doc
      .moveTo(mm(3), mm(y))
      .lineTo(mm(y === 148.5 ? 9 : 7), mm(y))
      .lineWidth(0.4)
      .stroke('#000000');
  pen.y = Math.max(mm(98.46), infoPen.y + mm(4));
  paragraph(pen, letter.subject, { dir: 'ltr', weight: 'bold', fontSize: size.heading });
  pen.y += mm(4);
}

function pageNumbers(doc: PDFKit.PDFDocument, letter: Letter, first: number, count: number) {
  for (let i = first; i < first + count; i++) {
    doc.switchToPage(i);
    const pen: Pen = { doc, y: page.height - mm(15) };
    const [line] = layoutParagraph(letter.pageLabel(i - first + 1, count), {
      direction: 'ltr',
      weight: 'regular',
      maxWidth: contentWidth,
      measure: measure(doc, size.small),
    });
    if (line) drawLine(pen, line, page.left + contentWidth - line.width, size.small);
  }
}

export function renderLetter(letter: Letter): Promise<Buffer> {
  return renderLetters([letter], { title: letter.title, lang: letter.lang });
}

/**
 * Several letters in one PDF, each from a new page with its own page numbers (a run of
 * invitations printed at once). One document parses the fonts once for all its letters, which
 * is most of what a single letter costs.
 */
export function renderLetters(letters: readonly Letter[], meta: { title: string; lang: string }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.top, bottom: 0, left: page.left, right: page.right },
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: meta.lang,
    displayTitle: true,
    info: { Title: meta.title, Creator: 'Lotse', Producer: 'Lotse (PDFKit)' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFaces(doc);
  for (const letter of letters) {
    const before = doc.bufferedPageRange();
    const first = before.start + before.count;
    doc.addPage();
    setLetter(doc, letter);
    const after = doc.bufferedPageRange();
    pageNumbers(doc, letter, first, after.start + after.count - first);
    // A finished letter's pages are written out: a run of thousands never holds them all in memory.
    doc.flushPages();
  }
  doc.end();
  return done;
}

function setLetter(doc: PDFKit.PDFDocument, letter: Letter): void {
  const pen: Pen = { doc, y: page.top };
  firstPage(pen, letter);
  letter.sections.forEach((section, i) => {
    if (i > 0) {
      pen.y += mm(4);
      ensureRoom(pen, mm(20));
      doc
        .moveTo(page.left, pen.y)
        .lineTo(page.left + contentWidth, pen.y)
        .lineWidth(0.5)
        .stroke('#777777');
      pen.y += mm(4);
    }
    for (const item of section.blocks) block(pen, item, section.dir);
    if (i === 0) {
      pen.y += mm(4);
      for (const text of letter.signature) paragraph(pen, text, { dir: 'ltr' });
    }
  });
}
