import type { Database } from '../../db/database.ts';

export type LocationView = {
  id: string;
  slug: string;
  name: string;
  address: string;
  timeZone: string;
  /** The federal state whose public holidays close the location; null where none is set. */
  federalState: string | null;
  /** Walk-in hours: when visitors are seen without an appointment. */
  openingHours: { weekday: number; opens: string; closes: string }[];
};

/** Active locations with their walk-in hours, all or the one with this id or short name. */
export async function listLocations(deps: { db: Database }, only: { id?: string; slug?: string } = {}): Promise<LocationView[]> {
  let locations = deps.db.selectFrom('location').select(['id', 'slug', 'name', 'address', 'time_zone', 'federal_state']).where('active', '=', true);
  if (only.id !== undefined) locations = locations.where('id', '=', only.id);
  if (only.slug !== undefined) locations = locations.where('slug', '=', only.slug);
  let hours = deps.db
    .selectFrom('location_opening_hours as h')
    .innerJoin('location as l', 'l.id', 'h.location_id')
    .where('l.active', '=', true)
    .select(['h.location_id', 'h.weekday', 'h.opens', 'h.closes'])
    .orderBy('h.weekday')
    .orderBy('h.opens');
  if (only.id !== undefined) hours = hours.where('l.id', '=', only.id);
  if (only.slug !== undefined) hours = hours.where('l.slug', '=', only.slug);
  const [rows, spans] = await Promise.all([locations.orderBy('name').execute(), hours.execute()]);
  return rows.map((l) => ({
    id: l.id,
    slug: l.slug,
    name: l.name,
    address: l.address,
    timeZone: l.time_zone,
    federalState: l.federal_state,
    openingHours: spans.filter((h) => h.location_id === l.id).map((h) => ({ weekday: h.weekday, opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) })),
  }));
}

/** The active location with this short name (as in the portal's addresses). */
export async function findLocation(deps: { db: Database }, slug: string): Promise<LocationView | undefined> {
  return (await listLocations(deps, { slug }))[0];
}

export async function findLocationById(deps: { db: Database }, id: string): Promise<LocationView | undefined> {
  return (await listLocations(deps, { id }))[0];
}
