import type { Database } from '../../db/database.ts';

export type LocationView = {
  id: string;
  slug: string;
  name: string;
  address: string;
  timeZone: string;
  openingHours: { weekday: number; opens: string; closes: string }[];
};

/** Active locations with their public opening hours. */
export async function listLocations(deps: { db: Database }): Promise<LocationView[]> {
  const [locations, hours] = await Promise.all([
    deps.db.selectFrom('location').select(['id', 'slug', 'name', 'address', 'time_zone']).where('active', '=', true).orderBy('name').execute(),
    deps.db
      .selectFrom('location_opening_hours as h')
      .innerJoin('location as l', 'l.id', 'h.location_id')
      .where('l.active', '=', true)
      .select(['h.location_id', 'h.weekday', 'h.opens', 'h.closes'])
      .orderBy('h.weekday')
      .orderBy('h.opens')
      .execute(),
  ]);
  return locations.map((l) => ({
    id: l.id,
    slug: l.slug,
    name: l.name,
    address: l.address,
    timeZone: l.time_zone,
    openingHours: hours.filter((h) => h.location_id === l.id).map((h) => ({ weekday: h.weekday, opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) })),
  }));
}
