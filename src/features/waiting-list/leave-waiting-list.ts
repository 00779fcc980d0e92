import { releaseHeldAppointment } from '../appointments/index.ts';
import { unknownLink } from './entry-by-link.ts';
import { hashLinkToken, isLinkToken } from './link-token.ts';
import { lookForTimesJobType } from './waiting-list-jobs.ts';
import type { WaitingListDeps } from './waiting-list-deps.ts';
import { endEntry, endOffer, findEntryByToken, openOfferOfEntry } from './waiting-list-store.ts';

/**
 * One click on the entry's page: the person leaves the list and their data goes with the entry.
 * A time held for them is given back and goes to the next person. Leaving twice changes nothing.
 */
export async function leaveWaitingList(deps: Pick<WaitingListDeps, 'db' | 'clock' | 'jobs'>, token: string | undefined): Promise<void> {
  if (!isLinkToken(token)) throw unknownLink();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const entry = await findEntryByToken(trx, hashLinkToken(token), { lock: true });
    if (!entry) throw unknownLink();
    const offer = entry.status === 'offered' ? await openOfferOfEntry(trx, entry.id) : undefined;
    if (!(await endEntry(trx, entry.id, 'left', now))) return;
    if (offer) {
      await releaseHeldAppointment(trx, offer.appointment_id, now);
      await endOffer(trx, offer.id, 'declined', now);
      await deps.jobs.send(lookForTimesJobType, { locationId: entry.location_id }, { trx });
    }
  });
}
