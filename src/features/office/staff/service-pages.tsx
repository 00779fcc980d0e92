import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { languageName, languages, sourceLang } from '../../../web/i18n.ts';
import { Notice, parseForm, StaffForm, StaffLayout, staffT } from '../../staff/index.ts';
import { locationChoices } from '../location-store.ts';
import type { OfficeDeps } from '../office-change.ts';
import { saveServiceText } from '../save-service-text.ts';
import { createService, updateService } from '../save-service.ts';
import { serviceById, serviceLinks, servicesWithTexts, serviceTexts } from '../service-store.ts';
import { specialtyChoices } from '../specialty-store.ts';
import { translationState } from '../translation-status.ts';
import { guard, idParam, officeChange, savedAt } from './office-page.tsx';
import { SettingsFields } from './service-fields.tsx';
import { newServiceSchema, serviceSettingsSchema, serviceTextSchema } from './service-form.ts';
import { ServiceTextPage, type SubmittedText } from './service-text-page.tsx';

const serviceId = (value: string | undefined) => idParam(value, 'There is no such service.');

/** Admin: services, their settings, and their texts and Mitbringliste per language. */
export function servicePages(deps: OfficeDeps) {
  const routes = new Hono<AppEnv>();
  guard(routes, deps, 'office.manage', ['/staff/admin/services', '/staff/admin/services/*']);

  async function loadService(id: string | undefined) {
    const service = await serviceById(deps.db, serviceId(id));
    if (!service) throw new AppError('not_found', 'There is no such service.');
    return service;
  }

  async function choices() {
    const [specialties, locations] = await Promise.all([specialtyChoices(deps.db), locationChoices(deps.db)]);
    return { specialties, locations };
  }

  routes.get('/staff/admin/services', async (c) => {
    const t = staffT(c);
    const { services, texts } = await servicesWithTexts(deps.db);
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
    const id = await createService(deps, officeChange(c), await parseForm(c, newServiceSchema));
    return savedAt(c, `/staff/admin/services/${id}`);
  });

  routes.get('/staff/admin/services/:id', async (c) => {
    const t = staffT(c);
    const service = await loadService(c.req.param('id'));
    const [texts, links, options] = await Promise.all([serviceTexts(deps.db, service.id), serviceLinks(deps.db, service.id), choices()]);
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
            <SettingsFields c={c} {...options} service={service} specialtyIds={links.specialtyIds} locationIds={links.locationIds} />
          </StaffForm>
        </section>
      </StaffLayout>,
    );
  });

  routes.post('/staff/admin/services/:id', async (c) => {
    const id = serviceId(c.req.param('id'));
    await updateService(deps, officeChange(c), id, await parseForm(c, serviceSettingsSchema));
    return savedAt(c, `/staff/admin/services/${id}`);
  });

  routes.get('/staff/admin/services/:id/texts/:lang', (c) => textPage(c));

  async function textPage(c: Context<AppEnv>, submitted?: SubmittedText) {
    const service = await loadService(c.req.param('id'));
    const lang = c.req.param('lang') ?? '';
    if (!languages.includes(lang)) throw new AppError('not_found', 'This language is not offered.');
    const texts = await serviceTexts(deps.db, service.id, [lang, sourceLang]);
    const text = texts.find((row) => row.lang === lang);
    const german = texts.find((row) => row.lang === sourceLang);
    return c.html(<ServiceTextPage c={c} service={service} lang={lang} text={text} german={german} submitted={submitted} />);
  }

  routes.post('/staff/admin/services/:id/texts/:lang', async (c) => {
    const id = serviceId(c.req.param('id'));
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
      const errors = new Map(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'name'), issue.message]));
      c.status(422);
      return textPage(c, { values, errors });
    }
    const form = parsed.data;
    await saveServiceText(
      deps,
      officeChange(c),
      { serviceId: id, lang },
      { name: form.name, description: form.description, audience: form.audience, required_documents: form.requiredDocuments, fee_note: form.feeNote },
    );
    return savedAt(c, `/staff/admin/services/${id}/texts/${lang}`);
  });

  return routes;
}
