import { createRoute, z } from '@hono/zod-openapi';
import { problemContent } from '../../../platform/http/problem-schema.ts';
import { isLanguage } from '../../../web/i18n.ts';

const formTags = ['Application forms'];
const tags = ['Online applications'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const languageNote = 'Texts and the `detail` of errors are in the language of Accept-Language (a portal language; German otherwise).';

const localized = z
  .object({
    text: z.string(),
    lang: z.string().openapi({ description: 'The language the text is in: German (`de`) where the form has no translation for it' }),
  })
  .openapi('LocalizedText');
const translationState = z.enum(['missing', 'outdated', 'current']).openapi({
  description: 'The translation of the form into the language asked for: missing (German shown), outdated (the German changed since), current',
});

const formSummary = z
  .object({
    slug: z.string().openapi({ example: 'temporary-protection' }),
    version: z.number().int().openapi({ description: 'The published version new applications start on' }),
    versionId: z.uuid(),
    title: localized,
    translation: translationState,
  })
  .openapi('ApplicationFormSummary');

const formVersion = z
  .object({
    slug: z.string(),
    version: z.number().int(),
    versionId: z.uuid(),
    state: z.enum(['published', 'retired']),
    translation: translationState,
    definition: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'Steps, fields, conditions and rules as JSON (docs/applications.md, "Forms as data")' }),
    texts: z
      .record(z.string(), localized)
      .openapi({ description: 'Every text key of the version (labels, help, options, rule messages) in the reader’s language' }),
  })
  .openapi('ApplicationFormVersion');

const slugParam = z
  .string()
  .max(63)
  .openapi({ param: { name: 'slug', in: 'path' }, example: 'temporary-protection' });
const tokenParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/)
  .openapi({ param: { name: 'token', in: 'path' }, description: 'The application’s secret (its continue link’s last part): the only key to it' });
const keyParam = (name: string) =>
  z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/)
    .openapi({ param: { name, in: 'path' } });

const startBody = z
  .strictObject({
    form: z.string().max(63).openapi({ example: 'temporary-protection' }),
    language: z.string().max(20).refine(isLanguage, 'not a portal language').openapi({ example: 'uk' }),
    email: z.string().max(300).optional().openapi({ description: 'Where the continue link is sent (optional)' }),
  })
  .openapi('ApplicationStart');
const started = z
  .object({
    id: z.uuid(),
    token: z.string().openapi({ description: 'Shown once, stored only as its hash: keep it' }),
    continueUrl: z.string(),
    formVersionId: z.uuid().openapi({ description: 'The version the application stays on, to its submission' }),
    formVersion: z.number().int(),
  })
  .openapi('ApplicationStarted');

const stepBody = z
  .strictObject({
    formVersionId: z.string().max(100).openapi({ description: 'The form version the answers were given for: another one than the application’s is a 409' }),
    revision: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .openapi({ description: 'The application’s revision the answers are based on (from GET): an older one is a 409' }),
    answers: z.record(z.string().max(200), z.unknown()).openapi({
      description:
        'The step’s answers by field key: text, e-mail and dates as strings (DD.MM.YYYY or ISO), yes/no as true/false, choices as option keys, addresses as { street, postalCode, city }, groups as lists of entries. Answers to fields the step does not show are dropped.',
    }),
  })
  .openapi('ApplicationStepAnswers');
const saved = z.object({ revision: z.number().int(), answers: z.record(z.string(), z.unknown()) }).openapi('ApplicationStepSaved');

const uploadView = z.object({
  id: z.uuid(),
  field: z.string(),
  fileName: z.string(),
  mediaType: z.string().openapi({ description: 'Detected from the content' }),
  size: z.number().int(),
  pages: z.number().int().nullable(),
});
const applicationView = z
  .object({
    id: z.uuid(),
    form: z.string(),
    formVersionId: z.uuid(),
    formVersion: z.number().int(),
    language: z.string(),
    state: z.enum(['draft', 'submitted', 'accepted']),
    revision: z.number().int(),
    answers: z.record(z.string(), z.unknown()),
    steps: z.array(z.string()).openapi({ description: 'The keys of the steps shown with these answers, in order' }),
    uploads: z.array(uploadView),
    problems: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .openapi({ description: 'What a draft still lacks before it can be submitted, in the reader’s language' }),
    procedureNumber: z.string().nullable().openapi({ description: 'The Vorgangsnummer, once submitted' }),
    submittedAt: z.string().nullable(),
  })
  .openapi('Application');
const receipt = z
  .object({
    procedureNumber: z.string(),
    submittedAt: z.string(),
    fiktionNote: z.boolean().openapi({ description: 'Whether the receipt carries the office’s note on the continued stay (Fiktionswirkung)' }),
  })
  .openapi('ApplicationReceipt');
const binary = { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } };

