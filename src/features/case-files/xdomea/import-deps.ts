import type { Database } from '../../../db/database.ts';
import type { VirusScanner } from '../../../platform/virus-scan/clamd.ts';
import type { CaseFileDeps } from '../case-file-deps.ts';

/**
 * What the import needs beyond the database and the clock: the blob store's staging (bytes are
 * hashed before they are stored, so a wrong checksum stores nothing) and the documents' use case
 * that adds a version. Typed here by shape so the import is wired with the real ones by the
 * CLI and the routes (platform/storage, case-files/documents).
 */
export type StagedBytes = { sha256: string; size: number; commit(): Promise<void>; discard(): Promise<void> };

export type ImportBlobs = {
  stage(source: AsyncIterable<Uint8Array>, options?: { maxBytes?: number }): Promise<StagedBytes>;
  has(sha256: string): Promise<boolean>;
};

export type NewImportedVersion = {
  fileId: string;
  documentId?: string | undefined;
  metadata?: { title: string; category: string; receivedOn?: string | null; datedOn?: string | null; sender?: string | null };
  blob: { sha256: string; size: number; commit?: () => Promise<void> };
  mediaType: string;
  fileName: string;
  createdBy: string;
  importKey?: string;
};

export type ImportDeps = CaseFileDeps & {
  blobs: ImportBlobs;
  /** clamd (when configured): every delivered file is scanned; an infected one quarantines its row. */
  virusScanner?: VirusScanner | undefined;
  addDocumentVersion(
    deps: { clock: CaseFileDeps['clock']; blobs: Pick<ImportBlobs, 'has'> },
    trx: Database,
    input: NewImportedVersion,
  ): Promise<{ documentId: string; number: number }>;
};

export type ImportOptions = {
  /** Where new files are kept (case_file.location_id). */
  locationId: string;
  /** Who started it: a staff member (admin page, API) or a label for the command line. */
  startedBy: { staffId: string | null; label: string };
  /** Rows of different files imported at once (each row in its own transaction). */
  parallel?: number;
  heartbeatMs?: number;
  maxFileBytes?: number;
  signal?: AbortSignal;
  /** Called once the import is claimed (its id known), before the first row. */
  onStarted?: (importId: string) => void;
  onProgress?: (progress: { done: number; quarantined: number; total: number; importId: string }) => void;
};
