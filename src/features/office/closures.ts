import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../shared/app-error.ts';
import { deleteClosureRow, insertClosure } from './closure-store.ts';
import { managedLocation } from './managed-location.ts';
import { recordChange, type OfficeChange, type OfficeDeps } from './office-change.ts';

export type ClosureInput = {
  locationId: string;
  day: string;
  /** The last day of a closure over several days (inclusive); null or `day`: one day. */
  lastDay?: string | null;
  starts: string | null;
  ends: string | null;
  reason: string;
};

/** Longest closure entered at once: a month (between the years, a move); longer is a typo. */
export const maxClosureDays = 31;

/**
 * Closures are written by whoever manages hours at the location: administrators, and its team leads.
 * A whole day (no times), or from `starts` to `ends` ("24:00" or none: to the end of the day). Over
 * several days it is one row per day, each with the same times, written together or not at all.
 */
export async function addClosure(deps: OfficeDeps, change: OfficeChange, input: ClosureInput): Promise<string[]> {
  await managedLocation(deps.db, change.actor, input.locationId, 'hours.manage');
  const starts = input.starts ?? (input.ends !== null ? '00:00' : null);
  const ends = starts === null ? null : (input.ends ?? '24:00');
  if (starts !== null && ends !== null && starts >= ends) {
    throw new AppError('validation_failed', 'The closure must end after it starts.', { fieldErrors: [{ path: 'ends', message: 'not after start' }] });
  }
  const days = closureDays(input.day, input.lastDay ?? null);
  return deps.db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const day of days) {
      const row = await insertClosure(trx, {
        location_id: input.locationId,
        day,
        starts,
        ends,
        reason: input.reason,
        created_by: change.actor.staffId,
        created_at: deps.clock.now(),
      });
      await recordChange(trx, deps.clock, change, { action: 'admin.location_closure.add', target: { type: 'location_closure', id: row.id }, after: row });
      ids.push(row.id);
    }
    return ids;
  });
}

function closureDays(first: string, last: string | null): string[] {
  const from = Temporal.PlainDate.from(first);
  const to = last === null ? from : Temporal.PlainDate.from(last);
  const span = from.until(to, { largestUnit: 'days' }).days + 1;
  if (span < 1) {
    throw new AppError('validation_failed', 'The last day of the closure must not be before its first day.', {
      fieldErrors: [{ path: 'lastDay', message: 'before the first day' }],
    });
  }
  if (span > maxClosureDays) {
    throw new AppError('validation_failed', `A closure entered at once may cover at most ${maxClosureDays} days.`, {
      fieldErrors: [{ path: 'lastDay', message: `more than ${maxClosureDays} days` }],
    });
  }
  return Array.from({ length: span }, (_, i) => from.add({ days: i }).toString());
}

export async function deleteClosure(deps: OfficeDeps, change: OfficeChange, input: { locationId: string; closureId: string }): Promise<void> {
  await managedLocation(deps.db, change.actor, input.locationId, 'hours.manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await deleteClosureRow(trx, input.locationId, input.closureId);
    if (!before) throw new AppError('not_found', 'This closure does not exist (any more).');
    await recordChange(trx, deps.clock, change, { action: 'admin.location_closure.delete', target: { type: 'location_closure', id: before.id }, before });
  });
}
