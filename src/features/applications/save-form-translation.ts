import { z } from 'zod';
import { AppError } from '../../shared/app-error.ts';
import { validateInput } from '../case-files/index.ts';
import { isLanguage, sourceLang } from '../../web/i18n.ts';
import { authorizeChange, recordChange, type ChangeContext } from '../staff/index.ts';
import type { FormDeps } from './application-deps.ts';
import { textKeys } from './form-definition.ts';
import { versionById } from './form-store.ts';

const schema = z.object({
  versionId: z.uuid(),
  lang: z.string().refine((lang) => isLanguage(lang) && lang !== sourceLang, 'eine Portalsprache außer Deutsch / a portal language other than German'),
  texts: z.record(z.string(), z.string().trim().max(4000)),
  /** The digest of the German texts the translator saw: if the German changed meanwhile, the saved translation is outdated at once. */
  sourceDigest: z.string().regex(/^[0-9a-f]{32}$/),
});

/**
 * Saves a language's texts of a form version. Allowed on published versions too: a translation
 * changes no question and no answer, only how it reads. Empty texts are left out (German is shown).
 */
export async function saveFormTranslation(deps: FormDeps, ctx: ChangeContext, input: unknown): Promise<void> {
  const request = validateInput(schema, input);
  await authorizeChange(deps, ctx, 'procedure_type.manage');
  const version = await versionById(deps.db, request.versionId);
  if (!version) throw new AppError('not_found', 'Diese Formularversion gibt es nicht. / No such form version.');
  const known = new Set(textKeys(version.definition).concat(Object.keys(version.texts)));
  const texts = Object.fromEntries(Object.entries(request.texts).filter(([key, text]) => known.has(key) && text !== ''));
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('application_form_text')
      .values({ form_version_id: version.id, lang: request.lang, texts: JSON.stringify(texts), source_digest: request.sourceDigest, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['form_version_id', 'lang']).doUpdateSet({ texts: JSON.stringify(texts), source_digest: request.sourceDigest, updated_at: now }),
      )
      .execute();
    await recordChange(trx, deps.clock, ctx, {
      action: 'admin.application_form_text.save',
      target: { type: 'application_form_version', id: version.id },
      after: { lang: request.lang, keys: Object.keys(texts).length },
    });
  });
}
