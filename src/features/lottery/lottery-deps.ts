import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { PortalDeps } from '../portal/index.ts';

/**
 * What the lottery's use cases need: the portal shell's database, clock, address and HMAC key (the
 * people's links are signed with it), and jobs for the mails.
 */
export type LotteryDeps = Pick<PortalDeps, 'db' | 'clock' | 'publicUrl' | 'key'> & { jobs: Jobs };
