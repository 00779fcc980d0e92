import type { Database } from '../../db/database.ts';
import type { Clock } from '../../shared/clock.ts';
import type { PortalSettings } from './portal-settings.ts';

/** What the portal shell gives every domain's portal pages. */
export type PortalDeps = {
  db: Database;
  clock: Clock;
  publicUrl: string;
  settings: PortalSettings;
  /** The HMAC key for challenges, cookies and rate-limit keys (see portal-secret.ts). */
  key(): Promise<string>;
};
