import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { AppError, isAppError } from '../../../shared/app-error.ts';
import { clientIp, currentStaff, requireStaff } from '../../staff/index.ts';
import { addNewVersion, uploadDocument } from './upload-document.ts';
import { deleteDocument } from './delete-document.ts';
import { documentCategories } from './document-deps.ts';
import type { DocumentSummary } from './document-queries.ts';
import type { DocumentRouteDeps } from './document-routes.tsx';
import { versionResponse } from './download-response.ts';
import { editDocument } from './edit-document.ts';
import { lockDocument, unlockDocument } from './lock-document.ts';
import { listDocuments, openDocumentVersion, viewDocument } from './open-document.ts';

const tags = ['Case file documents'];
const security = [{ bearerAuth: [] }];
const fileParams = z.object({ fileId: z.uuid().openapi({ param: { name: 'fileId', in: 'path' } }) });
const documentParams = fileParams.extend({ documentId: z.uuid().openapi({ param: { name: 'documentId', in: 'path' } }) });
const versionParams = documentParams.extend({
  number: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'number', in: 'path' } }),
});

const documentSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    category: z.enum(documentCategories),
    receivedOn: z.string().nullable(),
    datedOn: z.string().nullable(),
    sender: z.string().nullable(),
    procedureId: z.uuid().nullable(),
    currentVersion: z.number().int(),
    version: z.number().int().openapi({ description: 'Changes with every change of the document; the ETag is `"<version>"`' }),
    mediaType: z.string(),
    pageCount: z.number().int().nullable(),
    textState: z.enum(['pending', 'extracted', 'no_text', 'failed']),
    lockedBy: z.string().nullable(),
    lockedUntil: z.string().nullable(),
  })
  .openapi('CaseDocument');
const metadataBody = z
  .object({
    title: z.string().min(1).max(300),
    category: z.enum(documentCategories),
    receivedOn: z.iso.date().nullable().optional(),
    datedOn: z.iso.date().nullable().optional(),
    sender: z.string().max(300).nullable().optional(),
    procedureId: z.uuid().nullable().optional(),
  })
  .openapi('CaseDocumentMetadata');
const uploadQuery = metadataBody.extend({ fileName: z.string().min(1).max(255) });
const binary = { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } };
const versionAnswer = z.object({ documentId: z.uuid(), number: z.number().int() }).openapi('CaseDocumentVersionAdded');

const present = ({ lockedById: _, lockedByName, lockedUntil, createdAt: __, ...rest }: DocumentSummary) => ({
  ...rest,
  category: rest.category as (typeof documentCategories)[number],
  textState: rest.textState as 'pending',
  lockedBy: lockedByName,
  lockedUntil: lockedUntil?.toISOString() ?? null,
});

const errors = {
  401: { description: 'Not signed in' },
  403: { description: 'Not allowed at this file’s location' },
  404: { description: 'No such file, document or version' },
};
const route = (spec: Parameters<typeof createRoute>[0]) => createRoute({ tags, security, ...spec, responses: { ...errors, ...spec.responses } });

