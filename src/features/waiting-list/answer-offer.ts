import { confirmHeldAppointment } from '../appointments/index.ts';
import { isAppError } from '../../shared/app-error.ts';
import { checkOfferOpen, offerByLink } from './offer-by-link.ts';
import { giveBackOffer } from './give-back-offer.ts';
import type { WaitingListDeps } from './waiting-list-deps.ts';
import { backInLine, endEntry, endOffer } from './waiting-list-store.ts';

export type AcceptOutcome = { kind: 'booked'; appointmentCode: string } | { kind: 'already_booked' };

/**
 * The person accepts the offered time (the POST behind the offer page's button): the held
 * appointment becomes a booking, the regular confirmation follows, the entry ends. The offer row
 * is locked first, so of two clicks at once one books and the other learns the offer was used.
 * A person who booked this service meanwhile keeps that booking; the held time goes to the next.
 */
export async function acceptOffer(deps: WaitingListDeps, token: string | undefined): Promise<AcceptOutcome> {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx): Promise<AcceptOutcome> => {
      const offer = await offerByLink(trx, token, { lock: true });
      checkOfferOpen(offer, now);
      try {
        const booked = await confirmHeldAppointment(trx, deps.notices, offer.appointment_id, now);
        await endOffer(trx, offer.id, 'accepted', now);
        await endEntry(trx, offer.entry_id, 'booked', now);
        return { kind: 'booked', appointmentCode: booked.code };
      } catch (error) {
        if (!isAppError(error) || error.code !== 'duplicate_booking') throw error;
        await giveBackOffer(trx, deps.jobs, offer, now);
        await endEntry(trx, offer.entry_id, 'left', now);
        return { kind: 'already_booked' };
      }
    });
  } finally {
    deps.notices.committed?.();
  }
}

/**
 * The time does not suit: it goes to the next person, and the person keeps their place in line
 * (this start is never offered to them again).
 */
export async function declineOffer(deps: Pick<WaitingListDeps, 'db' | 'clock' | 'jobs'>, token: string | undefined): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const offer = await offerByLink(trx, token, { lock: true });
    const now = deps.clock.now();
    checkOfferOpen(offer, now);
    await giveBackOffer(trx, deps.jobs, offer, now);
    await backInLine(trx, offer.entry_id);
  });
}
