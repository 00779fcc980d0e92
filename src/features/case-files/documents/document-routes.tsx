import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { changeContext, idParam, parseForm, requireStaff } from '../../staff/index.ts';
import { addDocumentNote } from './add-document-note.ts';
import { addNewVersion, uploadDocument } from './upload-document.ts';
import { deleteDocument } from './delete-document.ts';
import type { UploadDeps } from './document-deps.ts';
import { DocumentsPage, DocumentViewerPage, UploadRefusedPage } from './document-pages.tsx';
import { versionResponse } from './download-response.ts';
import { editDocument } from './edit-document.ts';
import { lockDocument, unlockDocument } from './lock-document.ts';
import { listDocuments, openDocumentVersion, viewDocument } from './open-document.ts';
import { pageImages } from './page-images.ts';
import { isInfected, isScanUnavailable } from './scan-upload.ts';
import { fieldText, multipartParts } from './streamed-upload.ts';
import type { TextJobs } from './text-extraction-job.ts';

export type DocumentRouteDeps = UploadDeps & { jobs: TextJobs };

const versionNumber = (value: string | undefined) => {
  const parsed = z.coerce.number().int().min(1).max(1_000_000).safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'Diese Fassung gibt es nicht. / There is no such version.');
  return parsed.data;
};
const origin = (c: Context<AppEnv>) => {
  const { screen, ip } = changeContext(c);
  return { screen, ip };
};

/**
 * A multipart upload read as it arrives: the metadata fields first (the form puts them before the
 * file), then the file part handed to the use case as a stream. Returns what the use case returned.
 */
async function withUploadedFile<T>(
  c: Context<AppEnv>,
  handle: (fields: Record<string, string>, file: { body: AsyncIterable<Uint8Array>; fileName: string; declaredType: string | undefined }) => Promise<T>,
): Promise<T> {
  const body = c.req.raw.body;
  if (!body) throw new AppError('bad_request', 'Keine Datei gesendet. / No file was sent.');
  const fields: Record<string, string> = {};
  for await (const part of multipartParts(body, c.req.header('content-type'))) {
    if (part.fileName === undefined) {
      fields[part.name] = await fieldText(part);
      continue;
    }
    if (part.name !== 'file') continue;
    return handle(fields, { body: part.body, fileName: part.fileName, declaredType: part.contentType });
  }
  throw new AppError('validation_failed', 'Bitte eine Datei wählen. / Please choose a file.', { fieldErrors: [{ path: 'file', message: 'missing' }] });
}

/** The virus scan's refusal as the clerk's page (422 infected, 503 no verdict); other errors go to the error edge. */
function refusedByScan(c: Context<AppEnv>, fileId: string, error: unknown): Response | Promise<Response> {
  const back = `/staff/files/${fileId}/documents`;
  if (isInfected(error)) return c.html(<UploadRefusedPage c={c} problem="infected" back={back} />, 422);
  if (isScanUnavailable(error)) {
    c.header('Retry-After', '60');
    return c.html(<UploadRefusedPage c={c} problem="scan_unavailable" back={back} />, 503);
  }
  throw error;
}

/**
 * The documents of a file for clerks: the list with the upload form, the viewer, the bytes (with
 * Range, for the browser's PDF viewer), page images, new versions, edits, check-out, notes, delete.
 */
