import type { Child } from 'hono/jsx';
import { textDirection, translate, type Lang } from '../../../web/i18n.ts';
import { partialDateText } from '../answer-text.ts';
import type { Address, SimpleAnswer } from '../answers.ts';
import type { FormField, SimpleField } from '../form-definition.ts';
import type { ReaderTexts } from '../form-texts.ts';

/** What a page shows in a field: the stored answer, or what the applicant typed when it was refused. */
export type Shown = Record<string, unknown>;
export type FieldErrors = Map<string, string>;

/** A text of the form in the language it is in (German where no translation exists yet). */
export function FormText(props: { texts: ReaderTexts; textKey: string; lang: Lang }) {
  const text = props.texts.text(props.textKey);
  if (!text) return <>{props.textKey}</>;
  return text.lang === props.lang ? (
    text.text
  ) : (
    <span lang={text.lang} dir={textDirection(text.lang)}>
      {text.text}
    </span>
  );
}

/** The form field's input name: `a.family_name`, `a.address.city`, `a.family_members.0.given_names`. */
export const inputName = (path: string) => `a.${path}`;
export const inputId = (path: string) => `f-${path.replace(/\./g, '-')}`;

type FieldProps = {
  lang: Lang;
  texts: ReaderTexts;
  field: SimpleField;
  path: string;
  labelKey: string;
  value: unknown;
  errors: FieldErrors;
  required: boolean;
};

function Label(props: { lang: Lang; texts: ReaderTexts; labelKey: string; required: boolean; for?: string }) {
  const body = (
    <>
      <FormText texts={props.texts} textKey={props.labelKey} lang={props.lang} />
      {props.required ? null : <span class="optional"> {translate(props.lang, 'apply.step.optional')}</span>}
    </>
  );
  return props.for ? <label for={props.for}>{body}</label> : <legend>{body}</legend>;
}

function Help(props: { lang: Lang; texts: ReaderTexts; labelKey: string; id: string; extra?: string | undefined }) {
  const help = props.texts.text(props.labelKey.replace(/\.label$/, '.help'));
  if (!help && !props.extra) return null;
  return (
    <span class="hint" id={props.id}>
      {help ? <FormText texts={props.texts} textKey={props.labelKey.replace(/\.label$/, '.help')} lang={props.lang} /> : null}
      {help && props.extra ? ' ' : null}
      {props.extra}
    </span>
  );
}

function ErrorText(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <span class="field-error" id={props.id}>
      {props.message}
    </span>
  ) : null;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** One simple field as native inputs: works without JavaScript, labelled, with its hint and error. */
