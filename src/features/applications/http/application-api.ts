import { OpenAPIHono } from '@hono/zod-openapi';
import { receiptResponse } from '../receipt-response.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { validationHook } from '../../../platform/http/validation.ts';
import { AppError, isAppError } from '../../../shared/app-error.ts';
import { sourceLang, translate } from '../../../web/i18n.ts';
import { pageLanguage } from '../../../web/page-language.ts';
import { clientIp, type PortalDeps } from '../../portal/index.ts';
import { addUpload, removeUpload } from '../add-upload.ts';
import { problemText } from '../answer-text.ts';
import type { ApplicationDeps } from '../application-deps.ts';
import { limitApplicationStarts } from '../limit-starts.ts';
import { draftProgress, readApplication, receiptBlob, type ApplicationView } from '../read-application.ts';
import { publishedForms, readFormVersion } from '../read-forms.ts';
import { saveAnswers } from '../save-answers.ts';
import { continueUrl, startApplication } from '../start-application.ts';
import { submitApplication } from '../submit-application.ts';
import { inReadersLanguage } from './api-problems.ts';
import { routes } from './application-api-schemas.ts';

type Deps = PortalDeps & Pick<ApplicationDeps, 'blobs' | 'uploadMaxBytes' | 'jobs' | 'virusScanner'>;

/** The answer problems of a step or a submission as field errors in the reader's language (the form's rule messages from its translated texts). */
const fieldErrorsOf = (lang: string, view: ApplicationView, problems: ReturnType<typeof draftProgress>['problems']) =>
  problems.map((problem) => ({ path: problem.path, message: problemText(lang, view.texts, problem) }));

function present(view: ApplicationView, lang: string, now: Date) {
  const { application, version } = view;
  const progress = draftProgress(view, now);
  return {
    id: application.id,
    form: version.slug,
    formVersionId: version.id,
    formVersion: version.number,
    language: application.lang,
    state: application.state as 'draft' | 'submitted' | 'accepted',
    revision: application.revision,
    answers: application.answers,
    steps: progress.steps.map((step) => step.key),
    uploads: view.uploads.map((u) => ({
      id: u.id,
      field: u.field_key,
      fileName: u.file_name,
      mediaType: u.media_type,
      size: Number(u.size),
      pages: u.page_count,
    })),
    problems: application.state === 'draft' ? fieldErrorsOf(lang, view, progress.problems) : [],
    procedureNumber: view.procedureNumber ?? null,
    submittedAt: application.submitted_at?.toISOString() ?? null,
  };
}

/**
 * The online applications as JSON (issue 14): the published forms and their versions, and an
 * applicant's application addressed by its secret, as the portal's link does. The same use cases
 * as the portal's pages, the same checks and limits; errors in the reader's language.
 */
export function applicationApiRoutes(deps: Deps): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const lang = (c: Context<AppEnv>) => pageLanguage(c);

  api.openapi(routes.forms, async (c) => {
    const forms = await publishedForms(deps.db, lang(c));
    return c.json(
      {
        forms: forms.map(({ version, texts }) => ({
          slug: version.slug,
          version: version.number,
          versionId: version.id,
          title: texts.text('title') ?? { text: version.slug, lang: sourceLang },
          translation: texts.state,
        })),
      },
      200,
    );
  });

  api.openapi(routes.formVersion, async (c) => {
    const { slug, version: number } = c.req.valid('param');
    const found = await readFormVersion(deps.db, { slug, number, lang: lang(c) });
    if (!found) throw new AppError('not_found', 'Dieses Formular oder diese Version gibt es nicht. / No such form or version.');
    const { version, texts } = found;
    return c.json(
      {
        slug: version.slug,
        version: version.number,
        versionId: version.id,
        state: version.state === 'published' ? ('published' as const) : ('retired' as const),
        translation: texts.state,
        definition: version.definition as unknown as Record<string, unknown>,
        texts: Object.fromEntries(Object.entries(version.texts).map(([key, german]) => [key, texts.text(key) ?? { text: german, lang: sourceLang }])),
      },
      200,
    );
  });

  api.openapi(routes.start, (c) =>
    inReadersLanguage(lang(c), async () => {
      const body = c.req.valid('json');
      await limitApplicationStarts(deps, clientIp(c));
      const started = await startApplication(deps, { slug: body.form, lang: body.language, email: body.email });
      const view = await readApplication(deps.db, started.token, body.language);
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          id: started.id,
          token: started.token,
          continueUrl: continueUrl(deps.publicUrl, body.language, view.version.slug, started.token),
          formVersionId: started.formVersionId,
          formVersion: view.version.number,
        },
        201,
      );
    }),
  );

  api.openapi(routes.read, (c) =>
    inReadersLanguage(lang(c), async () => {
      const view = await readApplication(deps.db, c.req.valid('param').token, lang(c));
      c.header('Cache-Control', 'no-store');
      return c.json(present(view, lang(c), deps.clock.now()), 200);
    }),
  );

  api.openapi(routes.save, (c) =>
    inReadersLanguage(lang(c), async () => {
      const { formVersionId, revision: basedOnRevision, answers } = c.req.valid('json');
      const { token, step: stepKey } = c.req.valid('param');
      const result = await saveAnswers(deps, { token, stepKey, formVersionId, basedOnRevision, answers });
      if (result.saved) return c.json({ revision: result.revision, answers: result.answers }, 200);
      const view = await readApplication(deps.db, token, lang(c));
      throw new AppError('validation_failed', translate(lang(c), 'portal.form.errors'), {
        details: { problem: 'answers' },
        fieldErrors: fieldErrorsOf(lang(c), view, result.problems),
      });
    }),
  );

  api.openapi(routes.upload, (c) =>
    inReadersLanguage(lang(c), async () => {
      // No body is an empty file: refused as such.
      const upload = {
        body: (c.req.raw.body as AsyncIterable<Uint8Array> | null) ?? (async function* () {})(),
        fileName: c.req.valid('query').fileName,
        declaredType: c.req.header('content-type'),
      };
      const { token, field: fieldKey } = c.req.valid('param');
      return c.json(await addUpload(deps, { token, fieldKey, upload }), 201);
    }),
  );

  api.openapi(routes.removeUpload, (c) =>
    inReadersLanguage(lang(c), async () => {
      await removeUpload(deps, c.req.valid('param'));
      return c.body(null, 204);
    }),
  );

  api.openapi(routes.submit, (c) =>
    inReadersLanguage(lang(c), async () => {
      const { token } = c.req.valid('param');
      try {
        const receipt = await submitApplication(deps, { token });
        return c.json({ procedureNumber: receipt.procedureNumber, submittedAt: receipt.submittedAt.toISOString(), fiktionNote: receipt.fiktionNote }, 200);
      } catch (error) {
        if (!isAppError(error) || error.details?.problem !== 'incomplete') throw error;
        const view = await readApplication(deps.db, token, lang(c));
        const fieldErrors = fieldErrorsOf(lang(c), view, draftProgress(view, deps.clock.now()).problems);
        throw new AppError(error.code, error.message, { details: error.details, fieldErrors });
      }
    }),
  );

  api.openapi(routes.receipt, (c) =>
    inReadersLanguage(lang(c), async () => {
      const blob = await receiptBlob(deps.db, c.req.valid('param').token);
      if (!blob) throw new AppError('not_found', 'Zu diesem Antrag gibt es (noch) keine Empfangsbestätigung. / This application has no receipt (yet).');
      return receiptResponse(deps.blobs, blob);
    }),
  );

  return api;
}
