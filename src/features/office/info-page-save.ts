import { AppError } from '../../shared/app-error.ts';
import { sourceLang } from '../../web/i18n.ts';
import { infoPageDigest, type InfoPageTextFields } from './info-page-status.ts';
import {
  infoPageText,
  insertInfoPage,
  lockInfoPage,
  replaceInfoPageServices,
  updateInfoPageRow,
  upsertInfoPageText,
  type InfoPageColumns,
} from './info-page-store.ts';
import { authorizeChange, recordChange, whenViolated, type OfficeChange, type OfficeDeps } from './office-change.ts';

/** A page's settings, its services and its German text: what the administrator edits in one form. */
export type InfoPageInput = InfoPageColumns & { serviceIds: string[]; german: InfoPageTextFields };

const slugTaken = new AppError('conflict', 'Diese Kurzbezeichnung hat schon eine andere Seite. / Another page has this short name.', {
  fieldErrors: [{ path: 'slug', message: 'schon vergeben / already taken' }],
});
const unknownService = new AppError('validation_failed', 'Eine gewählte Dienstleistung gibt es nicht. / A chosen service does not exist.', {
  fieldErrors: [{ path: 'serviceIds', message: 'unbekannt / unknown' }],
});
const violated = whenViolated({ '23505': slugTaken, '23503': unknownService });

/** The version the form was loaded with is not the page's current one: someone else saved in between. */
export function staleVersion(what: string): AppError {
  return new AppError(
    'conflict',
    `${what} wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und übernehmen Sie Ihre Änderungen. / ${what} was changed by someone else meanwhile; reload and apply your changes again.`,
    { details: { reason: 'stale_version' } },
  );
}

export function isStaleVersion(error: unknown): boolean {
  return error instanceof AppError && error.details?.reason === 'stale_version';
}

/** A new information page with its German text; unpublished unless asked. */
export async function createInfoPage(deps: OfficeDeps, change: OfficeChange, input: InfoPageInput): Promise<string> {
  authorizeChange(change, 'office.manage');
  const now = deps.clock.now();
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const page = await insertInfoPage(trx, { slug: input.slug, position: input.position, published: input.published, created_at: now, updated_at: now });
      const german = await upsertInfoPageText(
        trx,
        { pageId: page.id, lang: sourceLang },
        { ...input.german, source_digest: infoPageDigest(input.german), machine_translated: false, updated_at: now },
      );
      await replaceInfoPageServices(trx, page.id, input.serviceIds);
      await recordChange(trx, deps.clock, change, {
        action: 'admin.info_page.create',
        target: { type: 'info_page', id: page.id },
        after: { ...page, german, serviceIds: input.serviceIds },
      });
      return page.id;
    })
    .catch(violated);
}

/**
 * Saves the settings, services and German text of a page the administrator loaded at `version`.
 * Translations keep the digest they were made from, so a changed German text makes them outdated.
 */
export async function saveInfoPage(deps: OfficeDeps, change: OfficeChange, id: string, version: number, input: InfoPageInput): Promise<void> {
  authorizeChange(change, 'office.manage');
  const now = deps.clock.now();
  await deps.db
    .transaction()
    .execute(async (trx) => {
      const before = await lockInfoPage(trx, id);
      if (!before) throw new AppError('not_found', 'There is no such information page.');
      if (before.version !== version) throw staleVersion('Die Seite');
      const germanBefore = await infoPageText(trx, id, sourceLang);
      const after = await updateInfoPageRow(trx, id, { slug: input.slug, position: input.position, published: input.published, updated_at: now });
      const german = await upsertInfoPageText(
        trx,
        { pageId: id, lang: sourceLang },
        { ...input.german, source_digest: infoPageDigest(input.german), machine_translated: false, updated_at: now },
      );
      await replaceInfoPageServices(trx, id, input.serviceIds);
      await recordChange(trx, deps.clock, change, {
        action: 'admin.info_page.update',
        target: { type: 'info_page', id },
        before: { ...before, german: germanBefore },
        after: { ...after, german, serviceIds: input.serviceIds },
      });
    })
    .catch(violated);
}
