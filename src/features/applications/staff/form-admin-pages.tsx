import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName, languages, sourceLang, textDirection } from '../../../web/i18n.ts';
import { StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
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
  const t = staffT(props.c);
  return (
    <>
      <div>
        <label for="form-slug">{t('staff.applications.form_fields.portal_address_slug')}</label>
        <input type="text" id="form-slug" name="slug" required maxlength={63} value={props.slug ?? ''} />
      </div>
      <Choice
        id="form-location"
        name="locationId"
        label={t('staff.applications.common.location')}
        options={props.choices.locations.map((l) => [l.id, l.name])}
        selected={props.locationId}
      />
      <Choice
        id="form-type"
        name="procedureTypeId"
        label={t('staff.applications.common.procedure_type')}
        options={props.choices.types.map((t) => [t.id, t.name_de])}
        selected={props.typeId}
      />
      <div class="wide">
        <label for="form-definition">{t('staff.applications.form_fields.definition')}</label>
        <textarea id="form-definition" name="definition" rows={24} spellcheck={false} dir="ltr">
          {props.definition === undefined ? '' : json(props.definition)}
        </textarea>
      </div>
      <div class="wide">
        <label for="form-texts">{t('staff.applications.form_fields.german_texts')}</label>
        <textarea id="form-texts" name="texts" rows={16} dir="ltr">
          {props.texts === undefined ? '' : json(props.texts)}
        </textarea>
      </div>
    </>
  );
}

export function FormListPage(props: { c: Context<AppEnv>; forms: Awaited<ReturnType<typeof listForms>>; choices: Choices }) {
  const { c } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.applications.form_list.application_forms')} wide>
      <h1>{t('staff.applications.form_list.application_forms')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('staff.applications.form_list.form')}</th>
            <th scope="col">{t('staff.applications.form_list.published')}</th>
            <th scope="col">{t('staff.applications.form_list.draft')}</th>
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
      <h2>{t('staff.applications.form_list.new_form')}</h2>
      <StaffForm c={c} action="/staff/admin/forms" submitLabel={t('staff.applications.form_list.create_draft')}>
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
  const t = staffT(c);
  const draft = versions.find((v) => v.state === 'draft');
  const published = versions.find((v) => v.state === 'published');
  const basis = draft ?? published ?? versions[0];
  return (
    <StaffLayout c={c} title={basis?.texts.title ?? form.slug} wide>
      <h1>{basis?.texts.title ?? form.slug}</h1>
      <p>
        {t('staff.applications.form.in_the_portal')}:{' '}
        <a href={`/${sourceLang}/apply/${form.slug}`}>
          /{sourceLang}/apply/{form.slug}
        </a>
      </p>
      <h2>{t('staff.applications.form.versions')}</h2>
      <ul>
        {versions.map((v) => (
          <li>
            v{v.number}:{' '}
            {v.state === 'published'
              ? t('staff.applications.form.published')
              : v.state === 'draft'
                ? t('staff.applications.form.draft')
                : t('staff.applications.form.retired')}
          </li>
        ))}
      </ul>
      {published ? (
        <>
          <h2>{t('staff.applications.form.translations_of_v', { number: String(published.number) })}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('staff.applications.common.language')}</th>
                <th scope="col">{t('staff.applications.form.state')}</th>
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
                        {state === 'missing'
                          ? t('staff.applications.form.missing')
                          : state === 'outdated'
                            ? t('staff.applications.form.outdated')
                            : t('staff.applications.form.current')}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>{draft ? t('staff.applications.form.draft_v', { number: String(draft.number) }) : t('staff.applications.form.new_draft')}</h2>
      <StaffForm c={c} action={`/staff/admin/forms/${form.id}`} submitLabel={t('staff.applications.form.save_draft')}>
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
        <StaffForm
          c={c}
          action={`/staff/admin/forms/${form.id}/publish`}
          submitLabel={t('staff.applications.form.publish_v', { number: String(draft.number) })}
        >
          <input type="hidden" name="versionId" value={draft.id} />
          <input type="hidden" name="basedOnRevision" value={String(draft.revision)} />
          <p>{t('staff.applications.form.publish_hint')}</p>
        </StaffForm>
      ) : null}
    </StaffLayout>
  );
}

export function TranslationPage(props: { c: Context<AppEnv>; formId: string; version: FormVersion; lang: string; texts: Record<string, string> }) {
  const { c, version, lang } = props;
  const t = staffT(c);
  const keys = [...new Set([...textKeys(version.definition), ...Object.keys(version.texts)])];
  return (
    <StaffLayout c={c} title={`${version.texts.title ?? version.slug} · ${languageName(lang)}`} wide>
      <h1>
        {version.texts.title ?? version.slug} · {languageName(lang)}
      </h1>
      <StaffForm
        c={c}
        action={`/staff/admin/forms/${props.formId}/versions/${version.id}/texts/${lang}`}
        submitLabel={t('staff.applications.form_translation.save_translation')}
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
