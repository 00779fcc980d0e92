import { Hono, type Context } from 'hono';
import { receiptResponse } from '../receipt-response.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { isAppError, type AppError } from '../../../shared/app-error.ts';
import { translate, type Lang } from '../../../web/i18n.ts';
import { multipartParts } from '../../case-files/index.ts';
import { checkCsrf, clientIp, csrfToken, portalLangSegment, problemPage, rateLimitedPage, type PortalDeps } from '../../portal/index.ts';
import { addUpload, removeUpload } from '../add-upload.ts';
import { answerRows, problemText } from '../answer-text.ts';
import { answersBefore, shownSteps } from '../answers.ts';
import type { ApplicationDeps } from '../application-deps.ts';
import { listForms, publishedVersion, translationOf } from '../form-store.ts';
import { limitApplicationStarts } from '../limit-starts.ts';
import { readerTexts } from '../form-texts.ts';
import { draftProgress, readApplication, receiptBlob } from '../read-application.ts';
import { saveAnswers } from '../save-answers.ts';
import { sendContinueLink } from '../send-continue-link.ts';
import { continueUrl, startApplication } from '../start-application.ts';
import { submitApplication } from '../submit-application.ts';
import type { FieldErrors } from './apply-fields.tsx';
import { readStepForm } from './read-step-form.ts';
import type { Locker } from '@tus/server';
import { resumableUploadRoutes } from './resumable-uploads.ts';
import { FormListPage, ReceiptPage, ReviewPage, SavedPage, StartPage, StepPage } from './apply-pages.tsx';

type Deps = PortalDeps & Pick<ApplicationDeps, 'blobs' | 'uploadMaxBytes' | 'jobs' | 'virusScanner'> & { uploadLocker?: Locker | undefined };

const uploadProblems = [
  'empty',
  'too_large',
  'wrong_kind',
  'pdf_script',
  'pdf_damaged',
  'too_many_pages',
  'too_many_files',
  'no_file',
  'infected',
  'scan_unavailable',
];

/**
 * The citizen's online application: the list of forms, a form's start, its steps one page each,
 * uploads (plain multipart, streamed), the review, the submission and the receipt. Every page works
 * without JavaScript; the link with the application's secret is the only key to it.
 */
