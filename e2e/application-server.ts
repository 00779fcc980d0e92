import { after } from 'node:test';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.tsx';
import { createLogger } from '../src/platform/log.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestJobs } from '../test/app.ts';
import { createApplicationOffice } from '../test/application-fixtures.ts';
import { createTestDatabase } from '../test/database.ts';
import { freePort } from '../test/global-setup.ts';

/** Lotse with the demo application forms and a document store on a real port, for the browser journeys of online applications. */
export async function startApplicationServer() {
  const { db, url } = await createTestDatabase();
  const clock = fixedClock('2026-11-23T08:00:00Z');
  const office = await createApplicationOffice(db, clock);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = createApp({
    db,
    jobs: createTestJobs(url),
    clock,
    logger: createLogger('silent'),
    bodyLimitBytes: 1024 * 1024,
    publicUrl: baseUrl,
    blobs: office.blobs,
  });
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { db, clock, office, baseUrl };
}
