import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError, isAppError } from '../../../shared/app-error.ts';
import { localDay } from '../../../web/format.ts';
import { changeContext, currentStaff, formFields, idParam, requireStaff, roleMay } from '../../staff/index.ts';
import { addNote } from '../add-note.ts';
import type { CaseFileDeps } from '../case-file-deps.ts';
import { changeProcedureStatus } from '../change-procedure-status.ts';
import { closeFile } from '../close-file.ts';
import { createPersonWithFile, locationsForNewFile } from '../create-person-file.ts';
import { fileAccessLog } from '../file-access-log.ts';
import { identifyPerson } from '../identify-person.ts';
import { linkFamily } from '../link-family.ts';
import { unlinkFamily } from '../unlink-family.ts';
import { linkCandidates, linkVisit } from '../link-visit.ts';
import { documentsOfFile } from '../documents/document-queries.ts';
import { openCaseFile } from '../open-case-file.ts';
import { openProcedure } from '../open-procedure.ts';
import { fileOfProcedure, personOfFile, preparedFileOfTicket } from '../prepared-file.ts';
import { setResidenceTitle } from '../set-residence-title.ts';
import { suspendOrResumeProcedure } from '../suspend-procedure.ts';
import { updatePerson } from '../update-person.ts';
import { updateProcedure } from '../update-procedure.ts';
import { CaseFilePage, type PageProblem, type TypedEntry } from './case-file-page.tsx';
import { AccessLogPage, IdentityPage, LinkVisitPage, NewFilePage } from './other-pages.tsx';

const personFieldNames = [
  'familyName',
  'givenNames',
  'birthName',
  'birthDate',
  'placeOfBirth',
  'countryOfBirth',
  'nationalities',
  'sex',
  'addressStreet',
  'addressPostalCode',
  'addressCity',
  'email',
  'phone',
  'preferredLanguage',
  'azrNumber',
  'formerNames',
  'nameVariants',
];
const personPart = (form: Record<string, string | string[]>) => Object.fromEntries(personFieldNames.filter((k) => k in form).map((k) => [k, form[k]]));

/** Refusals a clerk can fix (invalid input, a change made meanwhile) are shown on the page they came from. */
const fixable = (error: unknown): error is AppError => isAppError(error) && (error.code === 'validation_failed' || error.code === 'conflict');

/**
 * The case file's staff pages: create a file, the file page and its forms, reception's identity view,
 * linking visits to persons, the access log. Clerks and team leads of the file's location read and
 * change it; reception (case_file.identify) sees the identity view; kiosk and display nothing.
 */
