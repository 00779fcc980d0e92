import { AppError } from '../../shared/app-error.ts';
import { approveInfoPageText } from './info-page-store.ts';
import { lockTranslation, translatable, type TranslationKey } from './info-page-translation-save.ts';
import { authorizeChange, recordChange, type OfficeChange, type OfficeDeps } from './office-change.ts';

/** A person has checked a machine translation: citizens no longer see the "machine-translated" mark. */
export async function approveInfoPageTranslation(deps: OfficeDeps, change: OfficeChange, key: TranslationKey, version: number): Promise<void> {
  authorizeChange(change, 'office.manage');
  translatable(key.lang);
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockTranslation(trx, key, version);
    if (!before) throw new AppError('not_found', 'There is no such translation.');
    if (!before.machine_translated || before.approved_at)
      throw new AppError('conflict', 'Diese Übersetzung wartet nicht auf eine Freigabe. / This translation awaits no approval.');
    const after = await approveInfoPageText(trx, key, { staffId: change.actor.staffId, at: deps.clock.now() });
    await recordChange(trx, deps.clock, change, {
      action: 'admin.info_page_text.approve',
      target: { type: 'info_page_text', id: `${key.pageId}/${key.lang}` },
      before,
      after,
    });
  });
}
