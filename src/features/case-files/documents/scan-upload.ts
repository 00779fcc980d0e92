import { ScannerUnavailableError, type VirusScanner } from '../../../platform/virus-scan/clamd.ts';
import { AppError } from '../../../shared/app-error.ts';

/**
 * One upload's virus scan, for every way bytes come in (applicants' uploads, staff documents,
 * message attachments, the import): the bytes go to clamd while they stream in, and nothing is
 * accepted before its verdict. Without a scanner (LOTSE_CLAMD_ADDRESS unset) it passes the bytes
 * on and gives no verdict.
 */
export type UploadScan = {
  /** Passes the bytes on, sending each to the scanner (up to `maxBytes`: beyond it the upload is refused anyway). */
  pass(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array>;
  /** Resolves when the bytes are clean; throws `infected` (422) or `scan_unavailable` (503). */
  verdict(): Promise<void>;
  /** Ends the scan without a verdict (the upload was refused for another reason). */
  abort(): void;
};

/** The problem code of a file the scanner found something in (`details.problem`). */
export const infectedProblem = 'infected';
/** The problem code of a scanner that gave no verdict (`details.problem`). */
export const scanUnavailableProblem = 'scan_unavailable';

export async function startUploadScan(scanner: VirusScanner | undefined, maxBytes: number): Promise<UploadScan> {
  // Scanning is configured: no verdict, no upload (clamd down is "try again later", never "accepted unscanned").
  const session = scanner ? await scanner.start().catch(scannerDown) : undefined;
  return {
    async *pass(source) {
      let total = 0;
      for await (const chunk of source) {
        total += chunk.byteLength;
        if (session && total <= maxBytes) await session.write(chunk).catch(scannerDown);
        yield chunk;
      }
    },
    async verdict() {
      if (!session) return;
      const verdict = await session.finish().catch(scannerDown);
      if (!verdict.clean)
        throw new AppError('validation_failed', 'Die Datei enthält Schadsoftware und wird nicht angenommen. / The file contains malware and is refused.', {
          details: { problem: infectedProblem, signature: verdict.signature },
        });
    },
    abort() {
      session?.abort();
    },
  };
}

/**
 * Stages `source` through the scan: resolves only with clean bytes. A refusal, no verdict or a
 * failed write ends the scan and leaves nothing staged.
 */
export async function stageScanned<S extends { discard(): Promise<void> }>(
  scanner: VirusScanner | undefined,
  maxBytes: number,
  source: AsyncIterable<Uint8Array>,
  stage: (source: AsyncIterable<Uint8Array>) => Promise<S>,
): Promise<S> {
  const scan = await startUploadScan(scanner, maxBytes);
  let staged: S;
  try {
    staged = await stage(scan.pass(source));
  } catch (error) {
    scan.abort();
    throw error;
  }
  try {
    await scan.verdict();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return staged;
}

/** Whether an error is the scan's refusal of an infected file. */
export const isInfected = (error: unknown): boolean => error instanceof AppError && error.details?.problem === infectedProblem;
/** Whether an error is the scan's "no verdict, try again later". */
export const isScanUnavailable = (error: unknown): boolean => error instanceof AppError && error.details?.problem === scanUnavailableProblem;

const scannerDown = (error: unknown): never => {
  if (!(error instanceof ScannerUnavailableError)) throw error;
  throw new AppError(
    'unavailable',
    'Die Virenprüfung ist gerade nicht erreichbar; bitte später noch einmal. / The virus scan is unavailable; please try again later.',
    { details: { problem: scanUnavailableProblem }, cause: error },
  );
};
