import { jobType, noPayload, type JobDefinition, type Jobs } from '../../platform/jobs/jobs.ts';
import type { Logger } from '../../platform/log.ts';
import type { InvitationDeps } from './invitation-deps.ts';
import { remindAndRelease } from './remind-and-release.ts';
import { runInvitations } from './run-invitations.ts';

export const invitationJobType = jobType('invitations.daily', noPayload);
/** Early each morning, before the office opens: the day's releases happen before anyone books. */
export const invitationSchedule = '15 5 * * *';

/** Registers the daily run (new invitations, then reminders and releases of the open ones) and its schedule. */
export async function startInvitationJob(jobs: Jobs, deps: InvitationDeps & { logger: Logger }): Promise<void> {
  const daily: JobDefinition<object> = {
    type: invitationJobType,
    // A large run with its letters takes under a minute (bench/invitations.bench.ts); rerunning is harmless.
    options: { retryLimit: 3, retryDelay: 300, expireInSeconds: 1800 },
    handle: async () => {
      const { invited, notInvited } = await runInvitations(deps, { trigger: 'daily', staffId: null });
      // Counts only, never who.
      deps.logger.info({ invited, notInvited, ...(await remindAndRelease(deps)) }, 'invitation run');
    },
  };
  await jobs.register(daily);
  await jobs.schedule(invitationJobType, invitationSchedule, { tz: deps.timeZone });
}
