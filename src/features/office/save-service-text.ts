import { AppError } from '../../shared/app-error.ts';
import { languages, sourceLang } from '../../web/i18n.ts';
import { authorizeChange, recordChange, type OfficeChange, type OfficeDeps } from './office-change.ts';
import { lockService, serviceText, upsertServiceText } from './service-store.ts';
import { sourceDigest, type ServiceTextFields } from './translation-status.ts';

/** A service's texts and Mitbringliste in one language; a translation remembers which German text it was made from. */
export async function saveServiceText(
  deps: OfficeDeps,
  change: OfficeChange,
  key: { serviceId: string; lang: string },
  fields: ServiceTextFields,
): Promise<void> {
  authorizeChange(change, 'office.manage');
  if (!languages.includes(key.lang)) throw new AppError('not_found', 'This language is not offered.');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await lockService(trx, key.serviceId))) throw new AppError('not_found', 'There is no such service.');
    const german = await serviceText(trx, key.serviceId, sourceLang);
    // A translation records the German text it was made from; German records its own digest.
    const digest = key.lang === sourceLang ? sourceDigest(fields) : german ? sourceDigest(german) : null;
    const before = await serviceText(trx, key.serviceId, key.lang);
    const after = await upsertServiceText(trx, key, { ...fields, source_digest: digest, updated_at: deps.clock.now() });
    await recordChange(trx, deps.clock, change, {
      action: 'admin.service_text.save',
      target: { type: 'service_text', id: `${key.serviceId}/${key.lang}` },
      before,
      after,
    });
  });
}
