import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { languageName, languages } from '../../../web/i18n.ts';
import { StaffForm, StaffLayout } from '../../staff/index.ts';
import { say } from '../staff/staff-texts.ts';
import type { listProcedureTypes, procedureTypeWithStatuses, ServiceChoice } from './procedure-type-store.ts';

type TypeDetail = NonNullable<Awaited<ReturnType<typeof procedureTypeWithStatuses>>>;

function TypeFields(props: { c: Context<AppEnv>; type?: TypeDetail['type']; services: ServiceChoice[] }) {
  const s = say(props.c);
  const t = props.type;
  return (
    <>
      {t ? <input type="hidden" name="basedOnVersion" value={String(t.version)} /> : null}
      <div>
        <label for="pt-code">{s('Kürzel', 'Code')}</label>
        <input type="text" id="pt-code" name="code" required maxlength={60} value={t?.code ?? ''} />
      </div>
      <div>
        <label for="pt-de">{s('Name (deutsch)', 'Name (German)')}</label>
        <input type="text" id="pt-de" name="nameDe" required maxlength={200} value={t?.name_de ?? ''} />
      </div>
      <div>
        <label for="pt-en">{s('Name (englisch)', 'Name (English)')}</label>
        <input type="text" id="pt-en" name="nameEn" required maxlength={200} value={t?.name_en ?? ''} />
      </div>
      <div>
        <label for="pt-basis">{s('Rechtsgrundlage', 'Legal basis')}</label>
        <input type="text" id="pt-basis" name="legalBasis" maxlength={100} value={t?.legal_basis ?? ''} />
      </div>
      <label class="check">
        <input type="checkbox" name="active" checked={t?.active ?? true} /> {s('aktiv', 'active')}
      </label>
      <div>
        <label for="pt-service">{s('Terminart für Termine zum Vorgang', 'Service for appointments of the procedure')}</label>
        <select id="pt-service" name="serviceId">
          <option value="">{s('keine', 'none')}</option>
          {props.services.map((service) => (
            <option value={service.id} selected={service.id === t?.service_id}>
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
  const s = say(c);
  return (
    <StaffLayout c={c} title={s('Verfahrensarten', 'Procedure types')}>
      <h1>{s('Verfahrensarten', 'Procedure types')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{s('Name', 'Name')}</th>
            <th scope="col">{s('Rechtsgrundlage', 'Legal basis')}</th>
            <th scope="col">{s('Status', 'Statuses')}</th>
            <th scope="col">{s('Aktiv', 'Active')}</th>
          </tr>
        </thead>
        <tbody>
          {props.types.map((t) => (
            <tr>
              <td>
                <a href={`/staff/admin/procedure-types/${t.id}`}>{t.name_de}</a>
              </td>
              <td>{t.legal_basis ?? '—'}</td>
              <td>{String(t.statuses)}</td>
              <td>{t.active ? s('ja', 'yes') : s('nein', 'no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{s('Neue Verfahrensart', 'New procedure type')}</h2>
      <StaffForm c={c} action="/staff/admin/procedure-types" submitLabel={s('Anlegen', 'Create')}>
        <TypeFields c={c} services={props.services} />
      </StaffForm>
    </StaffLayout>
  );
}

/** One type: its fields, its statuses in order (move up/down), and each status's texts per portal language. */
export function ProcedureTypePage(props: { c: Context<AppEnv>; detail: TypeDetail; services: ServiceChoice[]; editStatusId?: string | undefined }) {
  const { c, detail } = props;
  const s = say(c);
  const base = `/staff/admin/procedure-types/${detail.type.id}`;
  return (
    <StaffLayout c={c} title={detail.type.name_de} wide>
      <h1>{detail.type.name_de}</h1>
      <StaffForm c={c} action={base} submitLabel={s('Speichern', 'Save')}>
        <TypeFields c={c} type={detail.type} services={props.services} />
      </StaffForm>
      <h2>{s('Status in ihrer Reihenfolge', 'Statuses in their order')}</h2>
      <ol>
        {detail.statuses.map((st) => (
          <li>
            <a href={`${base}?status=${st.id}#status-form`}>{st.texts.de?.label ?? st.code}</a> <span class="ltr">({st.code})</span>
            {st.is_final ? ` · ${s('Endstatus', 'final')}` : ''}
            {st.notify ? ` · ${s('benachrichtigt', 'notifies')}` : ''} · {s('Übersetzungen', 'translations')}: {Object.keys(st.texts).length}/{languages.length}
            <form method="post" action={`${base}/statuses/${st.id}/move`} class="inline">
              <input type="hidden" name="direction" value="up" />
              <CsrfOnly c={c} />
              <button type="submit" class="button secondary" aria-label={s(`${st.code} nach oben`, `move ${st.code} up`)}>
                ↑
              </button>
            </form>
            <form method="post" action={`${base}/statuses/${st.id}/move`} class="inline">
              <input type="hidden" name="direction" value="down" />
              <CsrfOnly c={c} />
              <button type="submit" class="button secondary" aria-label={s(`${st.code} nach unten`, `move ${st.code} down`)}>
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
  const s = say(props.c);
  const st = props.status;
  return (
    <section id="status-form" aria-labelledby="status-form-h">
      <h2 id="status-form-h">{st ? s(`Status „${st.code}“ bearbeiten`, `Edit status "${st.code}"`) : s('Neuer Status', 'New status')}</h2>
      <StaffForm c={props.c} action={`${props.base}/statuses`} submitLabel={s('Status speichern', 'Save status')}>
        {st ? <input type="hidden" name="statusId" value={st.id} /> : null}
        <div>
          <label for="st-code">{s('Kürzel', 'Code')}</label>
          <input type="text" id="st-code" name="code" required maxlength={60} value={st?.code ?? ''} />
        </div>
        <label class="check">
          <input type="checkbox" name="isFinal" checked={st?.is_final ?? false} /> {s('Endstatus (schließt den Vorgang)', 'Final (closes the procedure)')}
        </label>
        <label class="check">
          <input type="checkbox" name="notify" checked={st?.notify ?? false} /> {s('Person benachrichtigen', 'Notify the person')}
        </label>
        {languages.map((lang) => (
          <fieldset lang={lang}>
            <legend>{languageName(lang)}</legend>
            <div>
              <label for={`st-${lang}-label`}>{s('Statustext', 'Status text')}</label>
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
              <label for={`st-${lang}-next`}>{s('Was ist als Nächstes zu tun', 'What to do next')}</label>
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
