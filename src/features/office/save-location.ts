import { insertLocation, lockLocation, updateLocationRow, type LocationColumns } from './location-store.ts';
import { catalogueEntry, exists, whenViolated } from './office-change.ts';

export type LocationInput = { name: string; slug: string; address: string; timeZone: string; federalState: string | null; active: boolean };

const audited = { type: 'location', violated: whenViolated({ '23505': exists('A location with this short name') }), notFound: 'There is no such location.' };

const entry = catalogueEntry({ audited, columnsOf, insert: insertLocation, lock: lockLocation, update: updateLocationRow });
export const createLocation = entry.create;
export const updateLocation = entry.update;

function columnsOf(input: LocationInput): LocationColumns {
  return { name: input.name, slug: input.slug, address: input.address, time_zone: input.timeZone, federal_state: input.federalState, active: input.active };
}
