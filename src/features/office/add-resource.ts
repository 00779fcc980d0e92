import { AppError } from '../../shared/app-error.ts';
import { insertResource } from './location-store.ts';
import { authorizeChange, exists, insertAudited, whenViolated, type OfficeChange, type OfficeDeps } from './office-change.ts';

/** A resource at a location (e.g. a fingerprint scanner) that services of its kind need. */
export async function addResource(deps: OfficeDeps, change: OfficeChange, locationId: string, resource: { name: string; kind: string }): Promise<void> {
  authorizeChange(change, 'office.manage');
  const violated = whenViolated({ '23503': new AppError('not_found', 'There is no such location.'), '23505': exists('This resource') });
  await insertAudited(deps, change, { type: 'resource', violated }, (trx) => insertResource(trx, locationId, resource));
}