export const routes = {
  forms: createRoute({
    method: 'get',
    path: '/api/v1/application-forms',
    tags: formTags,
    summary: 'The forms an application can be started on now, with their published version',
    description: `Public: the portal lists the same forms. ${languageNote}`,
    responses: { 200: { description: 'The forms', ...json(z.object({ forms: z.array(formSummary) })) } },
  }),
  formVersion: createRoute({
    method: 'get',
    path: '/api/v1/application-forms/{slug}/versions/{version}',
    tags: formTags,
    summary: 'A published or retired version of a form: its definition and texts',
    description: `Public, like the portal's pages of the form. Drafts are not shown. ${languageNote}`,
    request: {
      params: z.object({
        slug: slugParam,
        version: z.coerce
          .number()
          .int()
          .min(1)
          .max(1_000_000)
          .openapi({ param: { name: 'version', in: 'path' } }),
      }),
    },
    responses: {
      200: { description: 'The version', ...json(formVersion) },
      404: problemContent('No such form or version'),
      422: problemContent('Invalid path'),
    },
  }),
  start: createRoute({
    method: 'post',
    path: '/api/v1/applications',
    tags,
    summary: 'Starts an application on the form’s published version',
    description: `Limited per client address and hour, together with the portal's starts. ${languageNote}`,
    request: { body: { ...json(startBody), required: true } },
    responses: {
      201: { description: 'Started', ...json(started) },
      404: problemContent('No such form (or none published)'),
      422: problemContent('Invalid input (e.g. the e-mail address)'),
      429: problemContent('Too many applications started from this address; try again in an hour'),
    },
  }),
  read: createRoute({
    method: 'get',
    path: '/api/v1/applications/{token}',
    tags,
    summary: 'The application: answers, uploads, what is still missing, and its Vorgangsnummer once submitted',
    description: languageNote,
    request: { params: z.object({ token: tokenParam }) },
    responses: {
      200: { description: 'The application', ...json(applicationView) },
      404: problemContent('No such application'),
      422: problemContent('Invalid path'),
    },
  }),
  save: createRoute({
    method: 'put',
    path: '/api/v1/applications/{token}/steps/{step}',
    tags,
    summary: 'Saves one step’s answers, checked by the form’s rules; nothing is written when one fails',
    description: languageNote,
    request: { params: z.object({ token: tokenParam, step: keyParam('step') }), body: { ...json(stepBody), required: true } },
    responses: {
      200: { description: 'Saved', ...json(saved) },
      404: problemContent('No such application'),
      409: problemContent('Another form version (`problem: form_changed`), saved meanwhile (`stale`), or already submitted (`submitted`)'),
      422: problemContent('Answers breaking the form’s rules (an entry per field), or no such step'),
    },
  }),
  upload: createRoute({
    method: 'post',
    path: '/api/v1/applications/{token}/fields/{field}/uploads',
    tags,
    summary: 'Adds a file to an upload field: the body is the file, streamed (Content-Type: what it is said to be)',
    description: `Checked by its content: the kind detected from the bytes must be one the field takes (a renamed .exe is refused), not empty, within the field's size; a PDF must be readable, without JavaScript and within the field's pages. ${languageNote}`,
    request: {
      params: z.object({ token: tokenParam, field: keyParam('field') }),
      query: z.object({ fileName: z.string().min(1).max(255) }),
      body: { content: binary, required: true },
    },
    responses: {
      201: { description: 'Added', ...json(z.object({ uploadId: z.uuid() })) },
      404: problemContent('No such application'),
      409: problemContent('Already submitted'),
      413: problemContent('Larger than the field allows (`problem: too_large`)'),
      422: problemContent('Refused: empty, wrong_kind, pdf_script, pdf_damaged, too_many_pages, too_many_files, or no such upload field'),
    },
  }),
  removeUpload: createRoute({
    method: 'delete',
    path: '/api/v1/applications/{token}/uploads/{uploadId}',
    tags,
    summary: 'Removes one of the draft’s files',
    description: languageNote,
    request: { params: z.object({ token: tokenParam, uploadId: z.uuid().openapi({ param: { name: 'uploadId', in: 'path' } }) }) },
    responses: { 204: { description: 'Removed (or not there)' }, 404: problemContent('No such application'), 409: problemContent('Already submitted') },
  }),
  submit: createRoute({
    method: 'post',
    path: '/api/v1/applications/{token}/submission',
    tags,
    summary: 'Submits the application, once: a retry or a second submission at the same time gets the same receipt',
    description: `Every answer is checked again; the application goes into the person's file as a new procedure. ${languageNote}`,
    request: { params: z.object({ token: tokenParam }) },
    responses: {
      200: { description: 'Submitted (now or before)', ...json(receipt) },
      404: problemContent('No such application'),
      422: problemContent('Not complete yet (`problem: incomplete`, an entry per missing answer)'),
    },
  }),
  receipt: createRoute({
    method: 'get',
    path: '/api/v1/applications/{token}/receipt',
    tags,
    summary: 'The receipt of a submitted application as PDF',
    request: { params: z.object({ token: tokenParam }) },
    responses: {
      200: { description: 'The receipt', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
      404: problemContent('No such application, or not submitted'),
    },
  }),
};
