import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { clientIp } from '../../../platform/http/client-ip.ts';
import { problemContent } from '../../../platform/http/problem-schema.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { AppError } from '../../../shared/app-error.ts';
import { isLanguage, sourceLang } from '../../../web/i18n.ts';
import { powHeader } from '../../portal/index.ts';
import { type GuardDeps, guardLookup } from '../guard-lookup.ts';
import { lookUpStatus, type StatusAnswer } from '../look-up-status.ts';
import { readCardQuery, readProcedureQuery } from '../lookup-query.ts';

const lookupBody = z
  .union([
    z.strictObject({
      number: z.string().max(40).openapi({ description: 'The Vorgangsnummer (case and dashes do not matter)', example: 'K7RM-93XH-QD' }),
      dateOfBirth: z.string().max(20).openapi({ description: 'As on the papers: DD.MM.YYYY, MM.YYYY or YYYY (ISO also)', example: '17.05.1990' }),
    }),
    z.strictObject({
      cardSerial: z.string().max(40).openapi({ description: 'Serial number of the ordered eAT', example: 'L01X00T47' }),
    }),
  ])
  .openapi('StatusLookupRequest');

const localized = z.object({ text: z.string(), lang: z.string().openapi({ description: 'Language of the text (German where no translation exists)' }) });
const lookupAnswer = z
  .object({
    kind: z.enum(['procedure', 'card']),
    status: z.string().openapi({ description: 'Code of the status in the procedure type', example: 'documents_missing' }),
    label: localized,
    nextStep: localized,
    since: z.iso.datetime({ offset: true }),
    missingDocuments: z.array(z.object({ kind: z.string(), note: z.string().nullable().openapi({ description: 'The office’s note, in German' }) })),
  })
  .openapi('StatusLookupAnswer');

const lookupRoute = createRoute({
  method: 'post',
  path: '/api/v1/status-lookups',
  tags: ['Status look-up'],
  summary: 'The status of a procedure (number + date of birth) or of an ordered eAT (card serial)',
  description:
    'Answers in the language of Accept-Language (a portal language; German otherwise). A wrong date of birth answers exactly like an unknown number (404). Limited per address and per number; an ALTCHA payload (GET /api/v1/proof-of-work) may be sent as X-Altcha and must then be valid.',
  request: {
    headers: z.object({ [powHeader]: z.string().max(2000).optional() }),
    body: { content: { 'application/json': { schema: lookupBody } }, required: true },
  },
  responses: {
    200: { description: 'The status', content: { 'application/json': { schema: lookupAnswer } } },
    403: problemContent('The proof of work sent is not valid or was used already'),
    404: problemContent('No procedure with this number and date of birth (or no card with this serial)'),
    422: problemContent('Invalid number, date of birth or serial'),
    429: problemContent('Too many look-ups from this address or for this number; try again in an hour'),
  },
});

function present(answer: StatusAnswer) {
  return {
    kind: answer.kind,
    status: answer.statusCode,
    label: answer.label,
    nextStep: answer.nextStep,
    since: answer.since.toISOString(),
    missingDocuments: answer.missing,
  };
}

/** The portal's look-up as JSON, with the same guards, the same answer and the same counting. */
export function statusApiRoutes(deps: GuardDeps & { timeZone: string }): OpenAPIHono<AppEnv> {
  const routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  routes.openapi(lookupRoute, async (c) => {
    const body = c.req.valid('json');
    const read = 'cardSerial' in body ? readCardQuery({ serial: body.cardSerial }) : readProcedureQuery(body);
    const query = 'query' in read ? read.query : undefined;
    await guardLookup(deps, { channel: 'api', address: clientIp(c), query, proofOfWork: c.req.valid('header')[powHeader] || undefined });
    if (!query) {
      const fieldErrors = ('errors' in read ? read.errors : []).map((e) => ({
        path: e.field === 'serial' ? 'cardSerial' : e.field,
        message: {
          number: 'Not a procedure number (10 letters and digits)',
          dob: 'Not a date of birth (DD.MM.YYYY, MM.YYYY or YYYY)',
          serial: 'Not a card serial (9 or 10 letters and digits)',
        }[e.problem],
      }));
      throw new AppError('validation_failed', 'Some fields are not valid.', { fieldErrors });
    }
    const wanted = c.req.header('accept-language')?.split(',')[0]?.split(';')[0]?.trim() ?? '';
    const lang = isLanguage(wanted) ? wanted : sourceLang;
    const answer = await lookUpStatus(deps, query, { lang, channel: 'api' });
    c.header('Cache-Control', 'no-store');
    if (!answer) throw new AppError('not_found', 'No procedure with this number and date of birth, or no card with this serial.');
    return c.json(present(answer), 200);
  });
  return routes;
}
