import type { Database } from '../../db/database.ts';
import { jobType, noPayload, type JobDefinition, type Jobs } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { Clock } from '../../shared/clock.ts';
import { eraseExpiredMessages } from '../messages/index.ts';
import { eraseExpiredPersonalData } from './erase-expired-personal-data.ts';

export const retentionJobType = jobType('retention.erase-personal-data', noPayload);
export const retentionJobName = retentionJobType.name;
/** Hourly, so data goes within an hour of its date; a run with nothing due costs one index probe per table. */
export const retentionSchedule = '17 * * * *';

export function retentionJob(deps: { db: Database; clock: Clock; logger: Logger; retentionDays: number; messageRetentionDays: number }): JobDefinition<object> {
  return {
    type: retentionJobType,
    // A large first backlog may take a while; an expired run is simply run again (it is idempotent).
    options: { retryLimit: 3, retryDelay: 300, expireInSeconds: 3600 },
    async handle() {
      const run = await eraseExpiredPersonalData(deps, { retentionDays: deps.retentionDays });
      const messages = await eraseExpiredMessages(deps, { retentionDays: deps.messageRetentionDays });
      // Counts only: never what was erased.
      if (run.appointments + run.tickets + run.transferNotes + messages > 0)
        deps.logger.info({ retention: { ...run, messages } }, 'personal data erased after the retention period');
    },
  };
}

/** Registers the worker and the hourly schedule (in the office's zone). */
export async function startRetentionJob(jobs: Jobs, deps: Parameters<typeof retentionJob>[0] & { timeZone: string }): Promise<void> {
  await jobs.register(retentionJob(deps));
  await jobs.schedule(retentionJobType, retentionSchedule, { tz: deps.timeZone });
}
