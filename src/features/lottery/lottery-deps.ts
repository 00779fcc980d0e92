import type { Database } from '../../db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Clock } from '../../shared/clock.ts';

/** What the lottery's use cases need: the database, the office clock, jobs for its mails, and the portal's address for links. */
export type LotteryDeps = {
  db: Database;
  clock: Clock;
  jobs: Jobs;
  publicUrl: string;
  /** The portal's HMAC key (portal-secret.ts): the people's links are signed with it. */
  key(): Promise<string>;
};
