import { jobType, noPayload, type JobDefinition, type Jobs } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import { drawDueLotteries } from './draw-due.ts';
import { eraseOldEntries } from './erase-old-entries.ts';
import { expireHolds } from './expire-holds.ts';
import type { LotteryDeps } from './lottery-deps.ts';

export const lotteryJobType = jobType('lottery.tick', noPayload);
/** Every minute: a window's draw happens within a minute of its end (the engine waits 5 before releasing what is left). */
export const lotterySchedule = '* * * * *';

export function lotteryJob(deps: LotteryDeps & { logger: Logger; retentionDays: number }): JobDefinition<object> {
  return {
    type: lotteryJobType,
    options: { retryLimit: 3, retryDelay: 10, expireInSeconds: 300 },
    async handle() {
      const draws = await drawDueLotteries(deps);
      const expired = await expireHolds(deps);
      await eraseOldEntries(deps, deps.retentionDays);
      // Figures only, never who entered or won.
      if (draws.length > 0 || expired > 0) deps.logger.info({ lottery: { draws: draws.length, expiredHolds: expired } }, 'lottery draws and holds');
    },
  };
}

/** The schedule first, then the worker: pg-boss sends each minute's run once, however many instances run. */
export async function startLotteryJob(jobs: Jobs, deps: Parameters<typeof lotteryJob>[0], timeZone: string): Promise<void> {
  await jobs.schedule(lotteryJobType, lotterySchedule, { tz: timeZone });
  await jobs.register(lotteryJob(deps));
}
