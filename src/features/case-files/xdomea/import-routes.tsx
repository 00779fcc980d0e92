import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError, isAppError } from '../../../shared/app-error.ts';
import { listLocations } from '../../office/index.ts';
import { currentStaff, idParam, requireStaff, staffT } from '../../staff/index.ts';
import { isScanUnavailable } from '../documents/scan-upload.ts';
import { exportCaseFile } from './export-case-file.ts';
import { getImportJob, importJobReport, listImportJobs, startImportJob } from './import-jobs.ts';
import { ImportListPage, ImportPage, ImportProgress } from './import-pages.tsx';
import { importDeps, saveUpload, type XdomeaHttpDeps } from './xdomea-http.ts';

const csvHeaders = (name: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${name}"`,
  'cache-control': 'no-store',
});

/** Staff pages: the export of a file, and the admin's imports (upload, list, live progress, report). */
export function xdomeaStaffRoutes(deps: XdomeaHttpDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/files/:fileId/export.zip', requireStaff(deps));
  routes.use('/staff/admin/imports', requireStaff(deps, 'case_file.import'));
  routes.use('/staff/admin/imports/*', requireStaff(deps, 'case_file.import'));

  routes.get('/staff/files/:fileId/export.zip', async (c) => {
    const exported = await exportCaseFile(importDeps(deps), c.get('actor'), idParam(c.req.param('fileId')), {
      screen: `${c.req.method} ${c.req.routePath}`,
    });
    return c.body(Readable.toWeb(exported.stream) as ReadableStream, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${exported.fileName}"`,
      'cache-control': 'no-store',
    });
  });

  routes.get('/staff/admin/imports', async (c) => {
    const imports = await listImportJobs(deps, currentStaff(c));
    const locations = await listLocations(deps);
    return c.html(<ImportListPage c={c} imports={imports} locations={locations} />);
  });

  routes.post('/staff/admin/imports', async (c) => {
    const body = await c.req.parseBody();
    const locationId = z.uuid().safeParse(body.locationId);
    if (!locationId.success)
      throw new AppError('validation_failed', 'Bitte einen Standort wählen. / Please choose a location.', {
        fieldErrors: [{ path: 'locationId', message: 'a location' }],
      });
    const upload = await saveUpload(body.delivery);
    try {
      const { importId } = await startImportJob(importDeps(deps), currentStaff(c), { ...upload, locationId: locationId.data });
      return c.redirect(`/staff/admin/imports/${importId}`, 303);
    } catch (error) {
      const imports = () => listImportJobs(deps, currentStaff(c));
      if (isScanUnavailable(error)) {
        c.status(503);
        c.header('Retry-After', '60');
        return c.html(
          <ImportListPage c={c} imports={await imports()} locations={await listLocations(deps)} problem={staffT(c)('staff.imports.list.scan_unavailable')} />,
        );
      }
      // A refused delivery is the admin's to fix: the list again, with the reason on top.
      if (!isAppError(error) || !['bad_request', 'conflict', 'not_found'].includes(error.code)) throw error;
      c.status(error.code === 'conflict' ? 409 : 400);
      return c.html(<ImportListPage c={c} imports={await imports()} locations={await listLocations(deps)} problem={error.message} />);
    }
  });

  routes.get('/staff/admin/imports/:id', async (c) => {
    const job = await getImportJob(deps, currentStaff(c), idParam(c.req.param('id')));
    return c.html(<ImportPage c={c} job={job} />);
  });

  routes.get('/staff/admin/imports/:id/live', async (c) => {
    const job = await getImportJob(deps, currentStaff(c), idParam(c.req.param('id')));
    return c.html(<ImportProgress c={c} job={job} />);
  });

  // Progress events while the import runs (the page then fetches /live again, as desk and reception do).
  routes.get('/staff/admin/imports/:id/events', async (c) => {
    const actor = currentStaff(c);
    const id = idParam(c.req.param('id'));
    await getImportJob(deps, actor, id);
    return streamSSE(c, async (stream) => {
      let last = '';
      for (let tick = 0; tick < 3600 && !stream.aborted; tick++) {
        const job = await getImportJob(deps, actor, id);
        const now = `${job.state}:${job.rowsDone}:${job.rowsQuarantined}`;
        if (now !== last) await stream.writeSSE({ event: 'queue', data: now });
        last = now;
        if (job.state !== 'running') break;
        await stream.sleep(1000);
      }
    });
  });

  routes.get('/staff/admin/imports/:id/report.csv', async (c) => {
    const { csv, summary } = await importJobReport(deps, currentStaff(c), idParam(c.req.param('id')));
    return c.body(csv, 200, csvHeaders(`import-${summary.startedAt.toISOString().slice(0, 10)}-${summary.id.slice(0, 8)}.csv`));
  });

  return routes;
}
