import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatPartialDate } from '../partial-date.ts';
import type { PersonInput } from '../person-store.ts';
import { staffT } from '../../staff/index.ts';

/** What the clerk typed into a refused form, as sent: shown again so that nothing has to be typed twice. */
export type TypedForm = Record<string, string | string[]>;

/**
 * The person's fields (the form names are the API's field names), filled with the stored person,
 * or, after a refusal, with exactly what was typed (which may not even parse, e.g. a wrong date).
 */
export function PersonFields(props: { c: Context<AppEnv>; person: Partial<PersonInput> | undefined; typed?: TypedForm | undefined; idPrefix: string }) {
  const t = staffT(props.c);
  const typed = props.typed;
  const p: Partial<PersonInput> = typed
    ? {
        ...Object.fromEntries(Object.entries(typed).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value])),
        nationalities: typedList(typed.nationalities, /,/),
        formerNames: typedList(typed.formerNames, /\r?\n/),
        nameVariants: typedList(typed.nameVariants, /\r?\n/),
        birthDate: undefined,
      }
    : (props.person ?? {});
  const field = (name: keyof PersonInput, label: string, value: string | null | undefined, extra: Record<string, unknown> = {}) => (
    <div>
      <label for={`${props.idPrefix}-${name}`}>{label}</label>
      <input type="text" id={`${props.idPrefix}-${name}`} name={name} value={value ?? ''} {...extra} />
    </div>
  );
  const birth = typed ? String(typed.birthDate ?? '') : p.birthDate ? formatPartialDate(p.birthDate) : '';
  return (
    <>
      {field('familyName', t('staff.case_file.common.family_name'), p.familyName, { required: true, maxlength: 200, autocomplete: 'off', dir: 'auto' })}
      {field('givenNames', t('staff.case_file.common.given_names'), p.givenNames, { maxlength: 200, autocomplete: 'off', dir: 'auto' })}
      {field('birthName', t('staff.case_file.common.birth_name'), p.birthName, { maxlength: 200 })}
      <div>
        <label for={`${props.idPrefix}-birthDate`}>{t('staff.case_file.common.date_of_birth')}</label>
        <input type="text" id={`${props.idPrefix}-birthDate`} name="birthDate" value={birth} maxlength={20} aria-describedby={`${props.idPrefix}-birth-hint`} />
        <p class="hint" id={`${props.idPrefix}-birth-hint`}>
          {t('staff.case_file.person_form.birth_date_hint')}
        </p>
      </div>
      {field('placeOfBirth', t('staff.case_file.common.place_of_birth'), p.placeOfBirth, { maxlength: 200 })}
      {field('countryOfBirth', t('staff.case_file.person_form.country_of_birth'), p.countryOfBirth, { maxlength: 2 })}
      {field('nationalities', t('staff.case_file.person_form.nationalities'), p.nationalities?.join(', '), {
        maxlength: 30,
      })}
      <div>
        <label for={`${props.idPrefix}-sex`}>{t('staff.case_file.person_form.sex')}</label>
        <select id={`${props.idPrefix}-sex`} name="sex">
          {(
            [
              ['unknown', t('staff.case_file.common.unknown')],
              ['female', t('staff.case_file.person_form.female')],
              ['male', t('staff.case_file.person_form.male')],
              ['diverse', t('staff.case_file.person_form.diverse')],
            ] as const
          ).map(([value, label]) => (
            <option value={value} selected={(p.sex ?? 'unknown') === value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {field('addressStreet', t('staff.case_file.person_form.street'), p.addressStreet, { maxlength: 200 })}
      {field('addressPostalCode', t('staff.case_file.person_form.postal_code'), p.addressPostalCode, { maxlength: 10 })}
      {field('addressCity', t('staff.case_file.person_form.city'), p.addressCity, { maxlength: 200 })}
      {field('email', t('staff.case_file.person_form.e_mail'), p.email, { maxlength: 254, type: 'email' })}
      {field('phone', t('staff.case_file.person_form.phone'), p.phone, { maxlength: 40 })}
      {field('preferredLanguage', t('staff.case_file.person_form.language'), p.preferredLanguage, { maxlength: 20 })}
      {field('azrNumber', t('staff.case_file.person_form.azr_number'), p.azrNumber, { maxlength: 12, inputmode: 'numeric' })}
      <div>
        <label for={`${props.idPrefix}-formerNames`}>{t('staff.case_file.person_form.former_names')}</label>
        <textarea id={`${props.idPrefix}-formerNames`} name="formerNames" rows={2}>
          {(p.formerNames ?? []).join('\n')}
        </textarea>
      </div>
      <div>
        <label for={`${props.idPrefix}-nameVariants`}>{t('staff.case_file.person_form.name_variants')}</label>
        <textarea id={`${props.idPrefix}-nameVariants`} name="nameVariants" rows={2} dir="auto">
          {(p.nameVariants ?? []).join('\n')}
        </textarea>
      </div>
    </>
  );
}

const typedList = (value: string | string[] | undefined, separator: RegExp): string[] =>
  (Array.isArray(value) ? value : (value ?? '').split(separator)).map((part) => part.trim()).filter(Boolean);
