import { after } from 'node:test';
import { createApp } from '../src/app.tsx';
import type { Database } from '../src/db/database.ts';
import { createLiveEvents, noLiveEvents, type LiveEvents } from '../src/platform/events/live-events.ts';
import { createJobs, type Jobs } from '../src/platform/jobs/jobs.ts';
import { createLogger } from '../src/platform/log.ts';
import { fixedClock, type Clock } from '../src/shared/clock.ts';
import { defaultPortalSettings, type PortalSettings } from '../src/features/portal/portal-settings.ts';
import { waitingListWatcher } from '../src/features/waiting-list/index.ts';
import type { AppointmentNotices, AppointmentNotifier } from '../src/features/appointments/index.ts';
import { createPortalNotices } from '../src/features/appointments/mail-notifier.ts';
import type { BlobStore } from '../src/platform/storage/blob-store.ts';
import type { VirusScanner } from '../src/platform/virus-scan/clamd.ts';
import type { SsoClient, StaffAuthSettings } from '../src/features/staff/index.ts';
import type { Locker } from '@tus/server';

/** Real pg-boss on a test database, stopped when the test file ends. */
export function createTestJobs(url: string, beforeStop: () => Promise<void> = async () => {}): Jobs {
  const jobs = createJobs({ connectionString: url, logger: createLogger('silent'), poolSize: 2 });
  after(async () => {
    await beforeStop();
    await jobs.stop();
  });
  return jobs;
}

/** The real application on a test database, for app.request() tests. */
export function createTestApp(
  db: Database,
  options: {
    url?: string;
    jobs?: Jobs;
    clock?: Clock;
    bodyLimitBytes?: number;
    portal?: Partial<PortalSettings>;
    liveEvents?: LiveEvents;
    publicUrl?: string;
    notifier?: AppointmentNotifier;
    trustedProxies?: string[];
    sso?: SsoClient;
    blobs?: BlobStore;
    uploadMaxBytes?: number;
    virusScanner?: VirusScanner;
    staffAuth?: Partial<StaffAuthSettings>;
    uploadLocker?: Locker;
  } = {},
) {
  // Notices are delivered in the background after each change: the test waits for that before
  // its job system stops.
  let notices: AppointmentNotices | undefined;
  // Tests never stand on the real day: without a clock of their own, a fixed Monday morning.
  const clock = options.clock ?? fixedClock('2026-11-23T07:00:00Z');
  const jobs = options.jobs ?? (options.url ? createTestJobs(options.url, async () => notices?.idle()) : unavailableJobs);
  const liveEvents = options.liveEvents ?? (options.url ? createTestLiveEvents(options.url) : noLiveEvents);
  const logger = createLogger('silent');
  notices = createPortalNotices({
    db,
    jobs,
    clock,
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
    hmacKey: options.portal?.hmacKey,
    logger,
    deliverer: options.notifier,
    watchers: [
      waitingListWatcher({ jobs, settings: { releaseDelayMinutes: options.portal?.releaseDelayMinutes ?? defaultPortalSettings.releaseDelayMinutes } }),
    ],
  });
  const app = createApp({
    db,
    jobs,
    logger,
    clock,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
    portal: options.portal,
    liveEvents,
    notices,
    trustedProxies: options.trustedProxies,
    sso: options.sso,
    blobs: options.blobs,
    uploadMaxBytes: options.uploadMaxBytes,
    virusScanner: options.virusScanner,
    uploadLocker: options.uploadLocker,
    staffAuth: options.staffAuth,
  });
  // Any app's delivery takes every due notice: a test of another app's notices waits for this one's first.
  return Object.assign(app, { noticesIdle: () => notices.idle() });
}

/** A real LISTEN connection on a test database, closed when the test file ends. */
export function createTestLiveEvents(url: string): LiveEvents {
  const liveEvents = createLiveEvents({ connectionString: url, logger: createLogger('silent'), reconnectDelayMs: 100 });
  after(() => liveEvents.stop());
  return liveEvents;
}

// Tests that never queue a job need no job system; one that does passes `url` or `jobs`.
const unavailableJobs: Jobs = {
  send: () => Promise.reject(new Error('This test app has no job system: pass { url } or { jobs } to createTestApp.')),
  register: () => Promise.reject(new Error('This test app has no job system.')),
  schedule: () => Promise.reject(new Error('This test app has no job system.')),
  batched: () => Promise.reject(new Error('This test app has no job system.')),
  stop: () => Promise.resolve(),
};

export { fixedClock };

export async function json(response: Response): Promise<any> {
  return JSON.parse(await response.text());
}
