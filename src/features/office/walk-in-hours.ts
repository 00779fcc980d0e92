import { AppError } from '../../shared/app-error.ts';
import { managedLocation } from './managed-location.ts';
import { recordChange, whenViolated, type OfficeChange, type OfficeDeps } from './office-change.ts';
import { deleteWalkInHoursRow, insertWalkInHours, type WalkInSpan } from './walk-in-store.ts';

/** Hours when visitors are seen without an appointment; the portal shows exactly these. */
export async function addWalkInHours(deps: OfficeDeps, change: OfficeChange, locationId: string, span: WalkInSpan): Promise<void> {
  await managedLocation(deps.db, change.actor, locationId, 'office.manage');
  if (span.opens >= span.closes)
    throw new AppError('validation_failed', 'The end must be after the start.', { fieldErrors: [{ path: 'closes', message: 'not after start' }] });
  await deps.db.transaction().execute(async (trx) => {
    const row = await insertWalkInHours(trx, locationId, span).catch(whenViolated({ '23505': new AppError('conflict', 'These walk-in hours exist already.') }));
    await recordChange(trx, deps.clock, change, { action: 'admin.walk_in_hours.add', target: { type: 'location', id: locationId }, after: row });
  });
}

export async function deleteWalkInHours(deps: OfficeDeps, change: OfficeChange, locationId: string, at: { weekday: number; opens: string }): Promise<void> {
  await managedLocation(deps.db, change.actor, locationId, 'office.manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await deleteWalkInHoursRow(trx, locationId, at);
    if (!before) throw new AppError('not_found', 'These walk-in hours do not exist (any more).');
    await recordChange(trx, deps.clock, change, { action: 'admin.walk_in_hours.delete', target: { type: 'location', id: locationId }, before });
  });
}
