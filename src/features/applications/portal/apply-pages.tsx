import { translate, type Lang } from '../../../web/i18n.ts';
import { ErrorSummary, Ltr, PortalLayout } from '../../portal/index.ts';
import { allowedMediaTypes } from '../../case-files/index.ts';
import { isShown } from '../answers.ts';
import type { FormStep } from '../form-definition.ts';
import type { ReaderTexts } from '../form-texts.ts';
import { FormText, GroupInput, inputId, SimpleFieldInput, type FieldErrors, type Shown } from './apply-fields.tsx';

export type FormSummary = { slug: string; texts: ReaderTexts };

function TranslationNotice(props: { lang: Lang; texts: ReaderTexts }) {
  if (props.texts.state === 'current') return null;
  return <p class="notice">{translate(props.lang, props.texts.state === 'missing' ? 'apply.translation.missing' : 'apply.translation.outdated')}</p>;
}

export function FormListPage(props: { lang: Lang; forms: FormSummary[] }) {
  const { lang } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <PortalLayout lang={lang} title={t('apply.list.title')} path="/apply">
      <h1>{t('apply.list.title')}</h1>
      <p>{t('apply.list.intro')}</p>
      {props.forms.length === 0 ? <p>{t('apply.list.none')}</p> : null}
      <ul class="cards">
        {props.forms.map((form) => (
          <li class="card">
            <h2>
              <a href={`/${lang}/apply/${form.slug}`}>
                <FormText texts={form.texts} textKey="title" lang={lang} />
              </a>
            </h2>
            <p>
              <FormText texts={form.texts} textKey="intro" lang={lang} />
            </p>
          </li>
        ))}
      </ul>
    </PortalLayout>
  );
}

export function StartPage(props: { lang: Lang; slug: string; texts: ReaderTexts; csrf: string; emailError?: string | undefined; email?: string }) {
  const { lang, texts } = props;
  const t = (key: string) => translate(lang, key);
  const title = texts.text('title')?.text ?? props.slug;
  return (
    <PortalLayout lang={lang} title={title} path={`/apply/${props.slug}`}>
      <ErrorSummary lang={lang} errors={props.emailError ? [{ field: 'email', message: props.emailError }] : []} />
      <TranslationNotice lang={lang} texts={texts} />
      <h1>
        <FormText texts={texts} textKey="title" lang={lang} />
      </h1>
      <p>
        <FormText texts={texts} textKey="intro" lang={lang} />
      </p>
      <form method="post" action={`/${lang}/apply/${props.slug}`} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <div class={props.emailError ? 'field invalid' : 'field'}>
          <label for="email">{t('apply.start.email')}</label>
          <span class="hint" id="email-hint">
            {t('apply.start.email_help')}
          </span>
          {props.emailError ? (
            <span class="field-error" id="email-error">
              {props.emailError}
            </span>
          ) : null}
          <input
            type="email"
            id="email"
            name="email"
            value={props.email ?? ''}
            maxlength={254}
            autocomplete="email"
            dir="ltr"
            aria-invalid={props.emailError ? 'true' : undefined}
            aria-describedby={props.emailError ? 'email-hint email-error' : 'email-hint'}
          />
        </div>
        <p class="actions">
          <button type="submit" class="button">
            {t('apply.start.button')}
          </button>
        </p>
      </form>
    </PortalLayout>
  );
}

export type UploadView = { id: string; fieldKey: string; fileName: string; size: number };

export type StepPageProps = {
  lang: Lang;
  slug: string;
  token: string;
  texts: ReaderTexts;
  step: FormStep;
  stepNumber: number;
  stepCount: number;
  formVersionId: string;
  revision: number;
  /** Answers of the earlier steps (conditions) and what this step shows. */
  earlier: Record<string, unknown>;
  shown: Shown;
  errors: FieldErrors;
  uploads: UploadView[];
  csrf: string;
};

const kindNames = (accept: readonly string[]) => accept.map((type) => allowedMediaTypes.get(type) ?? type).join(', ');

