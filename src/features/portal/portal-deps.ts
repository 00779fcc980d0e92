import type { Database } from '../../db/database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Clock } from '../../shared/clock.ts';
import type { PortalEngine } from './portal-engine.ts';
import type { PortalSettings } from './portal-settings.ts';

export type PortalDeps = {
  db: Database;
  jobs: Jobs;
  clock: Clock;
  publicUrl: string;
  settings: PortalSettings;
  engine: PortalEngine;
  /** The HMAC key for challenges, cookies and rate-limit keys (see portal-secret.ts). */
  key(): Promise<string>;
};
