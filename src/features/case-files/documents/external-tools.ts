import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a command-line tool; large outputs allowed (OCR text, PNG pages). */
export async function runTool(tool: string, args: string[], options: { encoding?: 'buffer' | 'utf8'; timeoutMs?: number } = {}) {
  const result = await run(tool, args, {
    encoding: options.encoding ?? 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeoutMs ?? 300_000,
  });
  return result.stdout as string | Buffer;
}

const available = new Map<string, Promise<boolean>>();

/** Whether a tool is on PATH (asked once per process): OCR and page images are used only where installed. */
export function hasTool(tool: 'ocrmypdf' | 'tesseract' | 'pdftoppm'): Promise<boolean> {
  let known = available.get(tool);
  if (!known) {
    known = run(tool, ['--version'], { timeout: 10_000 }).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
    );
    available.set(tool, known);
  }
  return known;
}
