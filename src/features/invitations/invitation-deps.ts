import type { Database } from '../../db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Clock } from '../../shared/clock.ts';
import type { ScheduleCache } from '../appointments/index.ts';

/** What the invitation use cases need: the engine's deps, jobs for the mails, the portal's key and address for the links. */
export type InvitationDeps = {
  db: Database;
  clock: Clock;
  jobs: Jobs;
  publicUrl: string;
  /** The office's zone: which day "today" is for the window and the release dates. */
  timeZone: string;
  /** The portal's HMAC key: the letter's link carries the manage token made with it. */
  key(): Promise<string>;
  schedules?: ScheduleCache | undefined;
};
