import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.generated.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { releaseHeldAppointment } from '../appointments/index.ts';
import { lookForTimesJobType } from './waiting-list-jobs.ts';
import { endOffer, type OfferRow } from './waiting-list-store.ts';

/**
 * An open offer ends without a booking (declined, the person left or booked elsewhere): the held
 * time is free again and the look for the next person is queued, all in the caller's transaction.
 */
export async function giveBackOffer(
  trx: Transaction<DB>,
  jobs: Jobs,
  offer: Pick<OfferRow, 'id' | 'appointment_id' | 'location_id'>,
  now: Date,
): Promise<void> {
  await releaseHeldAppointment(trx, offer.appointment_id, now);
  await endOffer(trx, offer.id, 'declined', now);
  await jobs.send(lookForTimesJobType, { locationId: offer.location_id }, { trx });
}
