import { Hono, type Context } from 'hono';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../db/schema.generated.ts';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { languageName, languages, sourceLang } from '../../../web/i18n.ts';
import { CsrfField, StaffForm, currentStaff, requireStaff } from '../http/staff-auth.tsx';
import { Notice, StaffLayout, staffT } from '../http/staff-layout.tsx';
import { auditChange, CheckboxGroup, parseForm, type AdminDeps } from './admin-forms.tsx';
import { newServiceSchema, serviceSettingsSchema, serviceTextSchema, type ServiceSettings } from './service-form.ts';
import { sourceDigest, translationState, type ServiceTextFields } from './translation-status.ts';

type Service = {
  id: string;
  slug: string;
  duration_minutes: number;
  slot_minutes: number;
  fee_cents: number | null;
  online_bookable: boolean;
  walk_in_allowed: boolean;
  walk_in_daily_quota: number | null;
  min_lead_minutes: number;
  max_days_ahead: number;
  same_day_release: string | null;
  required_resource_kind: string | null;
  active: boolean;
};

const uuidParam = (value: string) => {
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw new AppError('not_found', 'There is no such service.');
  return parsed.data;
};

/** Admin: services, their settings, and their texts and Mitbringliste per language. */
export function serviceAdminRoutes(deps: AdminDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/services', requireStaff(deps, 'office.manage'));
  routes.use('/staff/admin/services/*', requireStaff(deps, 'office.manage'));

  async function loadService(id: string) {
    const service = await deps.db.selectFrom('service').selectAll().where('id', '=', uuidParam(id)).executeTakeFirst();
    if (!service) throw new AppError('not_found', 'There is no such service.');
    return service;
  }

  async function choices() {
    const [specialties, locations] = await Promise.all([
      deps.db.selectFrom('specialty').select(['id', 'name']).orderBy('sort_order').orderBy('name').execute(),
      deps.db.selectFrom('location').select(['id', 'name']).orderBy('name').execute(),
    ]);
    return { specialties, locations };
  }

  routes.get('/staff/admin/services', async (c) => {
    const t = staffT(c);
    const [services, texts] = await Promise.all([
      deps.db.selectFrom('service').select(['id', 'slug', 'duration_minutes', 'active']).orderBy('sort_order').orderBy('slug').execute(),
      deps.db
        .selectFrom('service_text')
        .select(['service_id', 'lang', 'name', 'description', 'audience', 'required_documents', 'fee_note', 'source_digest'])
        .execute(),
    ]);
    const textOf = (serviceId: string, lang: string) => texts.find((text) => text.service_id === serviceId && text.lang === lang);
    return c.html(
      <StaffLayout c={c} title={t('staff.services.title')} wide>
        <h1>{t('staff.services.title')}</h1>
        <p>
          <a class="button" href="/staff/admin/services/new">
            {t('staff.services.new')}
          </a>
        </p>
        <table class="data-table">
          <caption class="muted">{t('staff.services.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.services.service')}</th>
              <th scope="col">{t('staff.services.duration')}</th>
              <th scope="col">{t('staff.services.translations')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => {
              const german = textOf(service.id, sourceLang);
              return (
                <tr>
                  <td>
                    <a href={`/staff/admin/services/${service.id}`}>{german?.name ?? service.slug}</a>
                    {service.active ? null : ` (${t('staff.inactive')})`}
                  </td>
                  <td>{t('staff.minutes', { n: service.duration_minutes })}</td>
                  <td>
                    {languages
                      .filter((lang) => lang !== sourceLang)
                      .map((lang) => {
                        const state = translationState(german, textOf(service.id, lang));
                        return (
                          <>
                            <a
                              class={`badge ${state}`}
                              href={`/staff/admin/services/${service.id}/texts/${lang}`}
                              title={`${languageName(lang)}: ${t(`staff.translation.${state}`)}`}
                            >
                              {lang} <span class="visually-hidden">{`${languageName(lang)}: ${t(`staff.translation.${state}`)}`}</span>
                              {state === 'current' ? '' : state === 'missing' ? ' ✗' : ' !'}
                            </a>{' '}
                          </>
                        );
                      })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </StaffLayout>,
    );
  });

  routes.get('/staff/admin/services/new', async (c) => {
    const t = staffT(c);
    return c.html(
      <StaffLayout c={c} title={t('staff.services.new')}>
        <h1>{t('staff.services.new')}</h1>
        <StaffForm c={c} action="/staff/admin/services" submitLabel={t('staff.create')}>
          <div>
            <label for="name">{t('staff.services.german_name')}</label>
            <input type="text" id="name" name="name" required maxlength={200} />
          </div>
          <SettingsFields c={c} {...(await choices())} />
        </StaffForm>
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/services', async (c) => {
    const actor = currentStaff(c);
    const form = await parseForm(c, newServiceSchema);
    const id = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('service')
        .values({ ...settingsColumns(form), slug: form.slug })
        .onConflict((oc) => oc.column('slug').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) throw new AppError('conflict', `A service with the short name "${form.slug}" exists already.`);
      const german = { name: form.name, description: '', audience: '', required_documents: [], fee_note: '' };
      await trx
        .insertInto('service_text')
        .values({ service_id: row.id, lang: sourceLang, ...german, source_digest: sourceDigest(german) })
        .execute();
      await replaceLinks(trx, row.id, form);
      await auditChange(trx, deps, c, actor, { action: 'admin.service.create', target: { type: 'service', id: row.id }, after: form });
      return row.id;
    });
    return c.redirect(`/staff/admin/services/${id}?saved=1`, 303);
  });

  routes.get('/staff/admin/services/:id', async (c) => {
    const t = staffT(c);
    const service = await loadService(c.req.param('id'));
    const [texts, linkedSpecialties, linkedLocations, options] = await Promise.all([
      deps.db.selectFrom('service_text').selectAll().where('service_id', '=', service.id).execute(),
      deps.db.selectFrom('service_specialty').select('specialty_id').where('service_id', '=', service.id).execute(),
      deps.db.selectFrom('service_location').select('location_id').where('service_id', '=', service.id).execute(),
      choices(),
    ]);
    const german = texts.find((text) => text.lang === sourceLang);
    return c.html(
      <StaffLayout c={c} title={german?.name ?? service.slug} wide>
        <h1>{german?.name ?? service.slug}</h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        <section aria-labelledby="texts-h">
          <h2 id="texts-h">{t('staff.services.texts')}</h2>
          <ul>
            {languages.map((lang) => {
              const state =
                lang === sourceLang
                  ? german
                    ? 'current'
                    : 'missing'
                  : translationState(
                      german,
                      texts.find((text) => text.lang === lang),
                    );
              return (
                <li>
                  <a href={`/staff/admin/services/${service.id}/texts/${lang}`}>{languageName(lang)}</a> —{' '}
                  <span class={`badge ${state}`}>{t(`staff.translation.${state}`)}</span>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="settings-h">
          <h2 id="settings-h">{t('staff.services.settings')}</h2>
          <StaffForm c={c} action={`/staff/admin/services/${service.id}`} submitLabel={t('staff.save')}>
            <SettingsFields
              c={c}
              {...options}
              service={service}
              specialtyIds={linkedSpecialties.map((row) => row.specialty_id)}
              locationIds={linkedLocations.map((row) => row.location_id)}
            />
          </StaffForm>
        </section>
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/services/:id', async (c) => {
    const actor = currentStaff(c);
    const id = uuidParam(c.req.param('id'));
    const form = await parseForm(c, serviceSettingsSchema);
    await deps.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('service').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw new AppError('not_found', 'There is no such service.');
      const clash = await trx.selectFrom('service').select('id').where('slug', '=', form.slug).where('id', '<>', id).executeTakeFirst();
      if (clash) throw new AppError('conflict', `A service with the short name "${form.slug}" exists already.`);
      const after = await trx
        .updateTable('service')
        .set({ ...settingsColumns(form), slug: form.slug, updated_at: deps.clock.now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await replaceLinks(trx, id, form);
      await auditChange(trx, deps, c, actor, {
        action: 'admin.service.update',
        target: { type: 'service', id },
        before,
        after: { ...after, specialtyIds: form.specialtyIds, locationIds: form.locationIds },
      });
    });
    return c.redirect(`/staff/admin/services/${id}?saved=1`, 303);
  });

  routes.get('/staff/admin/services/:id/texts/:lang', (c) => textPage(c));

  /** The text form; after a failed save it shows what was typed, with the problem next to each field. */
  async function textPage(c: Context<AppEnv>, submitted?: { values: Record<string, string>; errors: Map<string, string> }) {
    const t = staffT(c);
    const service = await loadService(c.req.param('id') ?? '');
    const lang = c.req.param('lang') ?? '';
    if (!languages.includes(lang)) throw new AppError('not_found', 'This language is not offered.');
    const texts = await deps.db.selectFrom('service_text').selectAll().where('service_id', '=', service.id).where('lang', 'in', [lang, sourceLang]).execute();
    const text = texts.find((row) => row.lang === lang);
    const german = texts.find((row) => row.lang === sourceLang);
    const state = lang === sourceLang ? undefined : translationState(german, text);
    const dir = lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr';
    const value = (field: string, stored: string) => submitted?.values[field] ?? stored;
    const invalid = (field: string, id: string) => (submitted?.errors.has(field) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {});
    return c.html(
      <StaffLayout c={c} title={`${german?.name ?? service.slug} · ${languageName(lang)}`} wide>
        <h1>
          {german?.name ?? service.slug} · {languageName(lang)}
        </h1>
        <Notice text={c.req.query('saved') ? t('staff.saved') : undefined} />
        {state && state !== 'current' ? <p class={`badge ${state}`}>{t(`staff.translation.${state}`)}</p> : null}
        {german && lang !== sourceLang ? (
          <details open={state !== 'current'}>
            <summary>{t('staff.services.german_source')}</summary>
            <dl lang="de">
              <dt>{t('staff.services.text_name')}</dt>
              <dd>{german.name}</dd>
              <dt>{t('staff.services.text_description')}</dt>
              <dd>{german.description}</dd>
              <dt>{t('staff.services.text_audience')}</dt>
              <dd>{german.audience}</dd>
              <dt>{t('staff.services.text_documents')}</dt>
              <dd>
                <ul>
                  {german.required_documents.map((doc) => (
                    <li>{doc}</li>
                  ))}
                </ul>
              </dd>
              <dt>{t('staff.services.text_fee_note')}</dt>
              <dd>{german.fee_note}</dd>
            </dl>
          </details>
        ) : null}
        {submitted ? (
          <div class="error-summary" role="alert">
            <p>{t('staff.form.not_saved')}</p>
          </div>
        ) : null}
        <form method="post" action={`/staff/admin/services/${service.id}/texts/${lang}`} class="form-grid" novalidate={submitted ? true : undefined}>
          <CsrfField c={c} />
          <div>
            <label for="text-name">{t('staff.services.text_name')}</label>
            <FieldError id="text-name" message={submitted?.errors.get('name')} />
            <input
              type="text"
              id="text-name"
              name="name"
              required
              maxlength={200}
              value={value('name', text?.name ?? '')}
              lang={lang}
              dir={dir}
              {...invalid('name', 'text-name')}
            />
          </div>
          <div>
            <label for="text-description">{t('staff.services.text_description')}</label>
            <FieldError id="text-description" message={submitted?.errors.get('description')} />
            <textarea id="text-description" name="description" rows={5} maxlength={4000} lang={lang} dir={dir} {...invalid('description', 'text-description')}>
              {value('description', text?.description ?? '')}
            </textarea>
          </div>
          <div>
            <label for="text-audience">{t('staff.services.text_audience')}</label>
            <FieldError id="text-audience" message={submitted?.errors.get('audience')} />
            <textarea id="text-audience" name="audience" rows={3} maxlength={2000} lang={lang} dir={dir} {...invalid('audience', 'text-audience')}>
              {value('audience', text?.audience ?? '')}
            </textarea>
          </div>
          <div>
            <label for="text-documents">{t('staff.services.text_documents')}</label>
            <p class="hint" id="documents-hint">
              {t('staff.services.documents_hint')}
            </p>
            <FieldError id="text-documents" message={submitted?.errors.get('requiredDocuments')} />
            <textarea
              id="text-documents"
              name="requiredDocuments"
              rows={8}
              lang={lang}
              dir={dir}
              aria-describedby={submitted?.errors.has('requiredDocuments') ? 'documents-hint text-documents-error' : 'documents-hint'}
              aria-invalid={submitted?.errors.has('requiredDocuments') ? 'true' : undefined}
            >
              {value('requiredDocuments', (text?.required_documents ?? []).join('\n'))}
            </textarea>
          </div>
          <div>
            <label for="text-fee-note">{t('staff.services.text_fee_note')}</label>
            <FieldError id="text-fee-note" message={submitted?.errors.get('feeNote')} />
            <textarea id="text-fee-note" name="feeNote" rows={2} maxlength={1000} lang={lang} dir={dir} {...invalid('feeNote', 'text-fee-note')}>
              {value('feeNote', text?.fee_note ?? '')}
            </textarea>
          </div>
          <div>
            <button type="submit" class="button">
              {t('staff.save')}
            </button>
          </div>
        </form>
        <p>
          <a href={`/staff/admin/services/${service.id}`}>{t('staff.back')}</a>
        </p>
      </StaffLayout>,
    );
  }

  routes.post('/staff/admin/services/:id/texts/:lang', async (c) => {
    const actor = currentStaff(c);
    const id = uuidParam(c.req.param('id'));
    const lang = c.req.param('lang');
    if (!languages.includes(lang)) throw new AppError('not_found', 'This language is not offered.');
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      ['name', 'description', 'audience', 'requiredDocuments', 'feeNote'].map((k) => [
        k,
        typeof body[k] === 'string' ? (body[k] as string).slice(0, 20_000) : '',
      ]),
    );
    const parsed = serviceTextSchema.safeParse(values);
    if (!parsed.success) {
      await loadService(id);
      const errors = new Map(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'name'), issue.message]));
      c.status(422);
      return textPage(c, { values, errors });
    }
    const form = parsed.data;
    const fields: ServiceTextFields = {
      name: form.name,
      description: form.description,
      audience: form.audience,
      required_documents: form.requiredDocuments,
      fee_note: form.feeNote,
    };
    await deps.db.transaction().execute(async (trx) => {
      const service = await trx.selectFrom('service').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      if (!service) throw new AppError('not_found', 'There is no such service.');
      const german = await trx.selectFrom('service_text').selectAll().where('service_id', '=', id).where('lang', '=', sourceLang).executeTakeFirst();
      // A translation records the German text it was made from; German records its own digest.
      const digest = lang === sourceLang ? sourceDigest(fields) : german ? sourceDigest(german) : null;
      const before = await trx.selectFrom('service_text').selectAll().where('service_id', '=', id).where('lang', '=', lang).executeTakeFirst();
      const after = await trx
        .insertInto('service_text')
        .values({ service_id: id, lang, ...fields, source_digest: digest, updated_at: deps.clock.now() })
        .onConflict((oc) => oc.columns(['service_id', 'lang']).doUpdateSet({ ...fields, source_digest: digest, updated_at: deps.clock.now() }))
        .returningAll()
        .executeTakeFirstOrThrow();
      await auditChange(trx, deps, c, actor, { action: 'admin.service_text.save', target: { type: 'service_text', id: `${id}/${lang}` }, before, after });
    });
    return c.redirect(`/staff/admin/services/${id}/texts/${lang}?saved=1`, 303);
  });

  return routes;
}

function settingsColumns(form: ServiceSettings) {
  return {
    duration_minutes: form.durationMinutes,
    slot_minutes: form.slotMinutes,
    fee_cents: form.fee,
    online_bookable: form.onlineBookable,
    walk_in_allowed: form.walkInAllowed,
    walk_in_daily_quota: form.walkInDailyQuota,
    min_lead_minutes: form.minLeadMinutes,
    max_days_ahead: form.maxDaysAhead,
    same_day_release: form.sameDayRelease,
    required_resource_kind: form.requiredResourceKind,
    active: form.active,
  };
}

async function replaceLinks(trx: Transaction<DB>, serviceId: string, form: ServiceSettings) {
  await trx.deleteFrom('service_specialty').where('service_id', '=', serviceId).execute();
  await trx.deleteFrom('service_location').where('service_id', '=', serviceId).execute();
  try {
    if (form.specialtyIds.length)
      await trx
        .insertInto('service_specialty')
        .values([...new Set(form.specialtyIds)].map((id) => ({ service_id: serviceId, specialty_id: id })))
        .execute();
    if (form.locationIds.length)
      await trx
        .insertInto('service_location')
        .values([...new Set(form.locationIds)].map((id) => ({ service_id: serviceId, location_id: id })))
        .execute();
  } catch (error) {
    if ((error as { code?: string }).code === '23503') throw new AppError('validation_failed', 'A chosen specialty or location does not exist.');
    throw error;
  }
}

function SettingsFields(props: {
  c: Context<AppEnv>;
  service?: Service;
  specialties: { id: string; name: string }[];
  locations: { id: string; name: string }[];
  specialtyIds?: string[];
  locationIds?: string[];
}) {
  const t = staffT(props.c);
  const s = props.service;
  const fee = s?.fee_cents === null || s?.fee_cents === undefined ? '' : (s.fee_cents / 100).toFixed(2).replace('.', ',');
  return (
    <>
      <div>
        <label for="slug">{t('staff.services.slug')}</label>
        <input type="text" id="slug" name="slug" required maxlength={63} pattern="[a-z0-9][a-z0-9\-]{0,62}" value={s?.slug ?? ''} />
      </div>
      <div>
        <label for="duration">{t('staff.services.duration')}</label>
        <input type="number" id="duration" name="durationMinutes" min={5} max={480} required value={String(s?.duration_minutes ?? 30)} />
      </div>
      <div>
        <label for="slot">{t('staff.services.slot')}</label>
        <input type="number" id="slot" name="slotMinutes" min={5} max={240} required value={String(s?.slot_minutes ?? 15)} />
      </div>
      <div>
        <label for="fee">{t('staff.services.fee')}</label>
        <input type="text" id="fee" name="fee" inputmode="decimal" maxlength={12} value={fee} />
      </div>
      <div>
        <label for="lead">{t('staff.services.min_lead')}</label>
        <input type="number" id="lead" name="minLeadMinutes" min={0} required value={String(s?.min_lead_minutes ?? 0)} />
      </div>
      <div>
        <label for="window">{t('staff.services.booking_window')}</label>
        <input type="number" id="window" name="maxDaysAhead" min={0} max={366} required value={String(s?.max_days_ahead ?? 60)} />
      </div>
      <div>
        <label for="release">{t('staff.services.same_day_release')}</label>
        <input type="time" id="release" name="sameDayRelease" value={s?.same_day_release?.slice(0, 5) ?? ''} />
      </div>
      <div>
        <label for="resource">{t('staff.services.required_resource')}</label>
        <input type="text" id="resource" name="requiredResourceKind" maxlength={63} value={s?.required_resource_kind ?? ''} />
      </div>
      <div>
        <label class="check">
          <input type="checkbox" name="onlineBookable" checked={s?.online_bookable ?? true} /> {t('staff.services.online_bookable')}
        </label>
        <label class="check">
          <input type="checkbox" name="walkInAllowed" checked={s?.walk_in_allowed ?? false} /> {t('staff.services.walk_in')}
        </label>
        <label class="check">
          <input type="checkbox" name="active" checked={s?.active ?? true} /> {t('staff.active')}
        </label>
      </div>
      <div>
        <label for="quota">{t('staff.services.walk_in_quota')}</label>
        <input
          type="number"
          id="quota"
          name="walkInDailyQuota"
          min={0}
          value={s?.walk_in_daily_quota === null || s?.walk_in_daily_quota === undefined ? '' : String(s.walk_in_daily_quota)}
        />
      </div>
      <CheckboxGroup legend={t('staff.nav.specialties')} name="specialtyIds" options={props.specialties} checked={props.specialtyIds} />
      <CheckboxGroup legend={t('staff.nav.locations')} name="locationIds" options={props.locations} checked={props.locationIds} />
    </>
  );
}

function FieldError(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <p class="field-error" id={`${props.id}-error`}>
      {props.message}
    </p>
  ) : null;
}
