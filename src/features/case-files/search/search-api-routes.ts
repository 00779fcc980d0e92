import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { setAnswerHeader } from '../../../platform/http/answer-header.ts';
import { currentStaff, requireStaff } from '../../staff/index.ts';
import { searchDocuments } from './search-documents.ts';
import { maxResultLimit, searchPersons, type SearchDeps } from './search-persons.ts';

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), code: z.string() }).openapi('SearchProblem');
const problemContent = (description: string) => ({ description, content: { 'application/problem+json': { schema: problem } } });

const searchInput = z.object({
  q: z.string().min(1).max(200).openapi({ description: 'What to search for (at most 200 characters)', example: 'Olexandr 1990' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxResultLimit)
    .optional()
    .openapi({ description: `At most this many results (default 20, at most ${maxResultLimit})` }),
});

const birthDate = z
  .object({ year: z.number().int().nullable(), month: z.number().int().nullable(), day: z.number().int().nullable() })
  .openapi('PartialBirthDate', { description: 'A date of birth as far as the file knows it' });

const personResult = z
  .object({
    fileId: z.uuid(),
    familyName: z.string(),
    givenNames: z.string(),
    birthDate,
    nationalities: z.array(z.string()),
    fileReference: z.string(),
    locationName: z.string(),
  })
  .openapi('PersonSearchResult');

const identifiedPerson = z
  .object({
    personId: z.uuid(),
    familyName: z.string(),
    givenNames: z.string(),
    birthDate,
    appointments: z.array(z.object({ appointmentId: z.uuid(), startsAt: z.iso.datetime({ offset: true }), status: z.string(), locationName: z.string() })),
  })
  .openapi('IdentifiedPerson');

const personSearch = z
  .discriminatedUnion('view', [
    z.object({ view: z.literal('file'), results: z.array(personResult) }),
    z.object({ view: z.literal('identify'), results: z.array(identifiedPerson) }),
  ])
  .openapi('PersonSearch');

const documentSearch = z
  .object({
    results: z.array(
      z.object({
        documentId: z.uuid(),
        fileId: z.uuid().openapi({ description: 'The file the document belongs to: /staff/files/{fileId}' }),
        title: z.string(),
        category: z.string().openapi({ description: 'application, passport_copy, decision, letter, evidence, photo, certificate, correspondence, other' }),
        receivedOn: z.iso.date().nullable(),
        fileReference: z.string().openapi({ description: 'Aktenzeichen' }),
        personName: z.string().openapi({ description: 'Family name, given names' }),
        snippet: z
          .array(z.object({ text: z.string(), marked: z.boolean() }))
          .openapi({ description: 'The passage that matched, in pieces; marked pieces are the words found' }),
      }),
    ),
  })
  .openapi('DocumentSearch');

const refusals = {
  401: problemContent('No session or token'),
  403: problemContent('The role may not search files (admins, kiosks and displays)'),
  422: problemContent('Invalid query: too long, too many terms, an impossible date of birth; reception: other criteria than name and date of birth'),
};

const personsRoute = createRoute({
  method: 'get',
  path: '/api/v1/search/persons',
  tags: ['Case files'],
  summary: 'Search persons by name (any script or spelling), partial date of birth, file reference, AZR number, eAT serial or e-mail',
  description:
    'Files of the caller’s locations only. Clerks and team leads get the file view; reception (case_file.identify) gets name, date of birth and linked appointments, and searches by name and date of birth only. Every result list is audited.',
  security: [{ bearerAuth: [] }],
  request: { query: searchInput },
  responses: { 200: { description: 'Best matches first', content: { 'application/json': { schema: personSearch } } }, ...refusals },
});

const documentsRoute = createRoute({
  method: 'get',
  path: '/api/v1/search/documents',
  tags: ['Case files'],
  summary: 'Full-text search over document titles and text (German stemming, web search syntax)',
  description: 'Files of the caller’s locations only; clerks and team leads. Every result list is audited.',
  security: [{ bearerAuth: [] }],
  request: { query: searchInput },
  responses: { 200: { description: 'Best matches first, with a snippet', content: { 'application/json': { schema: documentSearch } } }, ...refusals },
});

/** The search API for integrations and the desk (session cookie or staff API token). */
export function searchApiRoutes(deps: SearchDeps) {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  api.use('/api/v1/search/*', requireStaff(deps));
  api.use('/api/v1/search/*', async (c, next) => {
    await next();
    setAnswerHeader(c, 'Cache-Control', 'no-store');
  });
  api.openapi(personsRoute, async (c) => {
    const { q, limit } = c.req.valid('query');
    const search = await searchPersons(deps, currentStaff(c), { query: q, ...(limit === undefined ? {} : { limit }) });
    if (search.view === 'file') return c.json({ view: search.view, results: search.results }, 200);
    const results = search.results.map((person) => ({
      ...person,
      appointments: person.appointments.map((appointment) => ({ ...appointment, startsAt: appointment.startsAt.toISOString() })),
    }));
    return c.json({ view: search.view, results }, 200);
  });
  api.openapi(documentsRoute, async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ results: await searchDocuments(deps, currentStaff(c), { query: q, ...(limit === undefined ? {} : { limit }) }) }, 200);
  });
  return api;
}
