import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { changeContext, formFields, idParam, requireStaff } from '../../staff/index.ts';
import { acceptApplication } from '../accept-application.ts';
import { applicantBookingChoices, type BookingForApplicantDeps, bookForApplicant } from '../book-for-applicant.ts';
import { decidePersonMatch, personMatchCandidates } from '../decide-person-match.ts';
import { BookForApplicantPage, PersonMatchPage } from './applicant-pages.tsx';
import { listInbox } from '../list-inbox.ts';
import { requestDocuments } from '../request-documents.ts';
import { InboxPage } from './inbox-pages.tsx';

/** The clerks' inbox of new online applications (case_file.write at the application's location). */
export function inboxRoutes(deps: BookingForApplicantDeps) {
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

  routes.get('/staff/applications/:id/appointment', async (c) => {
    const choices = await applicantBookingChoices(deps, changeContext(c), idParam(c.req.param('id')), {
      serviceId: c.req.query('serviceId') || undefined,
      from: c.req.query('from') || undefined,
    });
    return c.html(<BookForApplicantPage c={c} choices={choices} />);
  });

  routes.post('/staff/applications/:id/appointment', async (c) => {
    const form = await formFields(c);
    await bookForApplicant(deps, changeContext(c), { ...form, applicationId: idParam(c.req.param('id')) });
    return c.redirect(`/staff/applications/${idParam(c.req.param('id'))}/appointment`, 303);
  });

  routes.get('/staff/applications/:id/match', async (c) => {
    const match = await personMatchCandidates(deps, changeContext(c), idParam(c.req.param('id')));
    return c.html(<PersonMatchPage c={c} match={match} />);
  });

  routes.post('/staff/applications/:id/match', async (c) => {
    const form = await formFields(c);
    await decidePersonMatch(deps, changeContext(c), { ...form, applicationId: idParam(c.req.param('id')) });
    return c.redirect('/staff/applications', 303);
  });

  return routes;
}
