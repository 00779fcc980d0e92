import { languageName, languages, translate, type Lang } from '../../web/i18n.ts';

/**
 * The person's fields of the portal's forms (booking, lottery entry, waiting list): name, date of birth and
 * e-mail with hints and errors at the field, the consent, and the proof of work's status line.
 * Values are given back as typed; errors are in the reader's language.
 */
export type PersonValues = { name: string; dateOfBirth: string; email: string; phone: string; language: string; consent: boolean };
export type PersonErrors = Partial<Record<'name' | 'dateOfBirth' | 'email' | 'phone' | 'language' | 'consent' | 'start' | 'pow', string>>;

/** The error summary's entries: each links to its field (the proof of work to its status line). */
export function errorSummary(errors: PersonErrors): { field: string; message: string }[] {
  return Object.entries(errors).map(([field, message]) => ({ field: field === 'pow' ? 'pow-status' : field, message: message ?? '' }));
}

/** aria-describedby of a field: its hint and its error, when there are. */
export function describedBy(errors: PersonErrors, field: keyof PersonErrors, hint?: string): string | undefined {
  return [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
}

export function FieldError(props: { errors: PersonErrors; field: keyof PersonErrors }) {
  const message = props.errors[props.field];
  return message ? (
    <span class="field-error" id={`${props.field}-error`}>
      {message}
    </span>
  ) : null;
}

const personInputs = [
  { field: 'name', type: 'text', label: 'portal.details.name', maxlength: 200, autocomplete: 'name', ltr: false },
  { field: 'dateOfBirth', type: 'date', label: 'portal.details.dob', maxlength: undefined, autocomplete: 'bday', ltr: false },
  { field: 'email', type: 'email', label: 'portal.details.email', maxlength: 254, autocomplete: 'email', ltr: true },
] as const;

/** Name, date of birth and e-mail, each with its hint. */
export function PersonFields(props: { lang: Lang; values: PersonValues; errors: PersonErrors }) {
  const { errors } = props;
  return (
    <>
      {personInputs.map((input) => (
        <div class={errors[input.field] ? 'field invalid' : 'field'}>
          <label for={input.field}>{translate(props.lang, input.label)}</label>
          <span class="hint" id={`${input.field}-hint`}>
            {translate(props.lang, `${input.label}.hint`)}
          </span>
          <FieldError errors={errors} field={input.field} />
          <input
            type={input.type}
            id={input.field}
            name={input.field}
            value={props.values[input.field]}
            maxlength={input.maxlength}
            autocomplete={input.autocomplete}
            dir={input.ltr ? 'ltr' : undefined}
            required
            aria-invalid={errors[input.field] ? 'true' : undefined}
            aria-describedby={describedBy(errors, input.field, `${input.field}-hint`)}
          />
        </div>
      ))}
    </>
  );
}

/** The language of the person's mails (and of the pages their links open). */
export function LanguageField(props: { lang: Lang; value: string; errors: PersonErrors }) {
  const { errors } = props;
  return (
    <div class={errors.language ? 'field invalid' : 'field'}>
      <label for="language">{translate(props.lang, 'portal.details.language')}</label>
      <FieldError errors={errors} field="language" />
      <select id="language" name="language" autocomplete="language" aria-describedby={describedBy(errors, 'language')}>
        {languages.map((code) => (
          <option value={code} lang={code} selected={props.value === code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What is stored and why (`text`), the link to the privacy page, and the consent box. */
export function ConsentField(props: { lang: Lang; text: string; checked: boolean; errors: PersonErrors }) {
  const { lang, errors } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <>
      <h2>{t('portal.details.privacy')}</h2>
      <p>
        {props.text} <a href={`/${lang}/privacy`}>{t('portal.privacy.link')}</a>
      </p>
      <div class={errors.consent ? 'field invalid' : 'field'}>
        <FieldError errors={errors} field="consent" />
        <span class="check">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            value="yes"
            checked={props.checked}
            required
            aria-invalid={errors.consent ? 'true' : undefined}
            aria-describedby={describedBy(errors, 'consent')}
          />
          <label for="consent">{t('portal.details.consent')}</label>
        </span>
      </div>
    </>
  );
}

/** The privacy note, the consent box, and the proof of work's hidden field and status line (with its no-script note). */
export function ConsentAndProofOfWork(props: { lang: Lang; values: PersonValues; errors: PersonErrors }) {
  const { lang, errors } = props;
  const t = (key: string) => translate(lang, key);
  return (
    <>
      <ConsentField lang={lang} text={t('portal.details.privacy.text')} checked={props.values.consent} errors={errors} />
      <input type="hidden" name="altcha" value="" />
      <p class="pow-status" id="pow-status" role="status" data-working={t('portal.pow.working')} data-done={t('portal.pow.done')}>
        {errors.pow ? <span class="field-error">{errors.pow}</span> : null}
      </p>
      <noscript>
        <p class="notice">{t('portal.pow.noscript')}</p>
      </noscript>
    </>
  );
}