const routes = {
  list: route({
    method: 'get',
    path: '/api/v1/files/{fileId}/documents',
    summary: 'The documents of a file (audited)',
    request: { params: fileParams },
    responses: { 200: { description: 'Documents', content: { 'application/json': { schema: z.object({ documents: z.array(documentSchema) }) } } } },
  }),
  upload: route({
    method: 'post',
    path: '/api/v1/files/{fileId}/documents',
    summary: 'Adds a document with its first version: the body is the file, streamed (Content-Type: what it is said to be)',
    description:
      'The media type is detected from the content; a declared PDF that is none, or a kind outside the allow-list, is a 422. Past the upload limit: 413. With a virus scanner configured the bytes are scanned: malware found is a 422 (`problem: infected`), the scanner unreachable a 503 (`problem: scan_unavailable`); either way nothing is stored.',
    request: { params: fileParams, query: uploadQuery, body: { content: binary, required: true } },
    responses: {
      201: { description: 'Added', content: { 'application/json': { schema: versionAnswer } } },
      413: { description: 'Larger than the upload limit' },
      422: { description: 'Invalid metadata, or content not accepted (malware found: `problem: infected`)' },
      503: { description: 'The virus scanner gave no verdict (`problem: scan_unavailable`); nothing stored, try again later' },
    },
  }),
  show: route({
    method: 'get',
    path: '/api/v1/files/{fileId}/documents/{documentId}',
    summary: 'A document’s metadata (audited as opening it); ETag for If-Match',
    request: { params: documentParams },
    responses: { 200: { description: 'The document', content: { 'application/json': { schema: documentSchema } } } },
  }),
  edit: route({
    method: 'patch',
    path: '/api/v1/files/{fileId}/documents/{documentId}',
    summary: 'Changes the metadata; If-Match with the ETag of the state it is based on is required',
    request: { params: documentParams, body: { content: { 'application/json': { schema: metadataBody } }, required: true } },
    responses: {
      200: { description: 'Changed', content: { 'application/json': { schema: documentSchema } } },
      409: { description: 'Locked by another clerk' },
      412: { description: 'Changed by someone else since (stale If-Match)' },
      422: { description: 'Invalid metadata' },
      428: { description: 'No If-Match' },
    },
  }),
  remove: route({
    method: 'delete',
    path: '/api/v1/files/{fileId}/documents/{documentId}',
    summary: 'Deletes a document with all versions',
    request: { params: documentParams },
    responses: { 204: { description: 'Deleted' }, 409: { description: 'Locked by another clerk' } },
  }),
  addVersion: route({
    method: 'post',
    path: '/api/v1/files/{fileId}/documents/{documentId}/versions',
    summary: 'Adds the next version: the body is the file, streamed',
    request: { params: documentParams, query: z.object({ fileName: z.string().min(1).max(255) }), body: { content: binary, required: true } },
    responses: {
      201: { description: 'Added', content: { 'application/json': { schema: versionAnswer } } },
      409: { description: 'Locked by another clerk' },
      413: { description: 'Larger than the upload limit' },
      422: { description: 'Content not accepted (malware found: `problem: infected`)' },
      503: { description: 'The virus scanner gave no verdict (`problem: scan_unavailable`); nothing stored, try again later' },
    },
  }),
  content: route({
    method: 'get',
    path: '/api/v1/files/{fileId}/documents/{documentId}/versions/{number}/content',
    summary: 'The bytes of a version; Range (one range), If-Range; ETag is the SHA-256',
    request: { params: versionParams },
    responses: {
      200: { description: 'The whole file', content: binary },
      206: { description: 'The requested range', content: binary },
      416: { description: 'Range not satisfiable' },
    },
  }),
  lock: route({
    method: 'put',
    path: '/api/v1/files/{fileId}/documents/{documentId}/lock',
    summary: 'Checks the document out for some minutes (default 30, at most 480)',
    request: { params: documentParams, body: { content: { 'application/json': { schema: z.object({ minutes: z.number().int().optional() }) } } } },
    responses: {
      200: { description: 'Locked', content: { 'application/json': { schema: z.object({ lockedUntil: z.string() }) } } },
      409: { description: 'Locked by another clerk' },
    },
  }),
  unlock: route({
    method: 'delete',
    path: '/api/v1/files/{fileId}/documents/{documentId}/lock',
    summary: 'Releases the check-out (own lock, a lock that ran out, or as team lead any lock)',
    request: { params: documentParams },
    responses: { 204: { description: 'Released' }, 409: { description: 'Locked by another clerk' } },
  }),
};

const origin = (c: Context<AppEnv>) => ({ screen: `${c.req.method} ${c.req.routePath}`.slice(0, 200), ip: clientIp(c) });
/** The path's ids, validated by the route's schema. */
const documentIds = (c: Context<AppEnv>) => c.req.valid('param' as never) as { fileId: string; documentId: string };
const etagOf = (version: number) => `"${version}"`;
const ifMatchVersion = (header: string | undefined) => {
  const match = /^(?:W\/)?"(\d+)"$/.exec(header?.trim() ?? '');
  if (!match) throw new AppError('precondition_required', 'If-Match with the document’s ETag is required.');
  return Number(match[1]);
};
const rawBody = (c: Context<AppEnv>) => {
  const body = c.req.raw.body;
  if (!body) throw new AppError('validation_failed', 'The request body must be the file.', { fieldErrors: [{ path: '(body)', message: 'required' }] });
  return body;
};