export function applyPortalRoutes(deps: Deps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.route('/', resumableUploadRoutes(deps));
  const lang = (c: Context<AppEnv>) => c.req.param('lang') as Lang;
  const problem = (c: Context<AppEnv>, status: 400 | 404 | 409 | 422, name: string) =>
    problemPage(c, status, {
      lang: lang(c),
      problem: `apply_${name}`,
      path: '/apply',
      actions: [{ href: `/${lang(c)}/apply`, label: translate(lang(c), 'apply.list.title') }],
    });
  /** An applicant's error (details.problem) as its page; anything else goes on to the error edge. */
  const asProblemPage = (c: Context<AppEnv>, error: unknown) => {
    if (!isAppError(error)) throw error;
    const name = String((error as AppError).details?.problem ?? '');
    if (!name) throw error;
    const status = error.code === 'not_found' ? 404 : error.code === 'conflict' ? 409 : error.code === 'validation_failed' ? 422 : 400;
    return problem(c, status, name);
  };
  const open = async (c: Context<AppEnv>) => {
    try {
      return { view: await readApplication(deps.db, c.req.param('token') ?? '', lang(c)) };
    } catch (error) {
      return { page: await asProblemPage(c, error) };
    }
  };
  const base = (c: Context<AppEnv>) => `/${lang(c)}/apply/${c.req.param('form')}/a/${c.req.param('token')}`;

  routes.get(`/${portalLangSegment}/apply`, async (c) => {
    const forms = [];
    for (const form of await listForms(deps.db)) {
      if (!form.active || !form.published_id) continue;
      const version = await publishedVersion(deps.db, form.slug);
      if (!version) continue;
      forms.push({ slug: form.slug, texts: readerTexts(version.texts, version.sourceDigest, lang(c), await translationOf(deps.db, version.id, lang(c))) });
    }
    return c.html(<FormListPage lang={lang(c)} forms={forms} />);
  });

  routes.get(`/${portalLangSegment}/apply/:form`, async (c) => {
    const version = await publishedVersion(deps.db, c.req.param('form'));
    if (!version) return problem(c, 404, 'unknown_form');
    const texts = readerTexts(version.texts, version.sourceDigest, lang(c), await translationOf(deps.db, version.id, lang(c)));
    return c.html(<StartPage lang={lang(c)} slug={version.slug} texts={texts} csrf={csrfToken(c)} />);
  });

  routes.post(`/${portalLangSegment}/apply/:form`, async (c) => {
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const email = typeof form.email === 'string' ? form.email : '';
    try {
      await limitApplicationStarts(deps, clientIp(c));
    } catch (error) {
      return rateLimitedPage(c, error, '/apply');
    }
    try {
      const started = await startApplication(deps, { slug: c.req.param('form'), lang: lang(c), email });
      return c.redirect(`/${lang(c)}/apply/${c.req.param('form')}/a/${started.token}/1`, 303);
    } catch (error) {
      if (isAppError(error) && error.details?.problem === 'email') {
        const version = await publishedVersion(deps.db, c.req.param('form'));
        if (!version) return problem(c, 404, 'unknown_form');
        const texts = readerTexts(version.texts, version.sourceDigest, lang(c), await translationOf(deps.db, version.id, lang(c)));
        c.status(422);
        return c.html(
          <StartPage lang={lang(c)} slug={version.slug} texts={texts} csrf={csrfToken(c)} email={email} emailError={translate(lang(c), 'apply.error.email')} />,
        );
      }
      return asProblemPage(c, error);
    }
  });

  routes.get(`/${portalLangSegment}/apply/:form/a/:token`, (c) => c.redirect(`${base(c)}/1`, 303));

  routes.get(`/${portalLangSegment}/apply/:form/a/:token/saved`, async (c) => {
    const opened = await open(c);
    if ('page' in opened) return opened.page;
    const { view } = opened;
    const url = continueUrl(deps.publicUrl, lang(c), view.version.slug, c.req.param('token'));
    return c.html(<SavedPage lang={lang(c)} slug={view.version.slug} token={c.req.param('token')} url={url} mailed={c.req.query('mailed') === '1'} />);
  });

  routes.get(`/${portalLangSegment}/apply/:form/a/:token/review`, async (c) => {
    const opened = await open(c);
    if ('page' in opened) return opened.page;
    const { view } = opened;
    if (view.application.state !== 'draft') return c.redirect(`${base(c)}/receipt`, 303);
    return c.html(await reviewPage(c, view));
  });

  async function reviewPage(c: Context<AppEnv>, view: Awaited<ReturnType<typeof readApplication>>) {
    const { definition } = view.version;
    const { steps, problems } = draftProgress(view, deps.clock.now());
    const fileNames = new Map<string, string[]>();
    for (const upload of view.uploads) fileNames.set(upload.field_key, [...(fileNames.get(upload.field_key) ?? []), upload.file_name]);
    const rows = answerRows(lang(c), view.texts, definition, view.application.answers, fileNames).map((row) => ({
      ...row,
      stepNumber: steps.findIndex((s) => (view.texts.text(`step.${s.key}`)?.text ?? s.key) === row.step) + 1,
    }));
    const stepOf = (path: string) => steps.findIndex((s) => s.fields.some((f) => f.key === path.split('.')[0])) + 1;
    const errors = problems.map((p) => ({ stepNumber: Math.max(1, stepOf(p.path)), message: problemText(lang(c), view.texts, p) }));
    return (
      <ReviewPage lang={lang(c)} slug={view.version.slug} token={c.req.param('token')!} texts={view.texts} rows={rows} csrf={csrfToken(c)} errors={errors} />
    );
  }

  routes.post(`/${portalLangSegment}/apply/:form/a/:token/submit`, async (c) => {
    checkCsrf(c, await c.req.parseBody(), deps.publicUrl);
    try {
      await submitApplication(deps, { token: c.req.param('token') });
      return c.redirect(`${base(c)}/receipt`, 303);
    } catch (error) {
      if (isAppError(error) && error.details?.problem === 'incomplete') {
        const view = await readApplication(deps.db, c.req.param('token'), lang(c));
        c.status(422);
        return c.html(await reviewPage(c, view));
      }
      return asProblemPage(c, error);
    }
  });

  routes.get(`/${portalLangSegment}/apply/:form/a/:token/receipt`, async (c) => {
    const opened = await open(c);
    if ('page' in opened) return opened.page;
    const { view } = opened;
    if (view.application.state === 'draft') return c.redirect(`${base(c)}/1`, 303);
    const number = view.procedureNumber;
    return c.html(
      <ReceiptPage
        lang={lang(c)}
        slug={view.version.slug}
        token={c.req.param('token')}
        texts={view.texts}
        number={number ?? '—'}
        fiktion={view.version.definition.fiktionNote}
      />,
    );
  });

  routes.get(`/${portalLangSegment}/apply/:form/a/:token/receipt.pdf`, async (c) => {
    const blob = await receiptBlob(deps.db, c.req.param('token'));
    if (!blob) return problem(c, 404, 'unknown');
    return receiptResponse(deps.blobs, blob);
  });

  routes.post(`/${portalLangSegment}/apply/:form/a/:token/upload/:field`, async (c) => {
    checkCsrf(c, { _csrf: c.req.query('_csrf') }, deps.publicUrl);
    const step = Number(c.req.query('step')) || 1;
    const back = (problemName?: string, max?: unknown) =>
      c.redirect(
        `${base(c)}/${step}${problemName ? `?upload_error=${problemName}&field=${c.req.param('field')}${max ? `&max=${Number(max)}` : ''}` : ''}`,
        303,
      );
    const body = c.req.raw.body;
    if (!body) return back('no_file');
    try {
      for await (const part of multipartParts(body as unknown as AsyncIterable<Uint8Array>, c.req.header('content-type'))) {
        if (part.name !== 'file') continue;
        if (!part.fileName) return back('no_file');
        await addUpload(deps, {
          token: c.req.param('token'),
          fieldKey: c.req.param('field'),
          upload: { body: part.body, fileName: part.fileName, declaredType: part.contentType },
        });
        return back();
      }
      return back('no_file');
    } catch (error) {
      const name = isAppError(error) ? String(error.details?.problem ?? '') : '';
      if (uploadProblems.includes(name)) return back(name, isAppError(error) ? error.details?.max : undefined);
      return asProblemPage(c, error);
    }
  });

  routes.post(`/${portalLangSegment}/apply/:form/a/:token/remove-upload`, async (c) => {
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    try {
      await removeUpload(deps, { token: c.req.param('token'), uploadId: String(form.uploadId ?? '') });
    } catch (error) {
      return asProblemPage(c, error);
    }
    return c.redirect(`${base(c)}/${Number(form.step) || 1}`, 303);
  });

  /** The draft and the step the address names (by its number among the steps shown), or the page to answer instead. */
  async function openStep(c: Context<AppEnv>) {
    const opened = await open(c);
    if (!opened.view) return { page: opened.page };
    const { view } = opened;
    if (view.application.state !== 'draft') return { page: c.redirect(`${base(c)}/receipt`, 303) };
    const steps = shownSteps(view.version.definition, view.application.answers);
    const number = Number(c.req.param('step'));
    return { view, steps, number, step: steps[number - 1] };
  }

  routes.get(`/${portalLangSegment}/apply/:form/a/:token/:step{[0-9]+}`, async (c) => {
    const opened = await openStep(c);
    if (opened.page) return opened.page;
    const { view, steps, number, step } = opened;
    if (!step) return c.redirect(`${base(c)}/${steps.length}`, 303);
    const errors: FieldErrors = new Map();
    const uploadError = c.req.query('upload_error');
    const field = c.req.query('field');
    if (uploadError && uploadProblems.includes(uploadError) && field)
      errors.set(field, translate(lang(c), `apply.upload.${uploadError}`, { max: Number(c.req.query('max')) || 0 }));
    // The virus scanner was unreachable: nothing is wrong with the file, the visitor is asked to try again later.
    if (uploadError === 'scan_unavailable') c.header('Retry-After', '60');
    const status = !uploadError ? 200 : uploadError === 'scan_unavailable' ? 503 : 422;
    return c.html(stepPage(c, view, step, number, steps.length, view.application.answers, errors, status));
  });

  function stepPage(
    c: Context<AppEnv>,
    view: Awaited<ReturnType<typeof readApplication>>,
    step: ReturnType<typeof shownSteps>[number],
    number: number,
    total: number,
    shown: Record<string, unknown>,
    errors: FieldErrors,
    status: 200 | 422 | 503,
  ) {
    c.status(status);
    return (
      <StepPage
        lang={lang(c)}
        slug={view.version.slug}
        token={c.req.param('token')!}
        texts={view.texts}
        step={step}
        stepNumber={number}
        stepCount={total}
        formVersionId={view.version.id}
        revision={view.application.revision}
        earlier={answersBefore(view.version.definition, step, view.application.answers)}
        shown={shown}
        errors={errors}
        uploads={view.uploads.map((u) => ({ id: u.id, fieldKey: u.field_key, fileName: u.file_name, size: Number(u.size) }))}
        csrf={csrfToken(c)}
      />
    );
  }

  routes.post(`/${portalLangSegment}/apply/:form/a/:token/:step{[0-9]+}`, async (c) => {
    const form = await c.req.parseBody();
    checkCsrf(c, form, deps.publicUrl);
    const token = c.req.param('token');
    const opened = await openStep(c);
    if (opened.page) return opened.page;
    const { view, steps, number, step } = opened;
    if (!step) return problem(c, 400, 'tampered');
    const go = typeof form.go === 'string' ? form.go : 'next';
    const raw = readStepForm(step, form, go);
    let saved: Awaited<ReturnType<typeof saveAnswers>>;
    try {
      saved = await saveAnswers(deps, { token, stepKey: step.key, formVersionId: form.formVersionId, basedOnRevision: form.revision, answers: raw });
    } catch (error) {
      return asProblemPage(c, error);
    }
    if (!saved.saved) {
      if (go === 'back') return c.redirect(`${base(c)}/${Math.max(1, number - 1)}`, 303);
      const errors: FieldErrors = new Map(saved.problems.map((p) => [p.path, problemText(lang(c), view.texts, p)]));
      return c.html(stepPage(c, view, step, number, steps.length, raw, errors, 422));
    }
    if (go === 'later') {
      const { mailed } = await sendContinueLink(deps, token);
      return c.redirect(`${base(c)}/saved${mailed ? '?mailed=1' : ''}`, 303);
    }
    if (go === 'back') return c.redirect(`${base(c)}/${Math.max(1, number - 1)}`, 303);
    if (go !== 'next') return c.redirect(`${base(c)}/${number}`, 303);
    const after = shownSteps(view.version.definition, saved.answers);
    const index = after.findIndex((s) => s.key === step.key);
    const next = after[index + 1];
    return c.redirect(next ? `${base(c)}/${index + 2}` : `${base(c)}/review`, 303);
  });

  return routes;
}
