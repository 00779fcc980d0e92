import type { StagedBlob } from '../../platform/storage/blob-store.ts';
import { cleanFileName, insertBlobRow, isInfected, receiveUpload, type Upload } from '../case-files/index.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ApplicationDeps } from './application-deps.ts';
import { alreadySubmitted, applicationProblem, unknownApplication } from './application-errors.ts';
import { applicationByToken, uploadsOf } from './application-store.ts';
import { versionById } from './form-store.ts';
import { checkApplicantPdf } from './pdf-check.ts';

/**
 * A file for an upload field of an application, checked by its content: the kind detected from
 * the bytes (a renamed .exe is no PDF) among the field's allowed kinds, not empty, within the
 * field's size, a PDF without scripts and within the field's pages. Refused uploads leave nothing;
 * an accepted one is a row naming its blob, committed in the same transaction.
 */
export async function addUpload(
  deps: Pick<ApplicationDeps, 'db' | 'clock' | 'blobs' | 'uploadMaxBytes' | 'virusScanner'>,
  input: { token: string; fieldKey: string; upload: Upload },
): Promise<{ uploadId: string }> {
  const { field, maxBytes } = await uploadField(deps, input.token, input.fieldKey);
  // PDFs are checked whole (scripts, pages): the bytes are kept while streaming, up to the field's limit.
  const kept: Uint8Array[] = [];
  const keeping = field.accept.includes('application/pdf');
  let total = 0;
  async function* body() {
    for await (const chunk of input.upload.body) {
      total += chunk.byteLength;
      if (keeping) kept.push(chunk);
      yield chunk;
    }
  }
  let received: { staged: StagedBlob; mediaType: string };
  try {
    // The documents' upload step: staged, scanned by clamd when configured (infected 422, no verdict 503), kind by content.
    received = await receiveUpload({ blobs: deps.blobs, uploadMaxBytes: maxBytes, virusScanner: deps.virusScanner }, { ...input.upload, body: body() });
  } catch (error) {
    if (isInfected(error)) throw error;
    if (error instanceof AppError && error.code === 'payload_too_large') throw tooLarge(maxBytes);
    if (error instanceof AppError && error.code === 'validation_failed') throw total === 0 ? empty() : wrongKind();
    throw error;
  }
  const { staged, mediaType } = received;
  try {
    if (staged.size === 0) throw empty();
    if (!field.accept.includes(mediaType)) throw wrongKind();
    let pages: number | null = null;
    if (mediaType === 'application/pdf') {
      const checked = await checkApplicantPdf(Buffer.concat(kept));
      if (!checked.ok)
        throw applicationProblem(
          'validation_failed',
          checked.problem,
          'Diese PDF-Datei wird nicht angenommen (beschädigt oder mit Skripten). / This PDF is refused (damaged or with scripts).',
        );
      if (field.maxPages !== undefined && checked.pages > field.maxPages)
        throw applicationProblem('validation_failed', 'too_many_pages', `Die PDF-Datei hat mehr als ${field.maxPages} Seiten. / Too many pages.`, {
          max: field.maxPages,
        });
      pages = checked.pages;
    }
    const now = deps.clock.now();
    return await deps.db.transaction().execute(async (trx) => {
      // Under the application's lock: no upload slips in after the submission, nor past the field's count.
      const locked = await applicationByToken(trx, input.token, { forUpdate: true });
      if (locked?.state !== 'draft') throw alreadySubmitted();
      const count = (await uploadsOf(trx, locked.id)).filter((u) => u.field_key === field.key).length;
      if (count >= field.maxFiles)
        throw applicationProblem('validation_failed', 'too_many_files', `Höchstens ${field.maxFiles} Dateien. / At most ${field.maxFiles} files.`, {
          max: field.maxFiles,
        });
      await insertBlobRow(trx, { sha256: staged.sha256, size: staged.size, mediaType }, now);
      const row = await trx
        .insertInto('application_upload')
        .values({
          application_id: locked.id,
          field_key: field.key,
          blob_sha256: staged.sha256,
          media_type: mediaType,
          size: staged.size,
          file_name: cleanFileName(input.upload.fileName),
          page_count: pages,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The upload row now holds the blob row: retention cannot delete it before we are done.
      await staged.commit();
      return { uploadId: row.id };
    });
  } finally {
    await staged.discard();
  }
}

/**
 * The file field an upload is for, with its size limit: only for an application that exists and
 * is not submitted, and only a field of the kind `file` (the resumable uploads ask this before the
 * first byte, to refuse an Upload-Length over the limit at once).
 */
export async function uploadField(deps: Pick<ApplicationDeps, 'db' | 'uploadMaxBytes'>, token: string, fieldKey: string) {
  const application = await applicationByToken(deps.db, token);
  if (!application) throw unknownApplication();
  if (application.state !== 'draft') throw alreadySubmitted();
  const version = await versionById(deps.db, application.form_version_id);
  const field = version?.definition.steps.flatMap((s) => s.fields).find((f) => f.key === fieldKey);
  if (field?.kind !== 'file') throw applicationProblem('validation_failed', 'tampered', 'Dieses Feld nimmt keine Dateien an. / This field takes no files.');
  return { field, maxBytes: Math.min(field.maxBytes, deps.uploadMaxBytes) };
}

const tooLarge = (max: number) =>
  applicationProblem('payload_too_large', 'too_large', `Die Datei ist größer als ${Math.round(max / 1024 / 1024)} MB. / The file is too large.`, {
    max: Math.round(max / 1024 / 1024),
  });
const empty = () => applicationProblem('validation_failed', 'empty', 'Die Datei ist leer. / The file is empty.');
const wrongKind = () =>
  applicationProblem('validation_failed', 'wrong_kind', 'Diese Dateiart wird für dieses Feld nicht angenommen. / This kind of file is not accepted here.');

/** Removes one of the application's uploads (before submission); its blob stays for retention to sweep. */
export async function removeUpload(deps: Pick<ApplicationDeps, 'db'>, input: { token: string; uploadId: string }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const application = await applicationByToken(trx, input.token, { forUpdate: true });
    if (!application) throw unknownApplication();
    if (application.state !== 'draft') throw alreadySubmitted();
    await trx.deleteFrom('application_upload').where('id', '=', input.uploadId).where('application_id', '=', application.id).execute();
  });
}