export function SimpleFieldInput(props: FieldProps) {
  const { lang, field, path } = props;
  const id = inputId(path);
  const error = props.errors.get(path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasHelp = props.texts.text(props.labelKey.replace(/\.label$/, '.help')) !== undefined || field.kind === 'date';
  const wrap = (children: Child, group = false) =>
    group ? (
      <fieldset class={error ? 'field invalid' : 'field'} id={id} aria-describedby={describedBy(hasHelp && hintId, error && errorId)}>
        <Label lang={lang} texts={props.texts} labelKey={props.labelKey} required={props.required} />
        <Help lang={lang} texts={props.texts} labelKey={props.labelKey} id={hintId} />
        <ErrorText id={errorId} message={error} />
        {children}
      </fieldset>
    ) : (
      <div class={error ? 'field invalid' : 'field'}>
        <Label lang={lang} texts={props.texts} labelKey={props.labelKey} required={props.required} for={id} />
        <Help
          lang={lang}
          texts={props.texts}
          labelKey={props.labelKey}
          id={hintId}
          extra={field.kind === 'date' ? translate(lang, 'apply.date.hint') : undefined}
        />
        <ErrorText id={errorId} message={error} />
        {children}
      </div>
    );
  const common = {
    id,
    name: inputName(path),
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(hasHelp && hintId, error && errorId),
    required: props.required,
  };
  switch (field.kind) {
    case 'text':
      return wrap(
        field.multiline ? (
          <textarea {...common} maxlength={field.maxLength} rows={4}>
            {String(props.value ?? '')}
          </textarea>
        ) : (
          <input type="text" {...common} value={String(props.value ?? '')} maxlength={field.maxLength} />
        ),
      );
    case 'email':
      return wrap(<input type="email" {...common} value={String(props.value ?? '')} maxlength={254} autocomplete="email" dir="ltr" />);
    case 'date': {
      const value = typeof props.value === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(props.value) ? partialDateText(props.value) : String(props.value ?? '');
      // A text input: partial dates ("1990", "05.1990") have no native date picker.
      return wrap(<input type="text" {...common} value={value} inputmode="numeric" maxlength={10} dir="ltr" class="date" />);
    }
    case 'choice':
      return wrap(
        <div class="choices">
          {field.options.map((option) => (
            <label class="choice">
              <input type="radio" name={inputName(path)} value={option} checked={props.value === option} required={props.required} />{' '}
              <FormText texts={props.texts} textKey={`${props.labelKey.replace(/\.label$/, '')}.option.${option}`} lang={lang} />
            </label>
          ))}
        </div>,
        true,
      );
    case 'yesno': {
      const value = props.value === true || props.value === 'yes' ? 'yes' : props.value === false || props.value === 'no' ? 'no' : '';
      return wrap(
        <div class="choices inline">
          {(['yes', 'no'] as const).map((option) => (
            <label class="choice">
              <input type="radio" name={inputName(path)} value={option} checked={value === option} required={props.required} />{' '}
              {translate(lang, `apply.${option}`)}
            </label>
          ))}
        </div>,
        true,
      );
    }
    case 'address': {
      const address = (typeof props.value === 'object' && props.value !== null ? props.value : {}) as Partial<Address>;
      const part = (name: keyof Address, key: string, autocomplete: string, size: 'wide' | 'short') => (
        <div class={`address-part ${size}`}>
          <label for={`${id}-${name}`}>{translate(lang, `apply.address.${key}`)}</label>
          <input
            type="text"
            id={`${id}-${name}`}
            name={`${inputName(path)}.${name}`}
            value={address[name] ?? ''}
            autocomplete={autocomplete}
            maxlength={name === 'postalCode' ? 10 : 200}
            required={props.required}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
      );
      return wrap(
        <>
          {part('street', 'street', 'street-address', 'wide')}
          {part('postalCode', 'postal_code', 'postal-code', 'short')}
          {part('city', 'city', 'address-level2', 'wide')}
        </>,
        true,
      );
    }
  }
}

/** A repeatable group: every entry so far, and one empty entry to add another (no JavaScript needed). */
export function GroupInput(props: {
  lang: Lang;
  texts: ReaderTexts;
  field: Extract<FormField, { kind: 'group' }>;
  value: unknown;
  errors: FieldErrors;
  required: boolean;
}) {
  const { lang, field } = props;
  const entries = Array.isArray(props.value) ? (props.value as Record<string, SimpleAnswer>[]) : [];
  const rows = entries.length < field.maxItems ? [...entries, {}] : entries;
  const labelKey = `field.${field.key}.label`;
  const error = props.errors.get(field.key);
  return (
    <fieldset class={error ? 'group invalid' : 'group'} id={inputId(field.key)}>
      <Label lang={lang} texts={props.texts} labelKey={labelKey} required={props.required} />
      <Help lang={lang} texts={props.texts} labelKey={labelKey} id={`${inputId(field.key)}-hint`} />
      <ErrorText id={`${inputId(field.key)}-error`} message={error} />
      {rows.map((entry, index) => (
        <fieldset class="entry">
          <legend>{index < entries.length ? translate(lang, 'apply.group.entry', { number: index + 1 }) : translate(lang, 'apply.group.new')}</legend>
          {field.fields.map((sub) => (
            <SimpleFieldInput
              lang={lang}
              texts={props.texts}
              field={sub}
              path={`${field.key}.${index}.${sub.key}`}
              labelKey={`field.${field.key}.${sub.key}.label`}
              value={entry[sub.key]}
              errors={props.errors}
              required={false}
            />
          ))}
          {index < entries.length ? (
            <button type="submit" name="go" value={`remove:${field.key}:${index}`} class="button secondary">
              {translate(lang, 'apply.group.remove', { number: index + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      {entries.length < field.maxItems ? (
        <button type="submit" name="go" value="stay" class="button secondary">
          {translate(lang, 'apply.group.add')}
        </button>
      ) : null}
    </fieldset>
  );
}
