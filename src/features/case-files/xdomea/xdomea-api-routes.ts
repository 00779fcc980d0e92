import { Readable } from 'node:stream';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { AppError } from '../../../shared/app-error.ts';
import { requireStaff } from '../../staff/index.ts';
import { exportCaseFile } from './export-case-file.ts';
import { getImportJob, importJobReport, listImportJobs, startImportJob } from './import-jobs.ts';
import type { ImportSummary } from './import-store.ts';
import { importDeps, saveUpload, type XdomeaHttpDeps } from './xdomea-http.ts';

const importJob = z
  .object({
    id: z.uuid(),
    kind: z.enum(['xdomea', 'csv']),
    sourceName: z.string(),
    state: z.enum(['running', 'done', 'failed', 'interrupted']),
    rowsTotal: z.number().int(),
    rowsDone: z.number().int().openapi({ description: 'imported, replaced or unchanged' }),
    rowsQuarantined: z.number().int(),
    startedBy: z.string(),
    startedAt: z.string(),
    heartbeatAt: z.string(),
    finishedAt: z.string().nullable(),
    message: z.string().nullable(),
  })
  .openapi('ImportJob');

const toJson = (job: ImportSummary) => ({
  ...job,
  startedAt: job.startedAt.toISOString(),
  heartbeatAt: job.heartbeatAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

const idParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const security = [{ bearerAuth: [] }];
const tags = ['Case files: import and export'];

const startRoute = createRoute({
  method: 'post',
  path: '/api/v1/imports',
  tags,
  security,
  summary: 'Start an import of a delivery (zip with an xdomea 0401/0503 message or a CSV manifest); answers once it runs',
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ delivery: z.any().openapi({ type: 'string', format: 'binary' }), locationId: z.uuid() }),
        },
      },
    },
  },
  responses: {
    202: { description: 'Started', content: { 'application/json': { schema: importJob } } },
    400: { description: 'The zip is refused (path traversal, links, zip bomb) or has no manifest' },
    409: { description: 'The same delivery is being imported right now' },
  },
});
const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/imports',
  tags,
  security,
  summary: 'The latest imports with their state and counts',
  responses: { 200: { description: 'Imports, newest first', content: { 'application/json': { schema: z.object({ imports: z.array(importJob) }) } } } },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/imports/{id}',
  tags,
  security,
  summary: 'One import with its counts (poll it for progress)',
  request: { params: idParams },
  responses: { 200: { description: 'The import', content: { 'application/json': { schema: importJob } } }, 404: { description: 'No such import' } },
});
const reportRoute = createRoute({
  method: 'get',
  path: '/api/v1/imports/{id}/report',
  tags,
  security,
  summary: 'The per-row report of an import (CSV: row_key, outcome, reason, document_id, at)',
  request: { params: idParams },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, 404: { description: 'No such import' } },
});
const exportRoute = createRoute({
  method: 'get',
  path: '/api/v1/files/{id}/export',
  tags,
  security,
  summary: "A person's whole file as an xdomea 3.0 Abgabe (0401) zip (audited)",
  request: { params: idParams },
  responses: {
    200: {
      description: 'The zip: <ProzessID>_0401.xml and every version of every document',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    404: { description: 'No such file' },
  },
});

/** The JSON API of imports and exports (staff sessions or tokens; imports: case_file.import). */
export function xdomeaApiRoutes(deps: XdomeaHttpDeps) {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.use('/api/v1/imports', requireStaff(deps, 'case_file.import'));
  api.use('/api/v1/imports/*', requireStaff(deps, 'case_file.import'));
  api.use('/api/v1/files/:id/export', requireStaff(deps));

  api.openapi(startRoute, async (c) => {
    const body = await c.req.parseBody();
    const locationId = z.uuid().safeParse(body.locationId);
    if (!locationId.success)
      throw new AppError('validation_failed', 'locationId must be a location id.', { fieldErrors: [{ path: 'locationId', message: 'a uuid' }] });
    const upload = await saveUpload(body.delivery);
    const { importId } = await startImportJob(importDeps(deps), c.get('actor'), { ...upload, locationId: locationId.data });
    return c.json(toJson(await getImportJob(deps, c.get('actor'), importId)), 202);
  });
  api.openapi(listRoute, async (c) => c.json({ imports: (await listImportJobs(deps, c.get('actor'))).map(toJson) }, 200));
  api.openapi(getRoute, async (c) => c.json(toJson(await getImportJob(deps, c.get('actor'), c.req.valid('param').id)), 200));
  api.openapi(reportRoute, async (c) => {
    const { csv } = await importJobReport(deps, c.get('actor'), c.req.valid('param').id);
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store' });
  });
  api.openapi(exportRoute, async (c) => {
    const exported = await exportCaseFile(importDeps(deps), c.get('actor'), c.req.valid('param').id, { screen: 'GET /api/v1/files/{id}/export' });
    return c.body(Readable.toWeb(exported.stream) as ReadableStream, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${exported.fileName}"`,
      'cache-control': 'no-store',
    });
  });
  return api;
}
