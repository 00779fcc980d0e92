import { AppError } from '../../shared/app-error.ts';
import { lockEntryByLink } from './entry-by-link.ts';
import { lookForTimesJobType } from './waiting-list-jobs.ts';
import type { WaitingListDeps } from './waiting-list-deps.ts';
import { confirmPlace } from './waiting-list-store.ts';

/**
 * The second step of the double opt-in: the person confirms from the link in the mail, and only
 * now takes a place in line (its moment is the confirmation's). Confirming twice changes nothing.
 */
export async function confirmEntry(deps: Pick<WaitingListDeps, 'db' | 'clock' | 'jobs'>, token: string | undefined): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const entry = await lockEntryByLink(trx, token);
    if (entry.status !== 'pending') {
      if (entry.status === 'waiting' || entry.status === 'offered') return;
      throw new AppError('conflict', 'This entry has ended.', { details: { reason: 'entry_ended' } });
    }
    await confirmPlace(trx, entry.id, deps.clock.now());
    // A time may have come free since the person saw none.
    await deps.jobs.send(lookForTimesJobType, { locationId: entry.location_id }, { trx });
  });
}
