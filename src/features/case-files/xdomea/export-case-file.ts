import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { AppError } from '../../../shared/app-error.ts';
import { loadLetterhead } from '../../office/index.ts';
import type { Actor } from '../../staff/index.ts';
import { auditFileRead } from '../audit-file-read.ts';
import { authorizeFile } from '../authorize-file.ts';
import type { CaseFileDeps, Origin } from '../case-file-deps.ts';
import { abgabeMessage, primaryFileName } from './export-message.ts';
import { loadFileForExport } from './export-store.ts';

export type ExportDeps = CaseFileDeps & { blobs: { get(sha256: string): Promise<NodeJS.ReadableStream> } };

/**
 * A person's whole file as an xdomea 3.0 Abgabe (0401) zip: `<ProzessID>_0401.xml` and every
 * version of every document beside it. Authorized (case_file.read at the file's location) and
 * audited before a byte leaves; the bytes are streamed from the blob store, which verifies each
 * SHA-256 while reading (a damaged blob breaks the download rather than travel on).
 */
export async function exportCaseFile(
  deps: ExportDeps,
  actor: Actor | undefined,
  fileId: string,
  origin: Origin = {},
): Promise<{ fileName: string; stream: Readable }> {
  await authorizeFile(deps, actor, fileId, 'case_file.read', origin);
  const file = await loadFileForExport(deps.db, fileId);
  if (!file) throw new AppError('not_found', 'Diese Akte gibt es nicht. / There is no such file.');
  const letterhead = await loadLetterhead(deps, file.locationId);
  await auditFileRead(deps.db, deps.clock, actor!, { fileId, what: 'case_file.export', ...origin });
  const processId = randomUUID();
  const now = deps.clock.now();
  const zip = new yazl.ZipFile();
  const xml = abgabeMessage({ ...file, sender: { office: letterhead.authority, location: file.locationName } }, processId, now);
  zip.addBuffer(Buffer.from(xml, 'utf8'), `${processId}_0401.xml`, { mtime: now });
  // PDFs and images are compressed already: stored as they are, which keeps the export fast.
  for (const document of file.documents)
    for (const version of document.versions)
      zip.addReadStreamLazy(primaryFileName(document.id, version), { mtime: version.createdAt, compress: false }, (callback) => {
        deps.blobs.get(version.sha256).then(
          (stream) => callback(null, stream),
          (error: Error) => callback(error, undefined as unknown as NodeJS.ReadableStream),
        );
      });
  zip.end();
  const safeReference = file.reference.replace(/[^A-Za-z0-9-]+/g, '_');
  return { fileName: `akte-${safeReference}-xdomea-0401.zip`, stream: zip.outputStream as unknown as Readable };
}
