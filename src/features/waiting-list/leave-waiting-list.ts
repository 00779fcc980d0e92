import { lockEntryByLink } from './entry-by-link.ts';
import { giveBackOffer } from './give-back-offer.ts';
import type { WaitingListDeps } from './waiting-list-deps.ts';
import { endEntry, openOfferOfEntry } from './waiting-list-store.ts';

/**
 * One click on the entry's page: the person leaves the list and their data goes with the entry.
 * A time held for them is given back and goes to the next person. Leaving twice changes nothing.
 */
export async function leaveWaitingList(deps: Pick<WaitingListDeps, 'db' | 'clock' | 'jobs'>, token: string | undefined): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const entry = await lockEntryByLink(trx, token);
    const offer = entry.status === 'offered' ? await openOfferOfEntry(trx, entry.id) : undefined;
    if (!(await endEntry(trx, entry.id, 'left', now))) return;
    if (offer) await giveBackOffer(trx, deps.jobs, offer, now);
  });
}
