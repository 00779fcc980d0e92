import { AppError } from '../../shared/app-error.ts';
import { languages, sourceLang } from '../../web/i18n.ts';
import { staleVersion } from './info-page-save.ts';
import type { InfoPageTextFields } from './info-page-status.ts';
import { infoPageText, lockInfoPage, upsertInfoPageText } from './info-page-store.ts';
import { authorizeChange, recordChange, type OfficeChange, type OfficeDeps } from './office-change.ts';

export type TranslationKey = { pageId: string; lang: string };

/**
 * What a translator saves: the text, the version of the translation the form was loaded with (0 when
 * there was none), and the digest of the German text it was shown, which the translation then
 * remembers: if the German changed meanwhile, the translation is outdated at once.
 */
export type TranslationInput = InfoPageTextFields & { version: number; sourceDigest: string; machineTranslated: boolean };

export function translatable(lang: string): void {
  if (!languages.includes(lang) || lang === sourceLang) throw new AppError('not_found', 'This language is not offered for translations.');
}

/** Locks the page (all writers of a page take turns) and the translation, and checks the form's version. */
export async function lockTranslation(trx: Parameters<typeof lockInfoPage>[0], key: TranslationKey, version: number) {
  if (!(await lockInfoPage(trx, key.pageId))) throw new AppError('not_found', 'There is no such information page.');
  const before = await infoPageText(trx, key.pageId, key.lang);
  if ((before?.version ?? 0) !== version) throw staleVersion('Die Übersetzung');
  return before;
}

/** A person's translation, or a machine translation marked as such (it then awaits a person's approval). */
export async function saveInfoPageTranslation(deps: OfficeDeps, change: OfficeChange, key: TranslationKey, input: TranslationInput): Promise<void> {
  authorizeChange(change, 'office.manage');
  translatable(key.lang);
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockTranslation(trx, key, input.version);
    if (!(await infoPageText(trx, key.pageId, sourceLang))) throw new AppError('conflict', 'Erst den deutschen Text speichern. / Save the German text first.');
    const after = await upsertInfoPageText(trx, key, {
      title: input.title,
      summary: input.summary,
      body: input.body,
      source_digest: input.sourceDigest,
      machine_translated: input.machineTranslated,
      updated_at: deps.clock.now(),
    });
    await recordChange(trx, deps.clock, change, {
      action: 'admin.info_page_text.save',
      target: { type: 'info_page_text', id: `${key.pageId}/${key.lang}` },
      before,
      after,
    });
  });
}
