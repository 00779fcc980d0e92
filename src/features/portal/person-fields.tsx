import { languageName, languages, translate, type Lang } from '../../web/i18n.ts';

/** The fields a person fills in for a booking or a waiting-list entry, with their errors (ids `<field>-error`). */
export type PersonFieldErrors = Partial<Record<'name' | 'dateOfBirth' | 'email' | 'language' | 'consent', string>>;

function FieldError(props: { field: string; message: string | undefined }) {
  return props.message ? (
    <span class="field-error" id={`${props.field}-error`}>
      {props.message}
    </span>
  ) : null;
}

const describedBy = (field: string, error: string | undefined, hint?: string) =>
  [hint, error ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

/** Name, date of birth and e-mail address, each with its hint and error. */
export function NameBirthEmailFields(props: { lang: Lang; values: { name: string; dateOfBirth: string; email: string }; errors: PersonFieldErrors }) {
  const { values, errors } = props;
  const t = (key: string) => translate(props.lang, key);
  return (
    <>
      <div class={errors.name ? 'field invalid' : 'field'}>
        <label for="name">{t('portal.details.name')}</label>
        <span class="hint" id="name-hint">
          {t('portal.details.name.hint')}
        </span>
        <FieldError field="name" message={errors.name} />
        <input
          type="text"
          id="name"
          name="name"
          value={values.name}
          maxlength={200}
          autocomplete="name"
          required
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={describedBy('name', errors.name, 'name-hint')}
        />
      </div>
      <div class={errors.dateOfBirth ? 'field invalid' : 'field'}>
        <label for="dateOfBirth">{t('portal.details.dob')}</label>
        <span class="hint" id="dateOfBirth-hint">
          {t('portal.details.dob.hint')}
        </span>
        <FieldError field="dateOfBirth" message={errors.dateOfBirth} />
        <input
          type="date"
          id="dateOfBirth"
          name="dateOfBirth"
          value={values.dateOfBirth}
          autocomplete="bday"
          required
          aria-invalid={errors.dateOfBirth ? 'true' : undefined}
          aria-describedby={describedBy('dateOfBirth', errors.dateOfBirth, 'dateOfBirth-hint')}
        />
      </div>
      <div class={errors.email ? 'field invalid' : 'field'}>
        <label for="email">{t('portal.details.email')}</label>
        <span class="hint" id="email-hint">
          {t('portal.details.email.hint')}
        </span>
        <FieldError field="email" message={errors.email} />
        <input
          type="email"
          id="email"
          name="email"
          value={values.email}
          maxlength={254}
          autocomplete="email"
          dir="ltr"
          required
          aria-invalid={errors.email ? 'true' : undefined}
          aria-describedby={describedBy('email', errors.email, 'email-hint')}
        />
      </div>
    </>
  );
}

/** The language of the person's mails (and of the pages their links open). */
export function LanguageField(props: { lang: Lang; value: string; error: string | undefined }) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for="language">{translate(props.lang, 'portal.details.language')}</label>
      <FieldError field="language" message={props.error} />
      <select id="language" name="language" autocomplete="language" aria-describedby={describedBy('language', props.error)}>
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
export function ConsentField(props: { lang: Lang; text: string; checked: boolean; error: string | undefined }) {
  const t = (key: string) => translate(props.lang, key);
  return (
    <>
      <h2>{t('portal.details.privacy')}</h2>
      <p>
        {props.text} <a href={`/${props.lang}/privacy`}>{t('portal.privacy.link')}</a>
      </p>
      <div class={props.error ? 'field invalid' : 'field'}>
        <FieldError field="consent" message={props.error} />
        <span class="check">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            value="yes"
            checked={props.checked}
            required
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={describedBy('consent', props.error)}
          />
          <label for="consent">{t('portal.details.consent')}</label>
        </span>
      </div>
    </>
  );
}
