import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { textDirection } from '../../../web/i18n.ts';
import { staffT } from '../../staff/index.ts';
import type { InfoPageTextFields } from '../info-page-status.ts';
import type { Submitted } from './info-page-form.ts';
import { FieldError } from './office-page.tsx';

/** What a form shows in a field: what was typed before a failed save, else what is stored. */
export function shown(submitted: Submitted | undefined, field: string, stored: string): string {
  const typed = submitted?.values[field];
  return typeof typed === 'string' ? typed : stored;
}

/** Title, summary and body of one language, with `lang` and `dir` of that language on the inputs. */
export function TextFields(props: { c: Context<AppEnv>; lang: string; text: InfoPageTextFields | undefined; submitted: Submitted | undefined }) {
  const t = staffT(props.c);
  const { lang, submitted } = props;
  const dir = textDirection(lang);
  const invalid = (field: string) => (submitted?.errors.has(field) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `page-${field}-error` } : {});
  return (
    <>
      <div>
        <label for="page-title">{t('staff.info_pages.text_title')}</label>
        <FieldError id="page-title" message={submitted?.errors.get('title')} />
        <input
          type="text"
          id="page-title"
          name="title"
          required
          maxlength={200}
          lang={lang}
          dir={dir}
          value={shown(submitted, 'title', props.text?.title ?? '')}
          {...invalid('title')}
        />
      </div>
      <div>
        <label for="page-summary">{t('staff.info_pages.text_summary')}</label>
        <FieldError id="page-summary" message={submitted?.errors.get('summary')} />
        <textarea id="page-summary" name="summary" rows={2} maxlength={1000} lang={lang} dir={dir} {...invalid('summary')}>
          {shown(submitted, 'summary', props.text?.summary ?? '')}
        </textarea>
      </div>
      <div>
        <label for="page-body">{t('staff.info_pages.text_body')}</label>
        <p class="hint" id="page-body-hint">
          {t('staff.info_pages.body_hint')}
        </p>
        <FieldError id="page-body" message={submitted?.errors.get('body')} />
        <textarea
          id="page-body"
          name="body"
          rows={16}
          maxlength={20000}
          lang={lang}
          dir={dir}
          aria-describedby={submitted?.errors.has('body') ? 'page-body-hint page-body-error' : 'page-body-hint'}
          aria-invalid={submitted?.errors.has('body') ? 'true' : undefined}
        >
          {shown(submitted, 'body', props.text?.body ?? '')}
        </textarea>
      </div>
    </>
  );
}

/** Why the save failed, at the top of the form. */
export function NotSaved(props: { c: Context<AppEnv>; submitted: Submitted | undefined }) {
  if (!props.submitted) return null;
  const t = staffT(props.c);
  return (
    <div class="error-summary" role="alert">
      <p>{props.submitted.message ?? t('staff.form.not_saved')}</p>
      {props.submitted.errors.size > 0 ? (
        <ul>
          {[...props.submitted.errors].map(([field, message]) => (
            <li>
              <a href={`#page-${field === 'serviceIds' ? 'services' : field}`}>{`${field}: ${message}`}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
