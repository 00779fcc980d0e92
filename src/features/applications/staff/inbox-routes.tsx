import { Hono } from 'hono';
import { AppError, isAppError } from '../../../shared/app-error.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { asArray, changeContext, formFields, idParam, requireStaff } from '../../staff/index.ts';
import { acceptApplication } from '../accept-application.ts';
import { applicantBookingChoices, type BookingForApplicantDeps, bookForApplicant } from '../book-for-applicant.ts';
import { decidePersonMatch, personMatchCandidates } from '../decide-person-match.ts';
import { BookForApplicantPage, PersonMatchPage } from './applicant-pages.tsx';
import { listInbox } from '../list-inbox.ts';
import { requestDocuments } from '../../status-lookup/index.ts';
import { applicationForClerk } from '../inbox-store.ts';
import { InboxPage } from './inbox-pages.tsx';

const statusOfRefusal = { conflict: 409, slot_taken: 409, duplicate_booking: 409, validation_failed: 422 } as const;
const refusedHere = new Set<string>(Object.keys(statusOfRefusal));

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

  // The same request as on the procedure's citizen page: the kinds are shown at the status look-up
  // in the person's language, and the notice of "documents missing" tells them by e-mail.
  routes.post('/staff/applications/:id/request-documents', async (c) => {
    const form = await formFields(c);
    const application = await applicationForClerk(deps.db, idParam(c.req.param('id')));
    if (!application) throw new AppError('not_found', 'Diesen Antrag gibt es nicht. / No such application.');
    try {
      await requestDocuments(deps, changeContext(c), { procedureId: application.procedure_id, kinds: asArray(form.kinds), note: form.note });
      return c.redirect('/staff/applications', 303);
    } catch (error) {
      if (!isAppError(error) || !refusedHere.has(error.code)) throw error;
      const typeId = c.req.query('type') || undefined;
      const { rows, types } = await listInbox(deps, changeContext(c), typeId ? idParam(typeId) : undefined);
      c.status(statusOfRefusal[error.code as keyof typeof statusOfRefusal]);
      const messages = error.fieldErrors?.map((e) => e.message) ?? [error.message];
      return c.html(<InboxPage c={c} rows={rows} types={types} typeId={typeId} refused={{ applicationId: application.id, messages }} />);
    }
  });

  routes.get('/staff/applications/:id/appointment', async (c) => {
    const choices = await applicantBookingChoices(deps, changeContext(c), idParam(c.req.param('id')), {
      serviceId: c.req.query('serviceId') || undefined,
      from: c.req.query('from') || undefined,
    });
    return c.html(<BookForApplicantPage c={c} choices={choices} />);
  });

  routes.post('/staff/applications/:id/appointment', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await formFields(c);
    try {
      await bookForApplicant(deps, changeContext(c), { ...form, applicationId: id });
      return c.redirect(`/staff/applications/${id}/appointment`, 303);
    } catch (error) {
      // The clerk reads why on the page itself and picks another time right there.
      if (!isAppError(error) || !refusedHere.has(error.code)) throw error;
      const serviceId = typeof form.serviceId === 'string' ? form.serviceId : undefined;
      const choices = await applicantBookingChoices(deps, changeContext(c), id, { serviceId });
      c.status(statusOfRefusal[error.code as keyof typeof statusOfRefusal]);
      return c.html(<BookForApplicantPage c={c} choices={choices} error={error.message} />);
    }
  });

  routes.get('/staff/applications/:id/match', async (c) => {
    const match = await personMatchCandidates(deps, changeContext(c), idParam(c.req.param('id')));
    return c.html(<PersonMatchPage c={c} match={match} />);
  });

  routes.post('/staff/applications/:id/match', async (c) => {
    const id = idParam(c.req.param('id'));
    const form = await formFields(c);
    try {
      await decidePersonMatch(deps, changeContext(c), { ...form, applicationId: id });
      return c.redirect('/staff/applications', 303);
    } catch (error) {
      if (!isAppError(error) || !refusedHere.has(error.code)) throw error;
      const match = await personMatchCandidates(deps, changeContext(c), id);
      c.status(statusOfRefusal[error.code as keyof typeof statusOfRefusal]);
      return c.html(<PersonMatchPage c={c} match={match} error={error.message} />);
    }
  });

  return routes;
}
