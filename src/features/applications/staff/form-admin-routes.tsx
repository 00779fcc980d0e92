import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/app-env.ts';
import { AppError } from '../../../shared/app-error.ts';
import { changeContext, formFields, idParam, requireStaff } from '../../staff/index.ts';
import type { FormDeps } from '../application-deps.ts';
import { formById, formChoices, listForms, translationOf, translationsOf, versionById, versionsOfForm } from '../form-store.ts';
import { publishFormVersion } from '../publish-form-version.ts';
import { saveFormDraft } from '../save-form-draft.ts';
import { saveFormTranslation } from '../save-form-translation.ts';
import { FormListPage, FormPage, TranslationPage } from './form-admin-pages.tsx';

/** The posted fields that came once (a repeated one is not a field of these forms). */
async function formValues(c: Context<AppEnv>): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await formFields(c)).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** JSON typed into a textarea; a syntax error is the administrator's mistake (422), not a 500. */
function parsedJson(text: string | undefined, what: string): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch (error) {
    throw new AppError('validation_failed', `${what}: kein gültiges JSON (${(error as Error).message}). / ${what}: not valid JSON.`);
  }
}

/** The forms admin (procedure_type.manage): forms, their drafts and versions, translations per language. */
export function formAdminRoutes(deps: FormDeps) {
  const routes = new Hono<AppEnv>();
  routes.use('/staff/admin/forms', requireStaff(deps, 'procedure_type.manage'));
  routes.use('/staff/admin/forms/*', requireStaff(deps, 'procedure_type.manage'));

  routes.get('/staff/admin/forms', async (c) => c.html(<FormListPage c={c} forms={await listForms(deps.db)} choices={await formChoices(deps.db)} />));

  const saveDraft = async (c: Context<AppEnv>, formId?: string) => {
    const form = await formValues(c);
    const saved = await saveFormDraft(deps, changeContext(c), {
      ...form,
      formId,
      definition: parsedJson(form.definition, 'Definition'),
      texts: parsedJson(form.texts, 'Texte / texts'),
    });
    return c.redirect(`/staff/admin/forms/${saved.formId}`, 303);
  };
  routes.post('/staff/admin/forms', (c) => saveDraft(c));
  routes.post('/staff/admin/forms/:id', (c) => saveDraft(c, idParam(c.req.param('id'))));

  routes.get('/staff/admin/forms/:id', async (c) => {
    const form = await formById(deps.db, idParam(c.req.param('id')));
    if (!form) throw new AppError('not_found', 'Dieses Formular gibt es nicht. / No such form.');
    const versions = await versionsOfForm(deps.db, form.id);
    const published = versions.find((v) => v.state === 'published');
    const translations = published ? await translationsOf(deps.db, published.id) : new Map();
    return c.html(<FormPage c={c} form={form} versions={versions} translations={translations} choices={await formChoices(deps.db)} />);
  });

  routes.post('/staff/admin/forms/:id/publish', async (c) => {
    const formId = idParam(c.req.param('id'));
    const form = await formValues(c);
    await publishFormVersion(deps, changeContext(c), { formId, versionId: idParam(form.versionId ?? ''), basedOnRevision: Number(form.basedOnRevision) });
    return c.redirect(`/staff/admin/forms/${formId}`, 303);
  });

  routes.get('/staff/admin/forms/:id/versions/:versionId/texts/:lang', async (c) => {
    const version = await versionById(deps.db, idParam(c.req.param('versionId')));
    if (!version || version.formId !== c.req.param('id')) throw new AppError('not_found', 'Diese Formularversion gibt es nicht. / No such form version.');
    const translation = await translationOf(deps.db, version.id, c.req.param('lang'));
    return c.html(<TranslationPage c={c} formId={version.formId} version={version} lang={c.req.param('lang')} texts={translation?.texts ?? {}} />);
  });

  routes.post('/staff/admin/forms/:id/versions/:versionId/texts/:lang', async (c) => {
    const form = await formValues(c);
    const texts = Object.fromEntries(Object.entries(form).flatMap(([key, value]) => (key.startsWith('t.') ? [[key.slice(2), value]] : [])));
    await saveFormTranslation(deps, changeContext(c), {
      versionId: c.req.param('versionId'),
      lang: c.req.param('lang'),
      texts,
      sourceDigest: form.sourceDigest,
    });
    return c.redirect(`/staff/admin/forms/${idParam(c.req.param('id'))}`, 303);
  });

  return routes;
}