/** The documents API (JSON + streamed bodies) under /api/v1/files/{fileId}/documents. */
export function documentApiRoutes(deps: DocumentRouteDeps) {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.use('/api/v1/files/:fileId/documents', requireStaff(deps));
  api.use('/api/v1/files/:fileId/documents/*', requireStaff(deps));

  api.openapi(routes.list, async (c) => {
    const { fileId } = documentIds(c);
    const documents = await listDocuments(deps, currentStaff(c), fileId, origin(c));
    return c.json({ documents: documents.map(present) }, 200);
  });

  api.openapi(routes.upload, async (c) => {
    const { fileId } = documentIds(c);
    const { fileName, ...metadata } = c.req.valid('query' as never) as z.infer<typeof uploadQuery>;
    const upload = { body: rawBody(c), fileName, declaredType: c.req.header('content-type') };
    return c.json(await uploadDocument(deps, currentStaff(c), { fileId, metadata, upload }, origin(c)), 201);
  });

  api.openapi(routes.show, async (c) => {
    const { fileId, documentId } = documentIds(c);
    const { document } = await viewDocument(deps, currentStaff(c), { fileId, documentId }, origin(c));
    c.header('etag', etagOf(document.version));
    return c.json(present(document), 200);
  });

  api.openapi(routes.edit, async (c) => {
    const { fileId, documentId } = documentIds(c);
    const basedOn = ifMatchVersion(c.req.header('if-match'));
    const metadata = c.req.valid('json' as never) as z.infer<typeof metadataBody>;
    const actor = currentStaff(c);
    const edited = await editDocument(deps, actor, { fileId, documentId, basedOn, metadata }, origin(c)).catch((error: unknown) => {
      // Changed since the ETag the client holds: HTTP's precondition, not a lock conflict.
      if (isAppError(error) && error.code === 'conflict' && error.details?.currentVersion !== undefined)
        throw new AppError('precondition_failed', error.message, { details: error.details });
      throw error;
    });
    const { document } = await viewDocument(deps, actor, { fileId, documentId }, origin(c));
    c.header('etag', etagOf(edited.version));
    return c.json(present(document), 200);
  });

  // Deleting and releasing answer the same way: done, nothing to show.
  const noContent = (run: typeof deleteDocument) => async (c: Context<AppEnv>) => {
    await run(deps, currentStaff(c), documentIds(c), origin(c));
    return c.body(null, 204);
  };
  api.openapi(routes.remove, noContent(deleteDocument) as never);

  api.openapi(routes.addVersion, async (c) => {
    const upload = { body: rawBody(c), fileName: (c.req.valid('query' as never) as { fileName: string }).fileName, declaredType: c.req.header('content-type') };
    return c.json(await addNewVersion(deps, currentStaff(c), { ...documentIds(c), upload }, origin(c)), 201);
  });

  api.openapi(routes.content, async (c) => {
    const { fileId, documentId, number } = c.req.valid('param' as never) as { fileId: string; documentId: string; number: number };
    const rangeHeader = c.req.header('range');
    const audit = !rangeHeader || /^bytes=0-/.test(rangeHeader);
    const version = await openDocumentVersion(deps, currentStaff(c), { fileId, documentId, number, audit }, origin(c));
    return versionResponse(version, { method: c.req.method, range: rangeHeader, ifRange: c.req.header('if-range'), download: true }) as never;
  });

  api.openapi(routes.lock, async (c) => {
    const { fileId, documentId } = documentIds(c);
    const body = (await c.req.json().catch(() => ({}))) as { minutes?: number };
    const { lockedUntil } = await lockDocument(deps, currentStaff(c), { fileId, documentId, minutes: body.minutes }, origin(c));
    return c.json({ lockedUntil: lockedUntil.toISOString() }, 200);
  });

  api.openapi(routes.unlock, noContent(unlockDocument) as never);

  return api;
}
