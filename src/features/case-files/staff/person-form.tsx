import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { formatPartialDate } from '../partial-date.ts';
import type { PersonInput } from '../person-store.ts';
import { say } from './staff-texts.ts';

/** What the clerk typed into a refused form, as sent: shown again so that nothing has to be typed twice. */
export type TypedForm = Record<string, string | string[]>;

/**
 * The person's fields (the form names are the API's field names), filled with the stored person,
 * or, after a refusal, with exactly what was typed (which may not even parse, e.g. a wrong date).
 */
export function PersonFields(props: { c: Context<AppEnv>; person: Partial<PersonInput> | undefined; typed?: TypedForm | undefined; idPrefix: string }) {
  const s = say(props.c);
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
      {field('familyName', s('Familienname', 'Family name'), p.familyName, { required: true, maxlength: 200, autocomplete: 'off', dir: 'auto' })}
      {field('givenNames', s('Vornamen', 'Given names'), p.givenNames, { maxlength: 200, autocomplete: 'off', dir: 'auto' })}
      {field('birthName', s('Geburtsname', 'Birth name'), p.birthName, { maxlength: 200 })}
      <div>
        <label for={`${props.idPrefix}-birthDate`}>{s('Geburtsdatum', 'Date of birth')}</label>
        <input type="text" id={`${props.idPrefix}-birthDate`} name="birthDate" value={birth} maxlength={20} aria-describedby={`${props.idPrefix}-birth-hint`} />
        <p class="hint" id={`${props.idPrefix}-birth-hint`}>
          {s(
            'TT.MM.JJJJ; nur Monat und Jahr (MM.JJJJ) oder nur das Jahr, wenn nicht mehr bekannt ist.',
            'DD.MM.YYYY; only MM.YYYY or YYYY when no more is known.',
          )}
        </p>
      </div>
      {field('placeOfBirth', s('Geburtsort', 'Place of birth'), p.placeOfBirth, { maxlength: 200 })}
      {field('countryOfBirth', s('Geburtsland (ISO, z. B. SY)', 'Country of birth (ISO, e.g. SY)'), p.countryOfBirth, { maxlength: 2 })}
      {field('nationalities', s('Staatsangehörigkeiten (ISO, mit Komma)', 'Nationalities (ISO, comma-separated)'), p.nationalities?.join(', '), {
        maxlength: 30,
      })}
      <div>
        <label for={`${props.idPrefix}-sex`}>{s('Geschlecht', 'Sex')}</label>
        <select id={`${props.idPrefix}-sex`} name="sex">
          {(
            [
              ['unknown', s('unbekannt', 'unknown')],
              ['female', s('weiblich', 'female')],
              ['male', s('männlich', 'male')],
              ['diverse', s('divers', 'diverse')],
            ] as const
          ).map(([value, label]) => (
            <option value={value} selected={(p.sex ?? 'unknown') === value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {field('addressStreet', s('Straße und Hausnummer', 'Street'), p.addressStreet, { maxlength: 200 })}
      {field('addressPostalCode', s('Postleitzahl', 'Postal code'), p.addressPostalCode, { maxlength: 10 })}
      {field('addressCity', s('Ort', 'City'), p.addressCity, { maxlength: 200 })}
      {field('email', s('E-Mail', 'E-mail'), p.email, { maxlength: 254, type: 'email' })}
      {field('phone', s('Telefon', 'Phone'), p.phone, { maxlength: 40 })}
      {field('preferredLanguage', s('Sprache (z. B. ar, fa, uk)', 'Language (e.g. ar, fa, uk)'), p.preferredLanguage, { maxlength: 20 })}
      {field('azrNumber', s('AZR-Nummer', 'AZR number'), p.azrNumber, { maxlength: 12, inputmode: 'numeric' })}
      <div>
        <label for={`${props.idPrefix}-formerNames`}>{s('Frühere Namen (einer je Zeile)', 'Former names (one per line)')}</label>
        <textarea id={`${props.idPrefix}-formerNames`} name="formerNames" rows={2}>
          {(p.formerNames ?? []).join('\n')}
        </textarea>
      </div>
      <div>
        <label for={`${props.idPrefix}-nameVariants`}>
          {s('Namensvarianten, auch in anderer Schrift (eine je Zeile)', 'Name variants, also in other scripts (one per line)')}
        </label>
        <textarea id={`${props.idPrefix}-nameVariants`} name="nameVariants" rows={2} dir="auto">
          {(p.nameVariants ?? []).join('\n')}
        </textarea>
      </div>
    </>
  );
}

const typedList = (value: string | string[] | undefined, separator: RegExp): string[] =>
  (Array.isArray(value) ? value : (value ?? '').split(separator)).map((part) => part.trim()).filter(Boolean);
