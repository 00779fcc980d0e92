import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError, isAppError } from '../../../shared/app-error.ts';
import { languages, sourceLang } from '../../../web/i18n.ts';
import { formFields, staffT } from '../../staff/index.ts';
import { approveInfoPageTranslation } from '../info-page-approve.ts';
import { createInfoPage, isStaleVersion, saveInfoPage, type InfoPageInput } from '../info-page-save.ts';
import { infoPageById, infoPageServiceIds, infoPagesWithTexts, infoPageTexts, serviceChoices } from '../info-page-store.ts';
import { saveInfoPageTranslation } from '../info-page-translation-save.ts';
import type { OfficeDeps } from '../office-change.ts';
import { approvalSchema, infoPageSchema, newInfoPageSchema, translationSchema, type Submitted } from './info-page-form.ts';
import { InfoPageTranslation } from './info-page-translation-view.tsx';
import { EditInfoPage, InfoPageList, NewInfoPage } from './info-page-views.tsx';
import { guard, idParam, officeChange, savedAt } from './office-page.tsx';

const pageId = (value: string | undefined) => idParam(value, 'There is no such information page.');

type Parsed<S extends z.ZodType> = { data: z.infer<S>; submitted?: undefined } | { data?: undefined; submitted: Submitted };

function parse<S extends z.ZodType>(schema: S, values: Record<string, string | string[]>): Parsed<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data };
  return { submitted: { values, errors: new Map(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'form'), issue.message])) } };
}

/** A refused save shown on the form again, with what was typed: field errors 422, a conflict 409 (stale version, short name taken). */
function refused(c: Context<AppEnv>, error: unknown, values: Record<string, string | string[]>): Submitted {
  if (!isAppError(error) || (error.code !== 'conflict' && error.code !== 'validation_failed')) throw error;
  const t = staffT(c);
  c.status(error.code === 'conflict' ? 409 : 422);
  return {
    values,
    errors: new Map((error.fieldErrors ?? []).map((field) => [field.path, field.message])),
    message: isStaleVersion(error) ? t('staff.info_pages.stale') : t('staff.info_pages.conflict', { message: error.message }),
  };
}

const pageInput = (form: z.infer<typeof newInfoPageSchema>): InfoPageInput => ({
  slug: form.slug,
  position: form.position,
  published: form.published,
  serviceIds: form.serviceIds,
  german: { title: form.title, summary: form.summary, body: form.body },
});

/** Admin: information pages, their German text and translations, approvals of machine translations, links to services. */
export function infoPageAdmin(deps: OfficeDeps) {
  const routes = new Hono<AppEnv>();
  guard(routes, deps, 'office.manage', ['/staff/admin/info-pages', '/staff/admin/info-pages/*']);

  async function loadPage(id: string | undefined) {
    const page = await infoPageById(deps.db, pageId(id));
    if (!page) throw new AppError('not_found', 'There is no such information page.');
    return page;
  }

  async function editPage(c: Context<AppEnv>, submitted?: Submitted) {
    const page = await loadPage(c.req.param('id'));
    const [texts, serviceIds, services] = await Promise.all([infoPageTexts(deps.db, page.id), infoPageServiceIds(deps.db, page.id), serviceChoices(deps.db)]);
    return c.html(<EditInfoPage c={c} page={page} texts={texts} services={services} serviceIds={serviceIds} submitted={submitted} />);
  }

  async function translationPage(c: Context<AppEnv>, submitted?: Submitted) {
    const page = await loadPage(c.req.param('id'));
    const lang = translationLang(c.req.param('lang'));
    const texts = await infoPageTexts(deps.db, page.id, [lang, sourceLang]);
    const german = texts.find((text) => text.lang === sourceLang);
    const text = texts.find((row) => row.lang === lang);
    return c.html(<InfoPageTranslation c={c} page={page} lang={lang} german={german} text={text} submitted={submitted} />);
  }

  routes.get('/staff/admin/info-pages', async (c) => {
    const { pages, texts } = await infoPagesWithTexts(deps.db);
    return c.html(<InfoPageList c={c} pages={pages} texts={texts} />);
  });

  routes.get('/staff/admin/info-pages/new', async (c) => c.html(<NewInfoPage c={c} services={await serviceChoices(deps.db)} />));

  routes.post('/staff/admin/info-pages', async (c) => {
    const values = await formFields(c);
    const form = parse(newInfoPageSchema, values);
    const again = async (submitted: Submitted) => c.html(<NewInfoPage c={c} services={await serviceChoices(deps.db)} submitted={submitted} />);
    if (form.submitted) {
      c.status(422);
      return again(form.submitted);
    }
    try {
      const id = await createInfoPage(deps, officeChange(c), pageInput(form.data));
      return savedAt(c, `/staff/admin/info-pages/${id}`);
    } catch (error) {
      return again(refused(c, error, values));
    }
  });

  routes.get('/staff/admin/info-pages/:id', (c) => editPage(c));

  routes.post('/staff/admin/info-pages/:id', async (c) => {
    const id = pageId(c.req.param('id'));
    const values = await formFields(c);
    const form = parse(infoPageSchema, values);
    if (form.submitted) {
      c.status(422);
      return editPage(c, form.submitted);
    }
    try {
      await saveInfoPage(deps, officeChange(c), id, form.data.version, pageInput(form.data));
      return savedAt(c, `/staff/admin/info-pages/${id}`);
    } catch (error) {
      return editPage(c, refused(c, error, values));
    }
  });

  routes.get('/staff/admin/info-pages/:id/texts/:lang', (c) => translationPage(c));

  routes.post('/staff/admin/info-pages/:id/texts/:lang', async (c) => {
    const id = pageId(c.req.param('id'));
    const lang = translationLang(c.req.param('lang'));
    const values = await formFields(c);
    const form = parse(translationSchema, values);
    if (form.submitted) {
      c.status(422);
      return translationPage(c, form.submitted);
    }
    try {
      const { version, sourceDigest, machineTranslated, title, summary, body } = form.data;
      await saveInfoPageTranslation(deps, officeChange(c), { pageId: id, lang }, { version, sourceDigest, machineTranslated, title, summary, body });
      return savedAt(c, `/staff/admin/info-pages/${id}/texts/${lang}`);
    } catch (error) {
      return translationPage(c, refused(c, error, values));
    }
  });

  routes.post('/staff/admin/info-pages/:id/texts/:lang/approve', async (c) => {
    const id = pageId(c.req.param('id'));
    const lang = translationLang(c.req.param('lang'));
    const form = parse(approvalSchema, await formFields(c));
    if (form.submitted) throw new AppError('validation_failed', 'The form lacks the version of the translation.');
    try {
      await approveInfoPageTranslation(deps, officeChange(c), { pageId: id, lang }, form.data.version);
      return savedAt(c, `/staff/admin/info-pages/${id}/texts/${lang}`);
    } catch (error) {
      return translationPage(c, refused(c, error, {}));
    }
  });

  return routes;
}

function translationLang(lang: string | undefined): string {
  if (!lang || !languages.includes(lang) || lang === sourceLang) throw new AppError('not_found', 'This language is not offered for translations.');
  return lang;
}
