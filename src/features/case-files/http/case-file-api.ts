import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { AppError, isAppError } from '../../../shared/app-error.ts';
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
  openProcedureBody,
  personBody,
  personIdParam,
  personView,
  problem,
  procedureIdParam,
  procedureView,
  statusChangeBody,
} from './case-file-schemas.ts';

const tags = ['Case files'];
const security = [{ bearerAuth: [] }];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const etag = (version: number) => `"${version}"`;

/** The version an If-Match names; a write without it is refused (428), an unreadable one never matches (412). */
function basedOn(c: Context<AppEnv>): number {
  const header = c.req.header('if-match');
  if (!header) throw new AppError('precondition_required', 'Send If-Match with the ETag you read (GET first). / If-Match fehlt.');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new AppError('precondition_failed', 'If-Match names no version of this resource.');
  return Number(match[1]);
}

/** A version conflict of a write with If-Match is a failed precondition (412), with the fields changed meanwhile. */
function asPrecondition(error: unknown): never {
  if (isAppError(error) && error.code === 'conflict' && error.details && 'changedFields' in error.details) {
    throw new AppError('precondition_failed', error.message, { details: error.details });
  }
  throw error;
}

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

  const presentProcedure = async (c: Context<AppEnv>, procedureId: string) => {
    const p = await readProcedure(deps, changeContext(c), procedureId);
    c.header('ETag', etag(p.version));
    c.header('Cache-Control', 'no-store');
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
  const presentPerson = async (c: Context<AppEnv>, personId: string) => {
    const person = await readPerson(deps, changeContext(c), personId);
    c.header('ETag', etag(person.version));
    c.header('Cache-Control', 'no-store');
    return person;
  };

  api.openapi(createFileRoute, async (c) => c.json(await createPersonWithFile(deps, changeContext(c), c.req.valid('json')), 201));

  api.openapi(getPersonRoute, async (c) => c.json(await presentPerson(c, c.req.valid('param').personId), 200));

  api.openapi(putPersonRoute, async (c) => {
    const { personId } = c.req.valid('param');
    const version = basedOn(c);
    await updatePerson(deps, changeContext(c), { personId, basedOnVersion: version, person: c.req.valid('json') }).catch(asPrecondition);
    return c.json(await presentPerson(c, personId), 200);
  });

  api.openapi(openProcedureRoute, async (c) => {
    const { id } = await openProcedure(deps, changeContext(c), { ...c.req.valid('json'), fileId: c.req.valid('param').fileId });
    return c.json(await presentProcedure(c, id), 201);
  });

  api.openapi(getProcedureRoute, async (c) => c.json(await presentProcedure(c, c.req.valid('param').procedureId), 200));

  api.openapi(statusChangeRoute, async (c) => {
    const { procedureId } = c.req.valid('param');
    const version = basedOn(c);
    await changeProcedureStatus(deps, changeContext(c), { ...c.req.valid('json'), procedureId, basedOnVersion: version }).catch(asPrecondition);
    return c.json(await presentProcedure(c, procedureId), 200);
  });

  return api;
}
