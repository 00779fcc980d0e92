import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { changeContext, formFields, idParam, requireStaff } from '../../staff/index.ts';
import { acceptApplication } from '../accept-application.ts';
import type { ApplicationDeps } from '../application-deps.ts';
import { listInbox } from '../list-inbox.ts';
import { requestDocuments } from '../request-documents.ts';
import { InboxPage } from './inbox-pages.tsx';

/** The clerks' inbox of new online applications (case_file.write at the application's location). */
export function inboxRoutes(deps: Pick<ApplicationDeps, 'db' | 'clock' | 'jobs'>) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/applications', requireStaff(deps, 'case_file.write'));
  routes.use('/staff/applications/*', requireStaff(deps, 'case_file.write'));

  routes.get('/staff/applications', async (c) => {
    const typeId = c.req.query('type') || undefined;
    const { rows, types } = await listInbox(deps, changeContext(c), typeId ? idParam(typeId) : undefined);
    return c.html(<InboxPage c={c} rows={rows} types={types} typeId={typeId} />);
  });

  routes.post('/staff/applications/:id/accept', async (c) => {
    await acceptApplication(deps, changeContext(c), idParam(c.req.param('id')));
    return c.redirect('/staff/applications', 303);
  });

  routes.post('/staff/applications/:id/request-documents', async (c) => {
    const form = await formFields(c);
    await requestDocuments(deps, changeContext(c), { ...form, applicationId: idParam(c.req.param('id')) });
    return c.redirect('/staff/applications', 303);
  });

  return routes;
}