export function StepPage(props: StepPageProps) {
  const { lang, texts, step } = props;
  const t = (key: string, values?: Record<string, string | number>) => translate(lang, key, values);
  const base = `/${lang}/apply/${props.slug}/a/${props.token}`;
  const stepTitle = texts.text(`step.${step.key}`)?.text ?? step.key;
  const data = { ...props.earlier, ...props.shown };
  const fields = step.fields.filter((field) => isShown(field, data));
  const summary = [...props.errors].map(([path, message]) => ({ field: inputId(path), message }));
  return (
    <PortalLayout
      lang={lang}
      title={`${stepTitle} · ${texts.text('title')?.text ?? ''}`}
      path={`/apply/${props.slug}/a/${props.token}/${props.stepNumber}`}
      scripts={fields.some((field) => field.kind === 'file') ? ['tus.js', 'apply-upload.js'] : []}
    >
      <ErrorSummary lang={lang} errors={summary} />
      <TranslationNotice lang={lang} texts={texts} />
      <p class="muted">
        <FormText texts={texts} textKey="title" lang={lang} /> · {t('apply.step.progress', { current: props.stepNumber, total: props.stepCount })}
      </p>
      <h1>
        <FormText texts={texts} textKey={`step.${step.key}`} lang={lang} />
      </h1>
      {fields
        .filter((field) => field.kind === 'file')
        .map((field) => {
          if (field.kind !== 'file') return null;
          const id = inputId(field.key);
          const mine = props.uploads.filter((upload) => upload.fieldKey === field.key);
          const error = props.errors.get(field.key);
          const labelKey = `field.${field.key}.label`;
          return (
            <section class={error ? 'field upload invalid' : 'field upload'} aria-labelledby={`${id}-label`}>
              <h2 id={`${id}-label`}>
                <FormText texts={texts} textKey={labelKey} lang={lang} />
              </h2>
              {texts.text(`field.${field.key}.help`) ? (
                <p class="hint">
                  <FormText texts={texts} textKey={`field.${field.key}.help`} lang={lang} />
                </p>
              ) : null}
              {error ? (
                <p class="field-error" id={`${id}-error`}>
                  {error}
                </p>
              ) : null}
              {mine.length ? (
                <form method="post" action={`${base}/remove-upload`} class="uploaded">
                  <input type="hidden" name="_csrf" value={props.csrf} />
                  <input type="hidden" name="step" value={String(props.stepNumber)} />
                  <p>{t('apply.file.uploaded')}</p>
                  <ul>
                    {mine.map((upload) => (
                      <li>
                        <Ltr>{upload.fileName}</Ltr>{' '}
                        <button type="submit" name="uploadId" value={upload.id} class="button secondary">
                          {t('apply.file.remove')}
                        </button>
                      </li>
                    ))}
                  </ul>
                </form>
              ) : null}
              {mine.length < field.maxFiles ? (
                <form
                  method="post"
                  action={`${base}/upload/${field.key}?_csrf=${encodeURIComponent(props.csrf)}&step=${props.stepNumber}`}
                  enctype="multipart/form-data"
                  data-tus={`${base}/tus/${field.key}?_csrf=${encodeURIComponent(props.csrf)}`}
                  data-done={`${base}/${props.stepNumber}`}
                  data-text-progress={t('apply.upload.progress', { percent: '{percent}' })}
                  data-text-interrupted={t('apply.upload.interrupted')}
                  data-text-resumed={t('apply.upload.resumed')}
                  data-text-done={t('apply.upload.done')}
                >
                  <label for={id}>
                    <FormText texts={texts} textKey={labelKey} lang={lang} />
                  </label>
                  <span class="hint" id={`${id}-hint`}>
                    {t('apply.file.limits', { kinds: kindNames(field.accept), size: Math.round(field.maxBytes / 1024 / 1024) })}
                  </span>
                  <input
                    type="file"
                    id={id}
                    name="file"
                    accept={field.accept.join(',')}
                    aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
                    aria-invalid={error ? 'true' : undefined}
                    data-max-bytes={String(field.maxBytes)}
                  />
                  <button type="submit" class="button secondary">
                    {t('apply.file.upload')}
                  </button>
                  <progress max="100" value="0" hidden aria-label={t('apply.file.upload')}></progress>
                  <p class="upload-status" role="status"></p>
                </form>
              ) : null}
            </section>
          );
        })}
      <form method="post" action={`${base}/${props.stepNumber}`} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="formVersionId" value={props.formVersionId} />
        <input type="hidden" name="revision" value={String(props.revision)} />
        {fields.map((field) => {
          const required = field.required;
          if (field.kind === 'file') return null;
          if (field.kind === 'group')
            return <GroupInput lang={lang} texts={texts} field={field} value={props.shown[field.key]} errors={props.errors} required={required} />;
          return (
            <SimpleFieldInput
              lang={lang}
              texts={texts}
              field={field}
              path={field.key}
              labelKey={`field.${field.key}.label`}
              value={props.shown[field.key]}
              errors={props.errors}
              required={required}
            />
          );
        })}
        <p class="actions">
          <button type="submit" name="go" value="next" class="button">
            {t('apply.step.next')}
          </button>
          {props.stepNumber > 1 ? (
            <button type="submit" name="go" value="back" class="button secondary">
              {t('apply.step.back')}
            </button>
          ) : null}
          <button type="submit" name="go" value="later" class="button secondary">
            {t('apply.step.save_later')}
          </button>
        </p>
      </form>
    </PortalLayout>
  );
}

