import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { isLanguage } from '../../../web/i18n.ts';
import { problemContent } from '../../appointments/index.ts';
import { clientIp, enforce, powHeader, spendSolution, type PortalDeps } from '../../portal/index.ts';
import type { MessageDeps } from '../message-deps.ts';
import { normalizedReference } from '../message-input.ts';
import { attachmentsOf, messageById, messageIdByReference } from '../message-store.ts';
import { markAnswerRead } from '../read-answer.ts';
import { sendMessage } from '../send-message.ts';

const sendBody = z
  .object({
    kind: z.enum(['general', 'procedure']),
    submissionKey: z.string().min(16).max(100).openapi({ description: 'Drawn by the client once per message: a retry with the same key is the same message' }),
    locationId: z.string().optional().openapi({ description: 'General messages: the location written to' }),
    procedureNumber: z.string().max(20).optional().openapi({ description: 'Messages about a procedure: its Vorgangsnummer' }),
    name: z.string().max(1000),
    dateOfBirth: z.string().max(10).openapi({ example: '1990-05-17' }),
    email: z.string().max(1000),
    language: z.string().refine(isLanguage, 'not a portal language'),
    body: z.string().max(20_000),
  })
  .openapi('MessageSend');

/** The same fields as a form, with the files: how a client that holds documents sends them along. */
const sendForm = sendBody
  .extend({
    attachments: z
      .any()
      .optional()
      .openapi({
        type: 'array',
        items: { type: 'string', format: 'binary' },
        description: 'Up to 5 files (PDF, JPEG, PNG; the kind is read from the content), each at most 10 MB',
      }),
  })
  .openapi('MessageSendWithAttachments');

const sentView = z.object({ reference: z.string(), repeated: z.boolean() }).openapi('MessageSent');

const readBody = z.object({ reference: z.string().max(20), dateOfBirth: z.string().max(10) }).openapi('MessageOpen');

const messageView = z
  .object({
    reference: z.string(),
    body: z.string(),
    receivedAt: z.string(),
    attachments: z.array(z.string()),
    answer: z.object({ body: z.string(), answeredAt: z.string() }).nullable(),
  })
  .openapi('Message');

const sendRoute = createRoute({
  method: 'post',
  path: '/api/v1/messages',
  tags: ['messages'],
  summary: 'Send a message to the office (in general, or about a procedure with its number and the date of birth)',
  description:
    'Field errors name the problem (body_empty, body_long, lookup, …). A wrong procedure number and a wrong date of birth both answer `lookup`. With the portal guard on, send a solved proof of work as X-Altcha.',
  request: {
    // Not `required`: with it the library runs both validators on every request; each runs for its own content type instead.
    body: { content: { 'application/json': { schema: sendBody }, 'multipart/form-data': { schema: sendForm } } },
  },
  responses: {
    201: { description: 'Sent; the reference opens it with the date of birth', content: { 'application/json': { schema: sentView } } },
    200: { description: 'This submission key was sent before: the first message', content: { 'application/json': { schema: sentView } } },
    403: problemContent('Proof of work missing or spent'),
    413: problemContent('The message with its files is too large'),
    422: problemContent('Invalid input, with an entry per field (attachment_type, attachment_large, attachment_infected, attachments_many, …)'),
    503: problemContent('The virus scanner gave no verdict on an attachment (`problem: scan_unavailable`); nothing was sent, try again later'),
    429: problemContent('Too many messages or look-ups from this address'),
  },
});

const readRoute = createRoute({
  method: 'post',
  path: '/api/v1/messages/open',
  tags: ['messages'],
  summary: 'Read a message and its answer with the reference and the date of birth',
  request: { body: { content: { 'application/json': { schema: readBody } }, required: true } },
  responses: {
    200: { description: 'The message and, if there is one, the answer', content: { 'application/json': { schema: messageView } } },
    404: problemContent('No message with this reference and date of birth'),
    429: problemContent('Too many look-ups from this address'),
  },
});

/** The public JSON API of messages, with the portal's limits (look-ups count like the manage look-up). */
export function messageApiRoutes(deps: PortalDeps & MessageDeps): OpenAPIHono<AppEnv> {
  const routes = new OpenAPIHono<AppEnv>();
  const limit = async (bucket: string, subject: string, limit: number) =>
    enforce(deps.db, await deps.key(), { bucket, subject, limit, windowSeconds: 3600, now: deps.clock.now() });

  routes.openapi(sendRoute, async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    const multipart = type.startsWith('multipart/form-data');
    if (!multipart && !/^application\/(.+\+)?json\b/.test(type))
      throw new AppError('bad_request', 'Send the message as application/json, or as multipart/form-data with its attachments.');
    const { attachments: sentFiles, ...input }: z.infer<typeof sendForm> = multipart ? c.req.valid('form') : c.req.valid('json');
    const files = [sentFiles].flat().filter((f): f is File => f instanceof File && !(f.size === 0 && f.name === ''));
    const ip = clientIp(c);
    if (input.kind === 'procedure') await limit('lookup-ip', ip, deps.settings.lookupsPerIpPerHour);
    await limit('message-ip', ip, deps.settings.bookingsPerIpPerHour);
    if (deps.settings.guardApi) {
      const outcome = await spendSolution(deps.db, await deps.key(), c.req.header(powHeader)?.trim() ?? '', deps.clock.now());
      if (outcome !== 'ok') throw new AppError('forbidden', 'A fresh proof of work is required: GET /api/v1/proof-of-work and send the solution as X-Altcha.');
    }
    const attachments = files.map((file) => ({ body: file.stream(), fileName: file.name, declaredType: file.type || undefined, size: file.size }));
    const sent = await sendMessage(deps, { ...input, attachments });
    return c.json({ reference: sent.reference, repeated: sent.repeated }, sent.repeated ? 200 : 201);
  });

  routes.openapi(readRoute, async (c) => {
    const input = c.req.valid('json');
    await limit('lookup-ip', clientIp(c), deps.settings.lookupsPerIpPerHour);
    const reference = normalizedReference(input.reference);
    const id = reference ? await messageIdByReference(deps.db, reference) : undefined;
    const message = id ? await messageById(deps.db, id) : undefined;
    if (!message || message.date_of_birth !== input.dateOfBirth) throw new AppError('not_found', 'No message with this reference and date of birth.');
    await markAnswerRead(deps, message.id);
    const attachments = (await attachmentsOf(deps.db, message.id)).map((a) => a.file_name);
    const answer = message.answer_body && message.answered_at ? { body: message.answer_body, answeredAt: message.answered_at.toISOString() } : null;
    c.header('Cache-Control', 'no-store');
    return c.json({ reference: message.reference, body: message.body, receivedAt: message.received_at.toISOString(), attachments, answer }, 200);
  });

  return routes;
}