export function caseFileStaffRoutes(deps: CaseFileDeps) {
  const routes = new Hono<AppEnv>();
  for (const path of ['/staff/files', '/staff/files/*', '/staff/procedures/*', '/staff/link', '/staff/tickets/*']) routes.use(path, requireStaff(deps));

  /** The file page, or what the actor may see of it; with a problem from a refused form (409/422). */
  const showFile = async (c: Context<AppEnv>, fileId: string, problem?: PageProblem, status: 200 | 409 | 422 = 200, typed?: TypedEntry) => {
    const actor = currentStaff(c);
    if (!roleMay(actor.role, 'case_file.read')) {
      const view = await identifyPerson(deps, changeContext(c), fileId);
      return c.html(<IdentityPage c={c} view={view} timeZone="Europe/Berlin" />);
    }
    const view = await openCaseFile(deps, changeContext(c), fileId);
    // The list is part of the file just opened (and audited as opened): titles, categories, versions.
    const documents = await documentsOfFile(deps.db, fileId);
    const now = deps.clock.now();
    return c.html(
      <CaseFilePage c={c} view={view} documents={documents} now={now} today={localDay(now, view.file.time_zone)} problem={problem} typed={typed} />,
      status,
    );
  };

  /** Runs a form's use case; a fixable refusal shows the file again with the message, anything else goes to the error edge. */
  const onFile = (path: string, run: (c: Context<AppEnv>, fileId: string, form: Record<string, string | string[]>) => Promise<unknown>, anchor = '') =>
    routes.post(path, async (c) => {
      const form = await formFields(c);
      const fileId = c.req.param('fileId') ? idParam(c.req.param('fileId')) : await fileOfProcedure(deps, idParam(c.req.param('procedureId')));
      try {
        await run(c, fileId, form);
      } catch (error) {
        if (!fixable(error)) throw error;
        const typed = { form: path.slice(path.lastIndexOf('/') + 1), values: form };
        return showFile(c, fileId, { message: error.message, fieldErrors: error.fieldErrors }, error.code === 'conflict' ? 409 : 422, typed);
      }
      return c.redirect(`/staff/files/${fileId}${anchor}`, 303);
    });

  routes.get('/staff/files/new', async (c) => {
    const locations = await locationsForNewFile(deps, changeContext(c));
    return c.html(<NewFilePage c={c} locations={locations} />);
  });

  routes.post('/staff/files', async (c) => {
    const form = await formFields(c);
    const input = { person: personPart(form), reference: form.reference, locationId: form.locationId };
    try {
      const { fileId } = await createPersonWithFile(deps, changeContext(c), input);
      return c.redirect(`/staff/files/${fileId}`, 303);
    } catch (error) {
      if (!fixable(error)) throw error;
      const locations = await locationsForNewFile(deps, changeContext(c));
      return c.html(
        <NewFilePage c={c} locations={locations} typed={form} problem={{ message: error.message, fieldErrors: error.fieldErrors }} />,
        error.code === 'conflict' ? 409 : 422,
      );
    }
  });

  routes.get('/staff/files/:fileId', (c) => showFile(c, idParam(c.req.param('fileId'))));

  onFile(
    '/staff/files/:fileId/person',
    async (c, fileId, form) =>
      updatePerson(deps, changeContext(c), { personId: await personOfFile(deps, fileId), basedOnVersion: form.basedOnVersion, person: personPart(form) }),
    '#person',
  );
  onFile('/staff/files/:fileId/title', (c, fileId, form) => setResidenceTitle(deps, changeContext(c), { ...form, fileId }), '#title');
  onFile('/staff/files/:fileId/family', (c, fileId, form) => linkFamily(deps, changeContext(c), { ...form, fileId }), '#person');
  onFile('/staff/files/:fileId/family/remove', (c, fileId, form) => unlinkFamily(deps, changeContext(c), { ...form, fileId }), '#person');
  onFile('/staff/files/:fileId/procedures', (c, fileId, form) => openProcedure(deps, changeContext(c), { ...form, fileId }), '#procedures');
  onFile('/staff/files/:fileId/notes', (c, fileId, form) => addNote(deps, changeContext(c), { ...form, fileId }), '#notes');
  onFile('/staff/files/:fileId/close', (c, fileId, form) => closeFile(deps, changeContext(c), { ...form, fileId }));
  const procedureId = (c: Context<AppEnv>) => idParam(c.req.param('procedureId'));
  onFile(
    '/staff/procedures/:procedureId/status',
    (c, _f, form) => changeProcedureStatus(deps, changeContext(c), { ...form, procedureId: procedureId(c) }),
    '#procedures',
  );
  onFile(
    '/staff/procedures/:procedureId/details',
    (c, _f, form) => updateProcedure(deps, changeContext(c), { ...form, procedureId: procedureId(c) }),
    '#procedures',
  );
  onFile(
    '/staff/procedures/:procedureId/suspension',
    (c, _f, form) => suspendOrResumeProcedure(deps, changeContext(c), { ...form, procedureId: procedureId(c) }),
    '#procedures',
  );

  routes.get('/staff/files/:fileId/access-log', async (c) => {
    const entries = await fileAccessLog(deps, changeContext(c), idParam(c.req.param('fileId')));
    return c.html(<AccessLogPage c={c} entries={entries} />);
  });

  const visitOf = (values: Record<string, unknown>) => {
    if (typeof values.appointment === 'string') return { appointmentId: values.appointment };
    if (typeof values.ticket === 'string') return { ticketId: values.ticket };
    throw new AppError('not_found', 'Kein Termin und keine Wartenummer angegeben. / No appointment or ticket given.');
  };

  routes.get('/staff/link', async (c) => {
    const query = c.req.query();
    const result = await linkCandidates(deps, changeContext(c), { visit: visitOf(query), name: query.name, dateOfBirth: query.dob });
    return c.html(<LinkVisitPage c={c} result={result} />);
  });

  routes.post('/staff/link', async (c) => {
    const form = await formFields(c);
    const visit = visitOf(form);
    try {
      const { fileId } = await linkVisit(deps, changeContext(c), { visit, personId: form.personId });
      return c.redirect(`/staff/files/${fileId}`, 303);
    } catch (error) {
      if (!fixable(error)) throw error;
      const result = await linkCandidates(deps, changeContext(c), { visit });
      return c.html(<LinkVisitPage c={c} result={result} problem={error.message} />, error.code === 'conflict' ? 409 : 422);
    }
  });

  // The desk's link from the current ticket: the prepared file, or the linking page when there is none yet.
  routes.get('/staff/tickets/:ticketId/file', async (c) => {
    const ticketId = idParam(c.req.param('ticketId'));
    const fileId = await preparedFileOfTicket(deps, changeContext(c), ticketId);
    return c.redirect(fileId ? `/staff/files/${fileId}` : `/staff/link?ticket=${ticketId}`, 303);
  });

  return routes;
}
