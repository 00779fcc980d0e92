import type { Child } from 'hono/jsx';
import { translate, type Lang } from '../../../web/i18n.ts';

export type FieldErrors = { field: string; message: string }[];

/** A labelled field with its hint and error, wired for screen readers (aria-describedby, aria-invalid). */
export function Field(props: { id: string; label: string; hint?: string; errors: FieldErrors; children: (aria: Record<string, string | undefined>) => Child }) {
  const error = props.errors.find((e) => e.field === props.id)?.message;
  const described = [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${props.id}-error`}>
          {error}
        </span>
      ) : null}
      {props.children({ 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described || undefined })}
    </div>
  );
}

export function DateOfBirthField(props: { lang: Lang; value: string; errors: FieldErrors }) {
  return (
    <Field id="dateOfBirth" label={translate(props.lang, 'portal.details.dob')} errors={props.errors}>
      {(aria) => <input type="date" id="dateOfBirth" name="dateOfBirth" value={props.value} autocomplete="bday" dir="ltr" required {...aria} />}
    </Field>
  );
}
