import { AppError } from '../../shared/app-error.ts';
import { deleteClosureRow, insertClosure } from './closure-store.ts';
import { managedLocation } from './managed-location.ts';
import { recordChange, type OfficeChange, type OfficeDeps } from './office-change.ts';

export type ClosureInput = { locationId: string; day: string; starts: string | null; ends: string | null; reason: string };

/**
 * Closures are written by whoever manages hours at the location: administrators, and its team leads.
 * A whole day (no times), or from `starts` to `ends` ("24:00" or none: to the end of the day).
 */
export async function addClosure(deps: OfficeDeps, change: OfficeChange, input: ClosureInput): Promise<string> {
  await managedLocation(deps.db, change.actor, input.locationId, 'hours.manage');
  const starts = input.starts ?? (input.ends !== null ? '00:00' : null);
  const ends = starts === null ? null : (input.ends ?? '24:00');
  if (starts !== null && ends !== null && starts >= ends) {
    throw new AppError('validation_failed', 'The closure must end after it starts.', { fieldErrors: [{ path: 'ends', message: 'not after start' }] });
  }
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertClosure(trx, {
      location_id: input.locationId,
      day: input.day,
      starts,
      ends,
      reason: input.reason,
      created_by: change.actor.staffId,
      created_at: deps.clock.now(),
    });
    await recordChange(trx, deps.clock, change, { action: 'admin.location_closure.add', target: { type: 'location_closure', id: row.id }, after: row });
    return row.id;
  });
}

export async function deleteClosure(deps: OfficeDeps, change: OfficeChange, input: { locationId: string; closureId: string }): Promise<void> {
  await managedLocation(deps.db, change.actor, input.locationId, 'hours.manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await deleteClosureRow(trx, input.locationId, input.closureId);
    if (!before) throw new AppError('not_found', 'This closure does not exist (any more).');
    await recordChange(trx, deps.clock, change, { action: 'admin.location_closure.delete', target: { type: 'location_closure', id: before.id }, before });
  });
}
