import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A PDF read back as a reader's tool reads it: poppler (Debian poppler-utils: pdftotext, pdfinfo,
 * pdffonts). `.ci/run` installs it; without it the test fails with the install command, never skips.
 */
const folder = mkdtempSync(path.join(tmpdir(), 'lotse-pdf-'));
process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
let count = 0;

export function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', pdf: Buffer, args: string[] = []): string {
  const file = path.join(folder, `${++count}.pdf`);
  writeFileSync(file, pdf);
  if (process.env.LOTSE_DEBUG_PDF) writeFileSync(process.env.LOTSE_DEBUG_PDF, pdf);
  try {
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') assert.fail(`${tool} is missing: apt-get install -y poppler-utils`);
    throw error;
  }
}

export const pdfText = (pdf: Buffer, args: string[] = []) => poppler('pdftotext', pdf, args);

/** The first page drawn as a PNG (poppler's pdftoppm), to prove a reader's tool renders it. */
export function firstPagePng(pdf: Buffer): Buffer {
  const file = path.join(folder, `${++count}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftoppm', ['-r', '40', '-png', '-singlefile', '-f', '1', '-l', '1', file]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') assert.fail('pdftoppm is missing: apt-get install -y poppler-utils');
    throw error;
  }
}

/**
 * What survives a round trip through a PDF: no spaces (extractors place their own between runs),
 * no invisible format characters (ZWNJ has no glyph to carry it), NFC, no Arabic vowel marks
 * (tanwin, harakat: drawn above or below their letter, extractors read them as a line of their
 * own). Extractors also give an
 * Arabic lam-alef ligature's letters in the reverse order (الإقامة → اإلقامة); Chromium's own PDFs
 * come out the same, so the expected text is turned the same way.
 */
export function comparable(text: string, extracted = false): string {
  let result = text.normalize('NFC').replace(/[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\u064b-\u065f\u0670]/gu, '');
  if (!extracted) result = result.replace(/ل([اأإآ])/gu, '$1ل');
  return result;
}

/**
 * A scan of a typed letter: the text drawn by PDFKit, rendered to a grey PNG at `dpi` by pdftoppm,
 * with no text layer left. What a scan provider delivers without OCR.
 */
export function scannedPagePng(pdf: Buffer, dpi = 150): Buffer {
  const file = path.join(folder, `${++count}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-gray', '-singlefile', '-f', '1', '-l', '1', file]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') assert.fail('pdftoppm is missing: apt-get install -y poppler-utils');
    throw error;
  }
}

/** OCR is Debian's tesseract with German: without it the OCR tests fail with the install command, never skip. */
export function requireTesseract(): void {
  let languages = '';
  try {
    languages = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') assert.fail('tesseract is missing: apt-get install -y tesseract-ocr tesseract-ocr-deu');
    throw error;
  }
  assert.match(languages, /^deu$/m, 'tesseract has no German: apt-get install -y tesseract-ocr-deu');
}
