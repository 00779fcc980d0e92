import type { Jobs } from '../../platform/jobs/jobs.ts';
import { findAppointmentLocationId, type AppointmentNotifier } from '../appointments/index.ts';
import { dropUnconfirmedEntries, dueOffers, expireOffer } from './expire-offer.ts';
import { offerFreedTimes, offerTimesAfterScheduleChange } from './offer-freed-times.ts';
import type { WaitingListDeps, WaitingListSettings } from './waiting-list-deps.ts';
import { expireOfferJobType, expireSweepJobType, lookForTimesJobType, scheduleCheckJobType } from './waiting-list-jobs.ts';

/** The waiting list's workers: offering freed times, and moving on when an offer expires. */
export async function startWaitingListJobs(jobs: Jobs, deps: WaitingListDeps, timeZone: string): Promise<void> {
  await jobs.register({
    type: lookForTimesJobType,
    options: { retryLimit: 5, retryDelay: 10, expireInSeconds: 120 },
    async handle(data) {
      await offerFreedTimes(deps, data.locationId);
    },
  });
  const expire = async (offerId: string) => {
    const offer = await expireOffer(deps, offerId);
    if (offer.outcome === 'expired' && offer.locationId) await offerFreedTimes(deps, offer.locationId);
  };
  await jobs.register({
    type: expireOfferJobType,
    options: { retryLimit: 8, retryBackoff: true, retryDelay: 5, expireInSeconds: 120 },
    handle: (data) => expire(data.offerId),
  });
  await jobs.register({
    type: expireSweepJobType,
    options: { retryLimit: 0, expireInSeconds: 300 },
    async handle() {
      for (const offerId of await dueOffers(deps)) await expire(offerId);
      await dropUnconfirmedEntries(deps);
    },
  });
  await jobs.schedule(expireSweepJobType, '* * * * *', { tz: timeZone });
  await jobs.register({
    type: scheduleCheckJobType,
    options: { retryLimit: 0, expireInSeconds: 300 },
    async handle() {
      await offerTimesAfterScheduleChange(deps);
    },
  });
  await jobs.schedule(scheduleCheckJobType, '*/5 * * * *', { tz: timeZone });
}

/**
 * Where the engine frees time, the waiting list hears of it: a cancellation or a move is told to
 * the person through the app's notices, and this watcher rides along in the same delivery,
 * queueing a look for times at that location once the re-release delay is over.
 */
export function waitingListWatcher(deps: { jobs: Jobs; settings: Pick<WaitingListSettings, 'releaseDelayMinutes'> }): AppointmentNotifier {
  return {
    async changed(trx, change) {
      if (change.kind !== 'cancelled' && change.kind !== 'moved') return;
      const locationId = change.appointment?.location_id ?? (await findAppointmentLocationId(trx, change.appointmentId));
      if (!locationId) return;
      const startAfter = new Date(change.at.getTime() + deps.settings.releaseDelayMinutes * 60_000);
      await deps.jobs.send(lookForTimesJobType, { locationId }, { trx, startAfter });
    },
  };
}
