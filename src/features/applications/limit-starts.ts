import { enforce, type PortalDeps } from '../portal/index.ts';

/**
 * Counts one start of an application against the client address's hourly limit, for the portal
 * and the API alike (one bucket): each start is a row, so starts are what a flood would fill the
 * table with. Past the limit: AppError 'rate_limited'.
 */
export async function limitApplicationStarts(deps: Pick<PortalDeps, 'db' | 'clock' | 'settings' | 'key'>, address: string): Promise<void> {
  await enforce(deps.db, await deps.key(), {
    bucket: 'application-start-ip',
    subject: address,
    limit: deps.settings.applicationStartsPerIpPerHour,
    windowSeconds: 3600,
    now: deps.clock.now(),
  });
}