export function ReviewPage(props: {
  lang: Lang;
  slug: string;
  token: string;
  texts: ReaderTexts;
  rows: { stepNumber: number; step: string; label: string; value: string }[];
  csrf: string;
  errors: { stepNumber: number; message: string }[];
}) {
  const { lang, texts } = props;
  const t = (key: string) => translate(lang, key);
  const base = `/${lang}/apply/${props.slug}/a/${props.token}`;
  return (
    <PortalLayout lang={lang} title={t('apply.review.title')} path={`/apply/${props.slug}/a/${props.token}/review`}>
      {props.errors.length ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
          <h2>{translate(lang, 'portal.problem.apply_incomplete.title')}</h2>
          <ul>
            {props.errors.map((error) => (
              <li>
                <a href={`${base}/${error.stepNumber}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TranslationNotice lang={lang} texts={texts} />
      <p class="muted">
        <FormText texts={texts} textKey="title" lang={lang} />
      </p>
      <h1>{t('apply.review.title')}</h1>
      <dl class="facts review">
        {props.rows.map((row) => (
          <>
            <dt>{row.label}</dt>
            <dd>
              <span class="answer">{row.value}</span>{' '}
              <a href={`${base}/${row.stepNumber}`} class="change">
                {t('apply.review.change')}
                <span class="visually-hidden">: {row.label}</span>
              </a>
            </dd>
          </>
        ))}
      </dl>
      <form method="post" action={`${base}/submit`} class="actions">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit" class="button">
          {t('apply.review.submit')}
        </button>
      </form>
    </PortalLayout>
  );
}

export function SavedPage(props: { lang: Lang; slug: string; token: string; url: string; mailed: boolean }) {
  const { lang } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <PortalLayout lang={lang} title={t('apply.saved.title')} path={`/apply/${props.slug}/a/${props.token}/saved`}>
      <h1>{t('apply.saved.title')}</h1>
      {props.mailed ? <p>{t('apply.saved.mailed')}</p> : null}
      <p>{t('apply.saved.link')}</p>
      <p class="code">
        <Ltr>{props.url}</Ltr>
      </p>
      <p class="actions">
        <a class="button" href={`/${lang}/apply/${props.slug}/a/${props.token}`}>
          {t('apply.saved.continue')}
        </a>
      </p>
    </PortalLayout>
  );
}

export function ReceiptPage(props: { lang: Lang; slug: string; token: string; texts: ReaderTexts; number: string; fiktion: boolean }) {
  const { lang, texts } = props;
  const t = (key: string, values?: Record<string, string>) => translate(lang, key, values);
  return (
    <PortalLayout lang={lang} title={t('apply.receipt.title')} path={`/apply/${props.slug}/a/${props.token}/receipt`}>
      <h1>{t('apply.receipt.title')}</h1>
      <p>{t('apply.receipt.text', { form: texts.text('title')?.text ?? props.slug, number: props.number })}</p>
      <dl class="facts">
        <dt>{t('apply.receipt.number')}</dt>
        <dd>
          <Ltr>
            <strong class="code" data-procedure-number>
              {props.number}
            </strong>
          </Ltr>
        </dd>
      </dl>
      <p>{t('apply.receipt.keep')}</p>
      {props.fiktion && texts.text('receipt_fiktion') ? (
        <p class="notice">
          <FormText texts={texts} textKey="receipt_fiktion" lang={lang} />
        </p>
      ) : null}
      <p class="actions">
        <a class="button" href={`/${lang}/apply/${props.slug}/a/${props.token}/receipt.pdf`}>
          {t('apply.receipt.download')}
        </a>
      </p>
    </PortalLayout>
  );
}
