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
  /** Minutes after the release in which same-day times are drawn by lottery (docs/lottery.md); null: first come. */
  sameDayLotteryMinutes?: number | null | undefined;
  /** Minutes a drawn time is held for its winner. */
  lotteryHoldMinutes?: number | undefined;
  requiredResourceKind: string | null;
  active: boolean;
  specialtyIds: string[];
  locationIds: string[];
};

const taken = (slug: string) => new AppError('conflict', `A service with the short name "${slug}" exists already.`);
const unknownLink = whenViolated({ '23503': new AppError('validation_failed', 'A chosen specialty or location does not exist.') });

/** A lottery draws among those who asked in its window after the release time, which must end that day. */
function checkLottery(input: ServiceSettings): void {
  const minutes = input.sameDayLotteryMinutes;
  if (minutes === null || minutes === undefined) return;
  if (input.sameDayRelease === null)
    throw new AppError('validation_failed', 'A lottery needs a release time for same-day times.', {
      details: { fields: { sameDayLotteryMinutes: 'needs a release time' } },
    });
  const [hours, mins] = input.sameDayRelease.split(':').map(Number) as [number, number];
  // The draw's 5 minutes after the window (docs/lottery.md) must fit into the day too.
  if (hours * 60 + mins + minutes + 5 >= 24 * 60)
    throw new AppError('validation_failed', 'The lottery window must end before midnight.', {
      details: { fields: { sameDayLotteryMinutes: 'ends after midnight' } },
    });
}

/** A new service with its German name; its other texts are written on the text pages. */
export async function createService(deps: OfficeDeps, change: OfficeChange, input: ServiceSettings & { name: string }): Promise<string> {
  authorizeChange(change, 'office.manage');
  checkLottery(input);
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
  checkLottery(input);
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
    ...lotteryColumns(input),
    required_resource_kind: input.requiredResourceKind,
    active: input.active,
  };
}

/** The lottery window's columns (docs/lottery.md); callers that leave it out keep first come, first served. */
function lotteryColumns(input: Pick<ServiceSettings, 'sameDayLotteryMinutes' | 'lotteryHoldMinutes'>) {
  return { same_day_lottery_minutes: input.sameDayLotteryMinutes ?? null, lottery_hold_minutes: input.lotteryHoldMinutes ?? 60 };
}
