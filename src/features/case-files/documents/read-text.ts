import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { hasTool, runTool } from './external-tools.ts';

export type TextResult = { text: string | null; pageCount: number | null };

/**
 * The text of a document's bytes: a PDF's text layer (unpdf), OCR of an image-only PDF or an
 * image where ocrmypdf or tesseract is installed, the content of a plain-text file. Null text:
 * nothing readable (no text layer and no OCR, or an office document: see docs/case-files.md).
 * Throws when the content cannot be read (a damaged PDF).
 */
export async function readText(bytes: Uint8Array, mediaType: string): Promise<TextResult> {
  if (mediaType === 'application/pdf') {
    const { text, pageCount } = await pdfTextLayer(bytes);
    if (text) return { text, pageCount };
    return { text: await ocrPdf(bytes), pageCount };
  }
  if (mediaType.startsWith('image/')) return { text: await ocrImage(bytes), pageCount: 1 };
  if (mediaType === 'text/plain') return { text: cleaned(new TextDecoder().decode(bytes)), pageCount: null };
  return { text: null, pageCount: null };
}

async function pdfTextLayer(bytes: Uint8Array): Promise<{ text: string | null; pageCount: number }> {
  // pdf.js takes the buffer over: give it a copy.
  const pdf = await getDocumentProxy(Uint8Array.from(bytes));
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    return { text: cleaned(text), pageCount: totalPages };
  } finally {
    await pdf.destroy();
  }
}

/** No NUL (PostgreSQL text cannot hold it), whitespace runs folded; empty is no text. */
function cleaned(text: string): string | null {
  const clean = text
    .replaceAll(String.fromCharCode(0), '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return clean ? clean : null;
}

async function withTemporaryFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-ocr-'));
  try {
    return await work(folder);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

async function ocrPdf(bytes: Uint8Array): Promise<string | null> {
  if (await hasTool('ocrmypdf'))
    return withTemporaryFolder(async (folder) => {
      const input = path.join(folder, 'in.pdf');
      await fs.writeFile(input, bytes);
      const sidecar = path.join(folder, 'text.txt');
      await runTool('ocrmypdf', ['--quiet', '--skip-text', '-l', await ocrLanguages(), '--sidecar', sidecar, input, path.join(folder, 'out.pdf')]);
      return cleaned(await fs.readFile(sidecar, 'utf8'));
    });
  if ((await hasTool('tesseract')) && (await hasTool('pdftoppm')))
    return withTemporaryFolder(async (folder) => {
      const input = path.join(folder, 'in.pdf');
      await fs.writeFile(input, bytes);
      await runTool('pdftoppm', ['-r', '200', '-png', input, path.join(folder, 'page')]);
      const pages = (await fs.readdir(folder)).filter((name) => name.endsWith('.png')).sort();
      const texts: string[] = [];
      for (const page of pages) texts.push((await runTool('tesseract', [path.join(folder, page), 'stdout', '-l', await ocrLanguages()])) as string);
      return cleaned(texts.join('\n'));
    });
  return null;
}

async function ocrImage(bytes: Uint8Array): Promise<string | null> {
  if (!(await hasTool('tesseract'))) return null;
  return withTemporaryFolder(async (folder) => {
    const input = path.join(folder, 'image');
    await fs.writeFile(input, bytes);
    return cleaned((await runTool('tesseract', [input, 'stdout', '-l', await ocrLanguages()])) as string);
  });
}

let languages: Promise<string> | undefined;
/** German and English where their language data is installed, else whatever tesseract has. */
function ocrLanguages(): Promise<string> {
  languages ??= runTool('tesseract', ['--list-langs']).then(
    (out) => {
      const installed = new Set(
        String(out)
          .split('\n')
          .map((line) => line.trim()),
      );
      const wanted = ['deu', 'eng'].filter((lang) => installed.has(lang));
      return wanted.length ? wanted.join('+') : 'eng';
    },
    () => 'eng',
  );
  return languages;
}
