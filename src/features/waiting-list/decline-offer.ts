import { releaseHeldAppointment } from '../appointments/index.ts';
import { checkOfferOpen, offerByLink } from './offer-by-link.ts';
import { lookForTimesJobType } from './waiting-list-jobs.ts';
import type { WaitingListDeps } from './waiting-list-deps.ts';
import { endOffer } from './waiting-list-store.ts';

/**
 * The time does not suit: it goes to the next person, and the person keeps their place in line
 * (this start is never offered to them again).
 */
export async function declineOffer(deps: Pick<WaitingListDeps, 'db' | 'clock' | 'jobs'>, token: string | undefined): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const offer = await offerByLink(trx, token, { lock: true });
    checkOfferOpen(offer, now);
    await releaseHeldAppointment(trx, offer.appointment_id, now);
    await endOffer(trx, offer.id, 'declined', now);
    await trx.updateTable('waiting_list_entry').set({ status: 'waiting' }).where('id', '=', offer.entry_id).where('status', '=', 'offered').execute();
    await deps.jobs.send(lookForTimesJobType, { locationId: offer.location_id }, { trx });
  });
}
