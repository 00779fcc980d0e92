import { AppError } from '../../shared/app-error.ts';
import { insertCounter } from './location-store.ts';
import { authorizeChange, exists, insertAudited, whenViolated, type OfficeChange, type OfficeDeps } from './office-change.ts';

/** A counter (desk) at a location, where the front desk calls tickets to. */
export async function addCounter(deps: OfficeDeps, change: OfficeChange, locationId: string, name: string): Promise<void> {
  authorizeChange(change, 'office.manage');
  const violated = whenViolated({ '23503': new AppError('not_found', 'There is no such location.'), '23505': exists('A counter with this name') });
  await insertAudited(deps, change, { type: 'counter', violated }, (trx) => insertCounter(trx, locationId, name));
}