export function documentRoutes(deps: DocumentRouteDeps) {
  const routes = new Hono<AppEnv>();
  const images = pageImages();
  routes.use('/staff/files/:fileId/documents', requireStaff(deps));
  routes.use('/staff/files/:fileId/documents/*', requireStaff(deps));
  const ids = (c: Context<AppEnv>) => ({ fileId: idParam(c.req.param('fileId')), documentId: idParam(c.req.param('documentId')) });

  routes.get('/staff/files/:fileId/documents', async (c) => {
    const fileId = idParam(c.req.param('fileId'));
    const documents = await listDocuments(deps, changeContext(c).actor, fileId, origin(c));
    return c.html(<DocumentsPage c={c} fileId={fileId} documents={documents} now={deps.clock.now()} maxBytes={deps.uploadMaxBytes} />);
  });

  routes.post('/staff/files/:fileId/documents/upload', async (c) => {
    const fileId = idParam(c.req.param('fileId'));
    try {
      const added = await withUploadedFile(c, (fields, file) =>
        uploadDocument(deps, changeContext(c).actor, { fileId, metadata: fields, upload: file }, origin(c)),
      );
      return c.redirect(`/staff/files/${fileId}/documents/${added.documentId}`, 303);
    } catch (error) {
      return refusedByScan(c, fileId, error);
    }
  });

  routes.get('/staff/files/:fileId/documents/:documentId', async (c) => {
    const { fileId, documentId } = ids(c);
    const viewed = await viewDocument(deps, changeContext(c).actor, { fileId, documentId }, origin(c));
    const pages =
      viewed.document.mediaType === 'application/pdf' && viewed.document.pageCount && (await images.available()) ? range(viewed.document.pageCount, 50) : [];
    return c.html(<DocumentViewerPage c={c} fileId={fileId} {...viewed} pages={pages} now={deps.clock.now()} maxBytes={deps.uploadMaxBytes} />);
  });

  const content = async (c: Context<AppEnv>) => {
    const { fileId, documentId } = ids(c);
    const rangeHeader = c.req.header('range');
    // The viewer's further range requests are not each a new opening of the document.
    const audit = !rangeHeader || /^bytes=0-/.test(rangeHeader);
    const version = await openDocumentVersion(
      deps,
      changeContext(c).actor,
      { fileId, documentId, number: versionNumber(c.req.param('number')), audit },
      origin(c),
    );
    return versionResponse(version, {
      method: c.req.method,
      range: rangeHeader,
      ifRange: c.req.header('if-range'),
      download: c.req.query('download') === '1',
    });
  };
  routes.get('/staff/files/:fileId/documents/:documentId/versions/:number/content', content);

  routes.get('/staff/files/:fileId/documents/:documentId/versions/:number/pages/:page{[0-9]+\\.png}', async (c) => {
    const { fileId, documentId } = ids(c);
    const page = Number.parseInt(c.req.param('page'), 10);
    const version = await openDocumentVersion(
      deps,
      changeContext(c).actor,
      { fileId, documentId, number: versionNumber(c.req.param('number')), audit: false },
      origin(c),
    );
    const png =
      version.mediaType === 'application/pdf' && page >= 1 && page <= (version.pageCount ?? 0)
        ? await images.page(deps.blobs, version.sha256, page)
        : undefined;
    if (!png) throw new AppError('not_found', 'Für diese Seite gibt es kein Bild. / There is no image of this page.');
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png', 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
  });

  routes.post('/staff/files/:fileId/documents/:documentId/versions/upload', async (c) => {
    const { fileId, documentId } = ids(c);
    try {
      await withUploadedFile(c, (_fields, file) => addNewVersion(deps, changeContext(c).actor, { fileId, documentId, upload: file }, origin(c)));
      return c.redirect(`/staff/files/${fileId}/documents/${documentId}`, 303);
    } catch (error) {
      return refusedByScan(c, fileId, error);
    }
  });

  routes.post('/staff/files/:fileId/documents/:documentId/edit', async (c) => {
    const { fileId, documentId } = ids(c);
    const form = await parseForm(c, z.object({ basedOn: z.coerce.number().int().min(1) }).passthrough());
    await editDocument(deps, changeContext(c).actor, { fileId, documentId, basedOn: form.basedOn, metadata: form }, origin(c));
    return c.redirect(`/staff/files/${fileId}/documents/${documentId}`, 303);
  });

  routes.post('/staff/files/:fileId/documents/:documentId/lock', async (c) => {
    const { fileId, documentId } = ids(c);
    const form = await parseForm(c, z.object({ minutes: z.coerce.number().int().optional() }));
    await lockDocument(deps, changeContext(c).actor, { fileId, documentId, minutes: form.minutes }, origin(c));
    return c.redirect(`/staff/files/${fileId}/documents/${documentId}`, 303);
  });

  routes.post('/staff/files/:fileId/documents/:documentId/unlock', async (c) => {
    const { fileId, documentId } = ids(c);
    await unlockDocument(deps, changeContext(c).actor, { fileId, documentId }, origin(c));
    return c.redirect(`/staff/files/${fileId}/documents/${documentId}`, 303);
  });

  routes.post('/staff/files/:fileId/documents/:documentId/notes', async (c) => {
    const { fileId, documentId } = ids(c);
    const form = await parseForm(c, z.object({ text: z.string().default('') }));
    await addDocumentNote(deps, changeContext(c).actor, { fileId, documentId, text: form.text }, origin(c));
    return c.redirect(`/staff/files/${fileId}/documents/${documentId}#notes-h`, 303);
  });

  routes.post('/staff/files/:fileId/documents/:documentId/delete', async (c) => {
    const { fileId, documentId } = ids(c);
    await deleteDocument(deps, changeContext(c).actor, { fileId, documentId }, origin(c));
    return c.redirect(`/staff/files/${fileId}/documents`, 303);
  });

  return routes;
}

const range = (count: number, max: number) => Array.from({ length: Math.min(count, max) }, (_, index) => index + 1);

/**
 * A version's bytes may be shown in a frame of Lotse's own viewer page (the browser's PDF viewer):
 * for those responses only, the app's `frame-ancestors 'none'` becomes `'self'`. Registered in
 * app.tsx before the security headers, so it has the last word on this one header.
 */
export const framableDocumentContent: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (/^\/staff\/files\/[^/]+\/documents\/[^/]+\/versions\/\d+\/content$/.test(c.req.path) && c.res.status < 300)
    c.res.headers.set('content-security-policy', "default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'self'");
};
