import { AppError } from '../../shared/app-error.ts';
import { sourceLang } from '../../web/i18n.ts';
import { authorizeChange, recordChange, whenViolated, type OfficeChange, type OfficeDeps } from './office-change.ts';
import {
  insertService,
  lockService,
  replaceServiceLinks,
  slugTakenByOther,
  updateServiceRow,
  upsertServiceText,
  type ServiceColumns,
} from './service-store.ts';
import { sourceDigest } from './translation-status.ts';

export type ServiceSettings = {
  slug: string;
  durationMinutes: number;
  slotMinutes: number;
  fee: number | null;
  onlineBookable: boolean;
  walkInAllowed: boolean;
  walkInDailyQuota: number | null;
  minLeadMinutes: number;
  maxDaysAhead: number;
  sameDayRelease: string | null;
  requiredResourceKind: string | null;
  active: boolean;
  specialtyIds: string[];
  locationIds: string[];
};

const taken = (slug: string) => new AppError('conflict', `A service with the short name "${slug}" exists already.`);
const unknownLink = whenViolated({ '23503': new AppError('validation_failed', 'A chosen specialty or location does not exist.') });

/** A new service with its German name; its other texts are written on the text pages. */
export async function createService(deps: OfficeDeps, change: OfficeChange, input: ServiceSettings & { name: string }): Promise<string> {
  authorizeChange(change, 'office.manage');
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertService(trx, serviceColumns(input));
    if (!id) throw taken(input.slug);
    const german = { name: input.name, description: '', audience: '', required_documents: [], fee_note: '' };
    await upsertServiceText(trx, { serviceId: id, lang: sourceLang }, { ...german, source_digest: sourceDigest(german) });
    await replaceServiceLinks(trx, id, input).catch(unknownLink);
    await recordChange(trx, deps.clock, change, { action: 'admin.service.create', target: { type: 'service', id }, after: input });
    return id;
  });
}

export async function updateService(deps: OfficeDeps, change: OfficeChange, id: string, input: ServiceSettings): Promise<void> {
  authorizeChange(change, 'office.manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockService(trx, id);
    if (!before) throw new AppError('not_found', 'There is no such service.');
    if (await slugTakenByOther(trx, input.slug, id)) throw taken(input.slug);
    const after = await updateServiceRow(trx, id, { ...serviceColumns(input), updated_at: deps.clock.now() });
    await replaceServiceLinks(trx, id, input).catch(unknownLink);
    await recordChange(trx, deps.clock, change, {
      action: 'admin.service.update',
      target: { type: 'service', id },
      before,
      after: { ...after, specialtyIds: input.specialtyIds, locationIds: input.locationIds },
    });
  });
}

/** A service's settings as its columns (here and in the demo office's seed). */
export function serviceColumns(input: Omit<ServiceSettings, 'specialtyIds' | 'locationIds'>): ServiceColumns {
  return {
    slug: input.slug,
    duration_minutes: input.durationMinutes,
    slot_minutes: input.slotMinutes,
    fee_cents: input.fee,
    online_bookable: input.onlineBookable,
    walk_in_allowed: input.walkInAllowed,
    walk_in_daily_quota: input.walkInDailyQuota,
    min_lead_minutes: input.minLeadMinutes,
    max_days_ahead: input.maxDaysAhead,
    same_day_release: input.sameDayRelease,
    required_resource_kind: input.requiredResourceKind,
    active: input.active,
  };
}
