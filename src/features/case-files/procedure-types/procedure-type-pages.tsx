import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName, languages } from '../../../web/i18n.ts';
import { StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import type { listProcedureTypes, procedureTypeWithStatuses, ServiceChoice } from './procedure-type-store.ts';

type TypeDetail = NonNullable<Awaited<ReturnType<typeof procedureTypeWithStatuses>>>;

function TypeFields(props: { c: Context<AppEnv>; type?: TypeDetail['type']; services: ServiceChoice[] }) {
  const t = staffT(props.c);
  const type = props.type;
  return (
    <>
      {type ? <input type="hidden" name="basedOnVersion" value={String(type.version)} /> : null}
      <div>
        <label for="pt-code">{t('staff.procedure_types.common.code')}</label>
        <input type="text" id="pt-code" name="code" required maxlength={60} value={type?.code ?? ''} />
      </div>
      <div>
        <label for="pt-de">{t('staff.procedure_types.fields.name_german')}</label>
        <input type="text" id="pt-de" name="nameDe" required maxlength={200} value={type?.name_de ?? ''} />
      </div>
      <div>
        <label for="pt-en">{t('staff.procedure_types.fields.name_english')}</label>
        <input type="text" id="pt-en" name="nameEn" required maxlength={200} value={type?.name_en ?? ''} />
      </div>
      <div>
        <label for="pt-basis">{t('staff.procedure_types.common.legal_basis')}</label>
        <input type="text" id="pt-basis" name="legalBasis" maxlength={100} value={type?.legal_basis ?? ''} />
      </div>
      <label class="check">
        <input type="checkbox" name="active" checked={type?.active ?? true} /> {t('staff.procedure_types.fields.active')}
      </label>
      <div>
        <label for="pt-service">{t('staff.procedure_types.fields.service')}</label>
        <select id="pt-service" name="serviceId">
          <option value="">{t('staff.procedure_types.fields.none')}</option>
          {props.services.map((service) => (
            <option value={service.id} selected={service.id === type?.service_id}>
              {service.name ?? service.slug}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** The catalogue of procedure types (Verfahrensarten). */
export function ProcedureTypeListPage(props: { c: Context<AppEnv>; types: Awaited<ReturnType<typeof listProcedureTypes>>; services: ServiceChoice[] }) {
  const { c } = props;
  const t = staffT(c);
  return (
    <StaffLayout c={c} title={t('staff.procedure_types.list.procedure_types')}>
      <h1>{t('staff.procedure_types.list.procedure_types')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('staff.procedure_types.list.name')}</th>
            <th scope="col">{t('staff.procedure_types.common.legal_basis')}</th>
            <th scope="col">{t('staff.procedure_types.list.statuses')}</th>
            <th scope="col">{t('staff.procedure_types.list.active')}</th>
          </tr>
        </thead>
        <tbody>
          {props.types.map((type) => (
            <tr>
              <td>
                <a href={`/staff/admin/procedure-types/${type.id}`}>{type.name_de}</a>
              </td>
              <td>{type.legal_basis ?? '—'}</td>
              <td>{String(type.statuses)}</td>
              <td>{type.active ? t('staff.procedure_types.list.yes') : t('staff.procedure_types.list.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('staff.procedure_types.list.new_procedure_type')}</h2>
      <StaffForm c={c} action="/staff/admin/procedure-types" submitLabel={t('staff.procedure_types.list.create')}>
        <TypeFields c={c} services={props.services} />
      </StaffForm>
    </StaffLayout>
  );
}

/** One type: its fields, its statuses in order (move up/down), and each status's texts per portal language. */
export function ProcedureTypePage(props: { c: Context<AppEnv>; detail: TypeDetail; services: ServiceChoice[]; editStatusId?: string | undefined }) {
  const { c, detail } = props;
  const t = staffT(c);
  const base = `/staff/admin/procedure-types/${detail.type.id}`;
  return (
    <StaffLayout c={c} title={detail.type.name_de} wide>
      <h1>{detail.type.name_de}</h1>
      <StaffForm c={c} action={base} submitLabel={t('staff.procedure_types.type.save')}>
        <TypeFields c={c} type={detail.type} services={props.services} />
      </StaffForm>
      <h2>{t('staff.procedure_types.type.statuses_in_their_order')}</h2>
      <ol>
        {detail.statuses.map((st) => (
          <li>
            <a href={`${base}?status=${st.id}#status-form`}>{st.texts.de?.label ?? st.code}</a> <span class="ltr">({st.code})</span>
            {st.is_final ? ` · ${t('staff.procedure_types.type.final')}` : ''}
            {st.notify ? ` · ${t('staff.procedure_types.type.notifies')}` : ''} · {t('staff.procedure_types.type.translations')}: {Object.keys(st.texts).length}
            /{languages.length}
            <form method="post" action={`${base}/statuses/${st.id}/move`} class="inline">
              <input type="hidden" name="direction" value="up" />
              <CsrfOnly c={c} />
              <button type="submit" class="button secondary" aria-label={t('staff.procedure_types.type.move_up', { code: st.code })}>
                ↑
              </button>
            </form>
            <form method="post" action={`${base}/statuses/${st.id}/move`} class="inline">
              <input type="hidden" name="direction" value="down" />
              <CsrfOnly c={c} />
              <button type="submit" class="button secondary" aria-label={t('staff.procedure_types.type.move_down', { code: st.code })}>
                ↓
              </button>
            </form>
          </li>
        ))}
      </ol>
      <StatusForm c={c} base={base} status={detail.statuses.find((st) => st.id === props.editStatusId)} />
    </StaffLayout>
  );
}

function CsrfOnly(props: { c: Context<AppEnv> }) {
  return <input type="hidden" name="_csrf" value={props.c.get('staffSession')?.csrfToken ?? ''} />;
}

function StatusForm(props: { c: Context<AppEnv>; base: string; status: TypeDetail['statuses'][number] | undefined }) {
  const t = staffT(props.c);
  const st = props.status;
  return (
    <section id="status-form" aria-labelledby="status-form-h">
      <h2 id="status-form-h">
        {st ? t('staff.procedure_types.status_form.edit_status', { code: st.code }) : t('staff.procedure_types.status_form.new_status')}
      </h2>
      <StaffForm c={props.c} action={`${props.base}/statuses`} submitLabel={t('staff.procedure_types.status_form.save_status')}>
        {st ? <input type="hidden" name="statusId" value={st.id} /> : null}
        <div>
          <label for="st-code">{t('staff.procedure_types.common.code')}</label>
          <input type="text" id="st-code" name="code" required maxlength={60} value={st?.code ?? ''} />
        </div>
        <label class="check">
          <input type="checkbox" name="isFinal" checked={st?.is_final ?? false} /> {t('staff.procedure_types.status_form.final')}
        </label>
        <label class="check">
          <input type="checkbox" name="notify" checked={st?.notify ?? false} /> {t('staff.procedure_types.status_form.notify_the_person')}
        </label>
        {languages.map((lang) => (
          <fieldset lang={lang}>
            <legend>{languageName(lang)}</legend>
            <div>
              <label for={`st-${lang}-label`}>{t('staff.procedure_types.status_form.status_text')}</label>
              <input
                type="text"
                id={`st-${lang}-label`}
                name={`texts.${lang}.label`}
                maxlength={200}
                value={st?.texts[lang]?.label ?? ''}
                dir="auto"
                required={lang === 'de'}
              />
            </div>
            <div>
              <label for={`st-${lang}-next`}>{t('staff.procedure_types.status_form.what_to_do_next')}</label>
              <textarea id={`st-${lang}-next`} name={`texts.${lang}.nextStep`} maxlength={2000} rows={2} dir="auto">
                {st?.texts[lang]?.nextStep ?? ''}
              </textarea>
            </div>
          </fieldset>
        ))}
      </StaffForm>
    </section>
  );
}
