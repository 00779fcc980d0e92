import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName, languages, sourceLang, textDirection } from '../../../web/i18n.ts';
import { say } from '../../case-files/index.ts';
import { StaffForm, StaffLayout } from '../../staff/index.ts';
import { textKeys } from '../form-definition.ts';
import type { FormVersion, formChoices, listForms, translationsOf } from '../form-store.ts';
import { formTextState } from '../form-texts.ts';

type Choices = Awaited<ReturnType<typeof formChoices>>;
type Translations = Awaited<ReturnType<typeof translationsOf>>;
const json = (value: unknown) => JSON.stringify(value, null, 2);

function Choice(props: { id: string; name: string; label: string; options: [string, string][]; selected: string | undefined }) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.selected}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FormFields(props: {
  c: Context<AppEnv>;
  choices: Choices;
  slug?: string;
  locationId?: string;
  typeId?: string;
  definition?: unknown;
  texts?: unknown;
}) {
  const s = say(props.c);
  return (
    <>
      <div>
        <label for="form-slug">{s('Adresse im Portal (slug)', 'Portal address (slug)')}</label>
        <input type="text" id="form-slug" name="slug" required maxlength={63} value={props.slug ?? ''} />
      </div>
      <Choice
        id="form-location"
        name="locationId"
        label={s('Standort', 'Location')}
        options={props.choices.locations.map((l) => [l.id, l.name])}
        selected={props.locationId}
      />
      <Choice
        id="form-type"
        name="procedureTypeId"
        label={s('Verfahrensart', 'Procedure type')}
        options={props.choices.types.map((t) => [t.id, t.name_de])}
        selected={props.typeId}
      />
      <div class="wide">
        <label for="form-definition">
          {s('Definition (JSON: Schritte, Felder, Regeln, Bedingungen in JSON Logic)', 'Definition (JSON: steps, fields, rules, JSON Logic conditions)')}
        </label>
        <textarea id="form-definition" name="definition" rows={24} spellcheck={false} dir="ltr">
          {props.definition === undefined ? '' : json(props.definition)}
        </textarea>
      </div>
      <div class="wide">
        <label for="form-texts">{s('Deutsche Texte (JSON: Schlüssel → Text)', 'German texts (JSON: key → text)')}</label>
        <textarea id="form-texts" name="texts" rows={16} dir="ltr">
          {props.texts === undefined ? '' : json(props.texts)}
        </textarea>
      </div>
    </>
  );
}

