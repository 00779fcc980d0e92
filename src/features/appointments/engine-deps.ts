import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import type { BookingsCache } from './bookings-cache.ts';
import type { ScheduleCache } from './schedule-cache.ts';

/** What the engine's use cases need; `schedules` is shared by one app, a fresh one per call when absent. */
export type EngineDeps = {
  db: Database;
  clock: Clock;
  schedules?: ScheduleCache | undefined;
  /** Bookings per clerk and day read for availability, shared by one app; none kept when absent. */
  bookings?: BookingsCache | undefined;
  /** Minutes a cancelled time stays held back from online callers (anti-reselling; 0 = none). */
  releaseDelayMinutes?: number | undefined;
};
