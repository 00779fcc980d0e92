import { z } from 'zod';
import { jobType, noPayload } from '../../platform/jobs/jobs.ts';

/** Look for free times at a location and offer them to the people waiting there (offer-freed-times.ts). */
export const lookForTimesJobType = jobType('waiting-list.look-for-times', z.strictObject({ locationId: z.guid() }));

/** An offer's time is up: give the time back and offer it to the next person (expire-offer.ts). */
export const expireOfferJobType = jobType('waiting-list.expire-offer', z.strictObject({ offerId: z.guid() }));

/** Every minute: offers whose time is up and whose own job has not run (another instance, a crash). */
export const expireSweepJobType = jobType('waiting-list.expire-sweep', noPayload);

/** Every five minutes: if the schedule changed (new hours, an absence ended), look for freed times. */
export const scheduleCheckJobType = jobType('waiting-list.schedule-check', noPayload);
