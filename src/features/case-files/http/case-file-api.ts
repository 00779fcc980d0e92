import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { changeContext, requireStaff } from '../../staff/index.ts';
import type { CaseFileDeps } from '../case-file-deps.ts';
import { changeProcedureStatus } from '../change-procedure-status.ts';
import { createPersonWithFile } from '../create-person-file.ts';
import { openProcedure } from '../open-procedure.ts';
import { readPerson } from '../read-person.ts';
import { readProcedure } from '../read-procedure.ts';
import { updatePerson } from '../update-person.ts';
import {
  createdFile,
  createFileBody,
  fileIdParam,
  ifMatch,
  json,
  openProcedureBody,
  personBody,
  personIdParam,
  personView,
  problem,
  procedureIdParam,
  procedureView,
  security,
  statusChangeBody,
  tags,
} from './case-file-schemas.ts';
import { asPrecondition, basedOn, etag } from './if-match.ts';

const createFileRoute = createRoute({
  method: 'post',
  path: '/api/v1/case-files',
  tags,
  security,
  summary: 'Create a person with their file at a location',
  request: { body: { ...json(createFileBody), required: true } },
  responses: {
    201: { description: 'Created', ...json(createdFile) },
    403: problem('Not allowed at this location'),
    409: problem('Reference or AZR number taken'),
    422: problem('Invalid input'),
  },
});
const getPersonRoute = createRoute({
  method: 'get',
  path: '/api/v1/persons/{personId}',
  tags,
  security,
  summary: "A person's data (audited), with its version as ETag",
  request: { params: personIdParam },
  responses: { 200: { description: 'The person', ...json(personView) }, 403: problem('Not allowed'), 404: problem('No such person') },
});
const putPersonRoute = createRoute({
  method: 'put',
  path: '/api/v1/persons/{personId}',
  tags,
  security,
  summary: "Replace a person's data, based on the version named in If-Match",
  request: { params: personIdParam, headers: ifMatch, body: { ...json(personBody), required: true } },
  responses: {
    200: { description: 'Saved; the new ETag in the header', ...json(personView) },
    412: problem('Changed meanwhile (the fields that changed are listed)'),
    422: problem('Invalid input'),
    428: problem('If-Match missing'),
  },
});
const openProcedureRoute = createRoute({
  method: 'post',
  path: '/api/v1/case-files/{fileId}/procedures',
  tags,
  security,
  summary: 'Open a procedure of a type in a file (first status, new Vorgangsnummer)',
  request: { params: fileIdParam, body: { ...json(openProcedureBody), required: true } },
  responses: { 201: { description: 'Opened', ...json(procedureView) }, 404: problem('No such file'), 422: problem('Invalid input') },
});
const getProcedureRoute = createRoute({
  method: 'get',
  path: '/api/v1/procedures/{procedureId}',
  tags,
  security,
  summary: 'A procedure with its status history (audited), with its version as ETag',
  request: { params: procedureIdParam },
  responses: { 200: { description: 'The procedure', ...json(procedureView) }, 404: problem('No such procedure') },
});
const statusChangeRoute = createRoute({
  method: 'post',
  path: '/api/v1/procedures/{procedureId}/status-changes',
  tags,
  security,
  summary: "Change a procedure's status, based on the version named in If-Match",
  request: { params: procedureIdParam, headers: ifMatch, body: { ...json(statusChangeBody), required: true } },
  responses: {
    200: { description: 'Changed; the new ETag in the header', ...json(procedureView) },
    412: problem('Changed meanwhile'),
    422: problem('Invalid input'),
    428: problem('If-Match missing'),
  },
});

/**
 * The case file's JSON API for staff (session or personal API token; the role's policy applies as
 * on the pages). Reads are audited; writes name the version they are based on in If-Match.
 */
export function caseFileApiRoutes(deps: CaseFileDeps): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const path of ['/api/v1/case-files', '/api/v1/case-files/*', '/api/v1/persons/*', '/api/v1/procedures/*']) api.use(path, requireStaff(deps));

  /** A read for the answer: never cached, its version as ETag. */
  const versioned = <T extends { version: number }>(c: Context<AppEnv>, value: T): T => {
    c.header('ETag', etag(value.version));
    c.header('Cache-Control', 'no-store');
    return value;
  };
  const presentProcedure = async (c: Context<AppEnv>, procedureId: string) => {
    const p = versioned(c, await readProcedure(deps, changeContext(c), procedureId));
    return {
      id: p.id,
      fileId: p.fileId,
      number: p.number,
      typeName: p.type_name,
      statusId: p.status_id,
      statusCode: p.status_code,
      statusLabel: p.status_label,
      assignedStaffId: p.assigned_staff_id,
      plannedEnd: p.planned_end,
      suspended: p.suspended_at !== null,
      feeState: p.fee_state,
      closedAt: p.closed_at?.toISOString() ?? null,
      version: p.version,
      history: p.history.map((h) => ({ at: h.at.toISOString(), statusCode: h.code, by: h.by_label, note: h.note })),
    };
  };
  const presentPerson = async (c: Context<AppEnv>, personId: string) => versioned(c, await readPerson(deps, changeContext(c), personId));

  api.openapi(createFileRoute, async (c) => c.json(await createPersonWithFile(deps, changeContext(c), c.req.valid('json')), 201));

  api.openapi(getPersonRoute, async (c) => c.json(await presentPerson(c, c.req.valid('param').personId), 200));

  api.openapi(putPersonRoute, async (c) => {
    const { personId } = c.req.valid('param');
    await updatePerson(deps, changeContext(c), { personId, basedOnVersion: basedOn(c), person: c.req.valid('json') }).catch(asPrecondition);
    return c.json(await presentPerson(c, personId), 200);
  });

  api.openapi(openProcedureRoute, async (c) =>
    c.json(await presentProcedure(c, (await openProcedure(deps, changeContext(c), { ...c.req.valid('json'), ...c.req.valid('param') })).id), 201),
  );

  api.openapi(statusChangeRoute, async (c) => {
    const { procedureId } = c.req.valid('param');
    const change = { ...c.req.valid('json'), procedureId, basedOnVersion: basedOn(c) };
    await changeProcedureStatus(deps, changeContext(c), change).catch(asPrecondition);
    return c.json(await presentProcedure(c, procedureId), 200);
  });

  api.openapi(getProcedureRoute, async (c) => c.json(await presentProcedure(c, c.req.valid('param').procedureId), 200));

  return api;
}
