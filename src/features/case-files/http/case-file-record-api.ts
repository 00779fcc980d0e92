import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { changeContext, requireStaff } from '../../staff/index.ts';
import { addNote } from '../add-note.ts';
import type { CaseFileDeps } from '../case-file-deps.ts';
import { closeFile } from '../close-file.ts';
import { linkFamily } from '../link-family.ts';
import { unlinkFamily } from '../unlink-family.ts';
import { openCaseFile } from '../open-case-file.ts';
import { setResidenceTitle } from '../set-residence-title.ts';
import { fileIdParam, json, personIdParam, problem, security, tags } from './case-file-schemas.ts';
import { asPrecondition, basedOn, etag } from './if-match.ts';

const titleView = z.object({
  id: z.uuid(),
  kind: z.string(),
  legalBasis: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  cardSerial: z.string().nullable(),
  current: z.boolean(),
});
const fileView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    personId: z.uuid(),
    locationId: z.uuid(),
    state: z.string(),
    closedAt: z.string().nullable(),
    handedOverTo: z.string().nullable(),
    retentionUntil: z.string().nullable(),
    version: z.number().int(),
    residenceTitles: z.array(titleView),
    family: z.array(z.object({ relation: z.string(), personId: z.uuid(), fileId: z.uuid().nullable(), reference: z.string().nullable() })),
    procedures: z.array(z.object({ id: z.uuid(), number: z.string(), statusId: z.uuid(), closed: z.boolean() })),
    notes: z.array(z.object({ id: z.uuid(), text: z.string(), by: z.string(), at: z.string(), procedureNumber: z.string().nullable() })),
  })
  .openapi('CaseFile');
const noteBody = z.object({ text: z.string(), procedureId: z.uuid().optional() }).openapi('CaseNoteInput');
const titleBody = z
  .object({
    kind: z.string(),
    legalBasis: z.string().optional(),
    validFrom: z.string().optional().openapi({ example: '2026-03-05' }),
    validUntil: z.string().optional(),
    cardSerial: z.string().optional(),
  })
  .openapi('ResidenceTitleInput');
const familyBody = z
  .object({ relatedReference: z.string(), relation: z.enum(['spouse', 'child', 'parent']).openapi({ description: 'What the relative is to this person' }) })
  .openapi('FamilyLinkInput');
const closingBody = z.object({ handedOverTo: z.string().optional().openapi({ description: 'The office the file went to; absent when only closed' }) });
const created = json(z.object({ id: z.uuid() }));

const routes = {
  read: createRoute({
    method: 'get',
    path: '/api/v1/case-files/{fileId}',
    tags,
    security,
    summary: 'The whole file: titles, family, procedures, notes (audited as opening it); its version as ETag',
    request: { params: fileIdParam },
    responses: { 200: { description: 'The file', ...json(fileView) }, 403: problem('Not allowed'), 404: problem('No such file') },
  }),
  note: createRoute({
    method: 'post',
    path: '/api/v1/case-files/{fileId}/notes',
    tags,
    security,
    summary: 'Adds a note (Aktenvermerk), optionally to one of the file’s procedures',
    request: { params: fileIdParam, body: { ...json(noteBody), required: true } },
    responses: { 201: { description: 'Added', ...created }, 404: problem('No such file'), 422: problem('Invalid input') },
  }),
  title: createRoute({
    method: 'post',
    path: '/api/v1/case-files/{fileId}/residence-titles',
    tags,
    security,
    summary: 'Records the current residence title (the one before becomes an earlier title)',
    request: { params: fileIdParam, body: { ...json(titleBody), required: true } },
    responses: { 201: { description: 'Recorded', ...created }, 404: problem('No such file'), 422: problem('Invalid input') },
  }),
  family: createRoute({
    method: 'post',
    path: '/api/v1/case-files/{fileId}/family-links',
    tags,
    security,
    summary: 'Links the person with a relative’s file (both directions)',
    request: { params: fileIdParam, body: { ...json(familyBody), required: true } },
    responses: { 204: { description: 'Linked' }, 409: problem('Already linked'), 422: problem('Invalid input') },
  }),
  unlink: createRoute({
    method: 'delete',
    path: '/api/v1/case-files/{fileId}/family-links/{personId}',
    tags,
    security,
    summary: 'Removes the link with a relative (both directions); the relative as the file’s family list names them',
    request: { params: fileIdParam.extend(personIdParam.shape) },
    responses: { 204: { description: 'Removed' }, 409: problem('Not linked (any more)') },
  }),
  close: createRoute({
    method: 'post',
    path: '/api/v1/case-files/{fileId}/closing',
    tags,
    security,
    summary: 'Closes the file or records its hand-over, based on the version named in If-Match',
    request: { params: fileIdParam, body: { ...json(closingBody), required: true } },
    responses: {
      200: { description: 'Closed; kept until the retention date', ...json(z.object({ retentionUntil: z.string() })) },
      409: problem('Open procedures, or already closed'),
      412: problem('Changed meanwhile'),
      428: problem('If-Match missing'),
    },
  }),
};

/** The file as a whole over the API: read it, add notes, titles and family links, close it. */
export function caseFileRecordApiRoutes(deps: CaseFileDeps): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.use('/api/v1/case-files/*', requireStaff(deps));

  api.openapi(routes.read, async (c) => {
    const view = await openCaseFile(deps, changeContext(c), c.req.valid('param').fileId);
    c.header('ETag', etag(view.file.version));
    c.header('Cache-Control', 'no-store');
    const { file } = view;
    return c.json(
      {
        id: file.id,
        reference: file.reference,
        personId: file.person_id,
        locationId: file.location_id,
        state: file.state,
        closedAt: file.closed_at?.toISOString() ?? null,
        handedOverTo: file.handed_over_to,
        retentionUntil: file.retention_until,
        version: file.version,
        residenceTitles: view.titles.map(
          ({ id, kind, legal_basis: legalBasis, valid_from: validFrom, valid_until: validUntil, card_serial: cardSerial, is_current: current }) => ({
            ...{ id, kind, legalBasis, validFrom, validUntil, cardSerial, current },
          }),
        ),
        family: view.family.map((f) => ({ relation: f.relation, personId: f.related_person_id, fileId: f.file_id, reference: f.reference })),
        procedures: view.procedures.map((p) => ({ id: p.id, number: p.number, statusId: p.status_id, closed: p.closed_at !== null })),
        notes: view.notes.map((n) => ({ id: n.id, text: n.text, by: n.by_label, at: n.at.toISOString(), procedureNumber: n.procedure_number })),
      },
      200,
    );
  });

  api.openapi(routes.note, async (c) => c.json(await addNote(deps, changeContext(c), { ...c.req.valid('json'), ...c.req.valid('param') }), 201));

  api.openapi(routes.title, async (c) => c.json(await setResidenceTitle(deps, changeContext(c), { ...c.req.valid('json'), ...c.req.valid('param') }), 201));

  api.openapi(routes.family, async (c) => {
    await linkFamily(deps, changeContext(c), { ...c.req.valid('json'), ...c.req.valid('param') });
    return c.body(null, 204);
  });

  api.openapi(routes.unlink, async (c) => {
    const { fileId, personId } = c.req.valid('param');
    await unlinkFamily(deps, changeContext(c), { fileId, relatedPersonId: personId });
    return c.body(null, 204);
  });

  api.openapi(routes.close, async (c) => {
    const closing = { ...c.req.valid('json'), ...c.req.valid('param'), basedOnVersion: basedOn(c) };
    return c.json(await closeFile(deps, changeContext(c), closing).catch(asPrecondition), 200);
  });

  return api;
}
