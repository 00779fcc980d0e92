import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName, sourceLang, textDirection } from '../../../web/i18n.ts';
import { CsrfField, Notice, StaffLayout, staffT } from '../../staff/index.ts';
import { translationState, type ServiceTextFields } from '../translation-status.ts';
import { FieldError } from './office-page.tsx';

/** What was typed into the text form and what is wrong with it, after a failed save. */
export type SubmittedText = { values: Record<string, string>; errors: Map<string, string> };

/** The text form of one language; after a failed save it shows what was typed, with the problem next to each field. */
export function ServiceTextPage(props: {
  c: Context<AppEnv>;
  service: { id: string; slug: string };
  lang: string;
  text: (ServiceTextFields & { source_digest: string | null }) | undefined;
  german: ServiceTextFields | undefined;
  submitted?: SubmittedText | undefined;
}) {
  const { c, service, lang, text, german, submitted } = props;
  const t = staffT(c);
  const state = lang === sourceLang ? undefined : translationState(german, text);
  const dir = textDirection(lang);
  const value = (field: string, stored: string) => submitted?.values[field] ?? stored;
  const invalid = (field: string, id: string) => (submitted?.errors.has(field) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {});
  return (
    <StaffLayout c={c} title={`${german?.name ?? service.slug} · ${languageName(lang)}`} wide>
      <h1>
        {german?.name ?? service.slug} · {languageName(lang)}
      </h1>
      <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
      {state && state !== 'current' ? <p class={`badge ${state}`}>{t(`staff.translation.${state}`)}</p> : null}
      {german && lang !== sourceLang ? (
        <details open={state !== 'current'}>
          <summary>{t('staff.services.german_source')}</summary>
          <dl lang="de">
            <dt>{t('staff.services.text_name')}</dt>
            <dd>{german.name}</dd>
            <dt>{t('staff.services.text_description')}</dt>
            <dd>{german.description}</dd>
            <dt>{t('staff.services.text_audience')}</dt>
            <dd>{german.audience}</dd>
            <dt>{t('staff.services.text_documents')}</dt>
            <dd>
              <ul>
                {german.required_documents.map((doc) => (
                  <li>{doc}</li>
                ))}
              </ul>
            </dd>
            <dt>{t('staff.services.text_fee_note')}</dt>
            <dd>{german.fee_note}</dd>
          </dl>
        </details>
      ) : null}
      {submitted ? (
        <div class="error-summary" role="alert">
          <p>{t('staff.form.not_saved')}</p>
        </div>
      ) : null}
      <form method="post" action={`/staff/admin/services/${service.id}/texts/${lang}`} class="form-grid" novalidate={submitted ? true : undefined}>
        <CsrfField c={c} />
        <div>
          <label for="text-name">{t('staff.services.text_name')}</label>
          <FieldError id="text-name" message={submitted?.errors.get('name')} />
          <input
            type="text"
            id="text-name"
            name="name"
            required
            maxlength={200}
            value={value('name', text?.name ?? '')}
            lang={lang}
            dir={dir}
            {...invalid('name', 'text-name')}
          />
        </div>
        <div>
          <label for="text-description">{t('staff.services.text_description')}</label>
          <FieldError id="text-description" message={submitted?.errors.get('description')} />
          <textarea id="text-description" name="description" rows={5} maxlength={4000} lang={lang} dir={dir} {...invalid('description', 'text-description')}>
            {value('description', text?.description ?? '')}
          </textarea>
        </div>
        <div>
          <label for="text-audience">{t('staff.services.text_audience')}</label>
          <FieldError id="text-audience" message={submitted?.errors.get('audience')} />
          <textarea id="text-audience" name="audience" rows={3} maxlength={2000} lang={lang} dir={dir} {...invalid('audience', 'text-audience')}>
            {value('audience', text?.audience ?? '')}
          </textarea>
        </div>
        <div>
          <label for="text-documents">{t('staff.services.text_documents')}</label>
          <p class="hint" id="documents-hint">
            {t('staff.services.documents_hint')}
          </p>
          <FieldError id="text-documents" message={submitted?.errors.get('requiredDocuments')} />
          <textarea
            id="text-documents"
            name="requiredDocuments"
            rows={8}
            lang={lang}
            dir={dir}
            aria-describedby={submitted?.errors.has('requiredDocuments') ? 'documents-hint text-documents-error' : 'documents-hint'}
            aria-invalid={submitted?.errors.has('requiredDocuments') ? 'true' : undefined}
          >
            {value('requiredDocuments', (text?.required_documents ?? []).join('\n'))}
          </textarea>
        </div>
        <div>
          <label for="text-fee-note">{t('staff.services.text_fee_note')}</label>
          <FieldError id="text-fee-note" message={submitted?.errors.get('feeNote')} />
          <textarea id="text-fee-note" name="feeNote" rows={2} maxlength={1000} lang={lang} dir={dir} {...invalid('feeNote', 'text-fee-note')}>
            {value('feeNote', text?.fee_note ?? '')}
          </textarea>
        </div>
        <div>
          <button type="submit" class="button">
            {t('staff.save')}
          </button>
        </div>
      </form>
      <p>
        <a href={`/staff/admin/services/${service.id}`}>{t('staff.back')}</a>
      </p>
    </StaffLayout>
  );
}
