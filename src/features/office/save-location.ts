import { insertLocation, lockLocation, updateLocationRow, type LocationColumns } from './location-store.ts';
import { authorizeChange, exists, insertAudited, updateAudited, whenViolated, type OfficeChange, type OfficeDeps } from './office-change.ts';

export type LocationInput = { name: string; slug: string; address: string; timeZone: string; federalState: string | null; active: boolean };

const audited = { type: 'location', violated: whenViolated({ '23505': exists('A location with this short name') }), notFound: 'There is no such location.' };

export async function createLocation(deps: OfficeDeps, change: OfficeChange, input: LocationInput): Promise<string> {
  authorizeChange(change, 'office.manage');
  return (await insertAudited(deps, change, audited, (trx) => insertLocation(trx, columnsOf(input)))).id;
}

export async function updateLocation(deps: OfficeDeps, change: OfficeChange, id: string, input: LocationInput): Promise<void> {
  authorizeChange(change, 'office.manage');
  await updateAudited(
    deps,
    change,
    { ...audited, id },
    (trx) => lockLocation(trx, id),
    (trx) => updateLocationRow(trx, id, columnsOf(input)),
  );
}

function columnsOf(input: LocationInput): LocationColumns {
  return { name: input.name, slug: input.slug, address: input.address, time_zone: input.timeZone, federal_state: input.federalState, active: input.active };
}