export function FormListPage(props: { c: Context<AppEnv>; forms: Awaited<ReturnType<typeof listForms>>; choices: Choices }) {
  const { c } = props;
  const s = say(c);
  return (
    <StaffLayout c={c} title={s('Antragsformulare', 'Application forms')} wide>
      <h1>{s('Antragsformulare', 'Application forms')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{s('Formular', 'Form')}</th>
            <th scope="col">{s('Veröffentlicht', 'Published')}</th>
            <th scope="col">{s('Entwurf', 'Draft')}</th>
          </tr>
        </thead>
        <tbody>
          {props.forms.map((form) => (
            <tr>
              <td>
                <a href={`/staff/admin/forms/${form.id}`}>{(form.published_texts as Record<string, string> | null)?.title ?? form.slug}</a>
              </td>
              <td>{form.published_number === null ? '—' : `v${form.published_number}`}</td>
              <td>{form.draft_number === null ? '—' : `v${form.draft_number}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{s('Neues Formular', 'New form')}</h2>
      <StaffForm c={c} action="/staff/admin/forms" submitLabel={s('Entwurf anlegen', 'Create draft')}>
        <FormFields c={c} choices={props.choices} />
      </StaffForm>
    </StaffLayout>
  );
}

export function FormPage(props: {
  c: Context<AppEnv>;
  form: { id: string; slug: string; location_id: string; procedure_type_id: string };
  versions: FormVersion[];
  translations: Translations;
  choices: Choices;
}) {
  const { c, form, versions } = props;
  const s = say(c);
  const draft = versions.find((v) => v.state === 'draft');
  const published = versions.find((v) => v.state === 'published');
  const basis = draft ?? published ?? versions[0];
  return (
    <StaffLayout c={c} title={basis?.texts.title ?? form.slug} wide>
      <h1>{basis?.texts.title ?? form.slug}</h1>
      <p>
        {s('Im Portal', 'In the portal')}:{' '}
        <a href={`/${sourceLang}/apply/${form.slug}`}>
          /{sourceLang}/apply/{form.slug}
        </a>
      </p>
      <h2>{s('Versionen', 'Versions')}</h2>
      <ul>
        {versions.map((v) => (
          <li>
            v{v.number}: {v.state === 'published' ? s('veröffentlicht', 'published') : v.state === 'draft' ? s('Entwurf', 'draft') : s('abgelöst', 'retired')}
          </li>
        ))}
      </ul>
      {published ? (
        <>
          <h2>{s(`Übersetzungen von v${published.number}`, `Translations of v${published.number}`)}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{s('Sprache', 'Language')}</th>
                <th scope="col">{s('Stand', 'State')}</th>
              </tr>
            </thead>
            <tbody>
              {languages
                .filter((lang) => lang !== sourceLang)
                .map((lang) => {
                  const state = formTextState(published.sourceDigest, props.translations.get(lang));
                  return (
                    <tr>
                      <td>
                        <a href={`/staff/admin/forms/${form.id}/versions/${published.id}/texts/${lang}`} lang={lang} dir={textDirection(lang)}>
                          {languageName(lang)}
                        </a>
                      </td>
                      <td data-state={state}>
                        {state === 'missing' ? s('fehlt', 'missing') : state === 'outdated' ? s('veraltet', 'outdated') : s('aktuell', 'current')}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>
        {draft
          ? s(`Entwurf v${draft.number}`, `Draft v${draft.number}`)
          : s('Neuer Entwurf (aus der veröffentlichten Version)', 'New draft (from the published version)')}
      </h2>
      <StaffForm c={c} action={`/staff/admin/forms/${form.id}`} submitLabel={s('Entwurf speichern', 'Save draft')}>
        {draft ? <input type="hidden" name="basedOnRevision" value={String(draft.revision)} /> : null}
        <FormFields
          c={c}
          choices={props.choices}
          slug={form.slug}
          locationId={form.location_id}
          typeId={form.procedure_type_id}
          definition={basis?.definition}
          texts={basis?.texts}
        />
      </StaffForm>
      {draft ? (
        <StaffForm c={c} action={`/staff/admin/forms/${form.id}/publish`} submitLabel={s(`v${draft.number} veröffentlichen`, `Publish v${draft.number}`)}>
          <input type="hidden" name="versionId" value={draft.id} />
          <input type="hidden" name="basedOnRevision" value={String(draft.revision)} />
          <p>
            {s(
              'Neue Anträge beginnen dann mit dieser Version; begonnene bleiben bei ihrer.',
              'New applications then start on this version; started ones keep theirs.',
            )}
          </p>
        </StaffForm>
      ) : null}
    </StaffLayout>
  );
}

export function TranslationPage(props: { c: Context<AppEnv>; formId: string; version: FormVersion; lang: string; texts: Record<string, string> }) {
  const { c, version, lang } = props;
  const s = say(c);
  const keys = [...new Set([...textKeys(version.definition), ...Object.keys(version.texts)])];
  return (
    <StaffLayout c={c} title={`${version.texts.title ?? version.slug} · ${languageName(lang)}`} wide>
      <h1>
        {version.texts.title ?? version.slug} · {languageName(lang)}
      </h1>
      <StaffForm
        c={c}
        action={`/staff/admin/forms/${props.formId}/versions/${version.id}/texts/${lang}`}
        submitLabel={s('Übersetzung speichern', 'Save translation')}
      >
        <input type="hidden" name="sourceDigest" value={version.sourceDigest} />
        {keys.map((key) => (
          <div class="wide">
            <label for={`t-${key}`}>
              {key}: <span lang="de">{version.texts[key] ?? ''}</span>
            </label>
            <textarea id={`t-${key}`} name={`t.${key}`} rows={2} lang={lang} dir={textDirection(lang)}>
              {props.texts[key] ?? ''}
            </textarea>
          </div>
        ))}
      </StaffForm>
    </StaffLayout>
  );
}
