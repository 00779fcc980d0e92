import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export const fallbackLanguage = 'de';

export type ServiceView = {
  id: string;
  slug: string;
  /** The language the texts are in: the one asked for, or German where no translation exists. */
  lang: string;
  name: string;
  /** The German name, shown beside a translation because the office's letters use it. */
  germanName: string;
  description: string;
  audience: string;
  requiredDocuments: string[];
  feeCents: number | null;
  feeNote: string;
  durationMinutes: number;
  slotMinutes: number;
  onlineBookable: boolean;
  walkInAllowed: boolean;
  minLeadMinutes: number;
  maxDaysAhead: number;
  sameDayRelease: string | null;
  /** Minutes of the lottery window after the release (docs/lottery.md); null: first come, first served. */
  sameDayLotteryMinutes: number | null;
  lotteryHoldMinutes: number;
  requiresResource: boolean;
  locationIds: string[];
};

export type ServiceQuery = { lang: string; locationId?: string | undefined; id?: string; slug?: string };

/** Active services with their texts in `lang` (German where a text is missing); all, or those offered at a location, or one. */
export async function listServices(deps: { db: Database }, options: ServiceQuery): Promise<ServiceView[]> {
  let query = deps.db
    .selectFrom('service as s')
    .innerJoin('service_text as t', (join) =>
      join
        .onRef('t.service_id', '=', 's.id')
        .on((eb) =>
          eb(
            't.lang',
            '=',
            sql<string>`(SELECT coalesce(max(x.lang) FILTER (WHERE x.lang = ${options.lang}), ${fallbackLanguage}) FROM service_text x WHERE x.service_id = s.id)`,
          ),
        ),
    )
    .where('s.active', '=', true)
    .select([
      's.id',
      's.slug',
      's.duration_minutes',
      's.slot_minutes',
      's.fee_cents',
      's.online_bookable',
      's.walk_in_allowed',
      's.min_lead_minutes',
      's.max_days_ahead',
      's.same_day_release',
      's.same_day_lottery_minutes',
      's.lottery_hold_minutes',
      's.required_resource_kind',
      't.lang',
      't.name',
      sql<string>`coalesce((SELECT g.name FROM service_text g WHERE g.service_id = s.id AND g.lang = ${fallbackLanguage}), t.name)`.as('german_name'),
      't.description',
      't.audience',
      't.required_documents',
      't.fee_note',
      sql<
        string[]
      >`ARRAY(SELECT sl.location_id::text FROM service_location sl JOIN location l ON l.id = sl.location_id AND l.active WHERE sl.service_id = s.id ORDER BY l.name)`.as(
        'location_ids',
      ),
    ])
    .orderBy('s.sort_order')
    .orderBy('s.slug');
  if (options.locationId) {
    const locationId = options.locationId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('service_location as sl').whereRef('sl.service_id', '=', 's.id').where('sl.location_id', '=', locationId)),
    );
  }
  if (options.id !== undefined) query = query.where('s.id', '=', options.id);
  if (options.slug !== undefined) query = query.where('s.slug', '=', options.slug);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    lang: r.lang,
    name: r.name,
    germanName: r.german_name,
    description: r.description,
    audience: r.audience,
    requiredDocuments: r.required_documents,
    feeCents: r.fee_cents,
    feeNote: r.fee_note,
    durationMinutes: r.duration_minutes,
    slotMinutes: r.slot_minutes,
    onlineBookable: r.online_bookable,
    walkInAllowed: r.walk_in_allowed,
    minLeadMinutes: r.min_lead_minutes,
    maxDaysAhead: r.max_days_ahead,
    sameDayRelease: r.same_day_release ? r.same_day_release.slice(0, 5) : null,
    sameDayLotteryMinutes: r.same_day_lottery_minutes,
    lotteryHoldMinutes: r.lottery_hold_minutes,
    requiresResource: r.required_resource_kind !== null,
    locationIds: r.location_ids,
  }));
}

/** The active service with this short name (as in the portal's addresses), its texts in `lang`. */
export async function findService(deps: { db: Database }, lang: string, slug: string): Promise<ServiceView | undefined> {
  return (await listServices(deps, { lang, slug }))[0];
}

export async function findServiceById(deps: { db: Database }, lang: string, id: string): Promise<ServiceView | undefined> {
  return (await listServices(deps, { lang, id }))[0];
}
