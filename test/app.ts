import { createApp } from '../src/app.tsx';
import type { Database } from '../src/db/database.ts';
import { createLogger } from '../src/platform/log.ts';
import { fixedClock, systemClock, type Clock } from '../src/shared/clock.ts';

/** The real application on a test database, for app.request() tests. */
export function createTestApp(db: Database, options: { clock?: Clock; bodyLimitBytes?: number } = {}) {
  return createApp({
    db,
    logger: createLogger('silent'),
    clock: options.clock ?? systemClock,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    publicUrl: 'http://localhost:3000',
  });
}

export { fixedClock };

export async function json(response: Response): Promise<any> {
  return JSON.parse(await response.text());
}
