import type { Database } from '../../db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Clock } from '../../shared/clock.ts';
import type { AppointmentNotifier, BookingsCache, ScheduleCache } from '../appointments/index.ts';

/** What the waiting list's use cases need; one object built by the composition root. */
export type WaitingListDeps = {
  db: Database;
  clock: Clock;
  jobs: Jobs;
  /** The confirmation of an accepted offer goes out as every booking's (the app's notices). */
  notices: AppointmentNotifier;
  publicUrl: string;
  settings: WaitingListSettings;
  schedules?: ScheduleCache | undefined;
  bookings?: BookingsCache | undefined;
};

export type WaitingListSettings = {
  /** How long an offered time is held for the person (LOTSE_WAITING_LIST_OFFER_MINUTES). */
  offerMinutes: number;
  /** The portal's re-release delay: a cancelled time goes to the list once it is over. */
  releaseDelayMinutes: number;
};

export const defaultWaitingListSettings: WaitingListSettings = { offerMinutes: 30, releaseDelayMinutes: 0 };
