import fsp from 'node:fs/promises';
import path from 'node:path';
import { after } from 'node:test';
import { serve } from '@hono/node-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createApp } from '../src/app.tsx';
import { reminderJob } from '../src/features/appointments/reminder-job.ts';
import type { PortalSettings } from '../src/features/portal/portal-settings.ts';
import { createLogger } from '../src/platform/log.ts';
import { createMailTransport, sendMailJob } from '../src/platform/mail/index.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestDatabase } from '../test/database.ts';
import { createTestJobs } from '../test/app.ts';
import { freePort } from '../test/global-setup.ts';
import { createTestOffice } from '../test/portal/office-fixture.ts';
import { temporaryFolder } from '../test/temporary-folder.ts';

/** Lotse on a real port with a fresh database, the test office, real jobs and an outbox folder. */
export async function startPortal(settings: Partial<PortalSettings> = {}) {
  const { db, url } = await createTestDatabase();
  await createTestOffice(db);
  // Monday 2026-11-23, 07:00 in Berlin.
  const clock = fixedClock('2026-11-23T06:00:00Z');
  const jobs = createTestJobs(url);
  const outboxDir = path.join(await temporaryFolder('lotse-e2e-'), 'outbox');
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  await jobs.register(
    sendMailJob(createMailTransport({ smtpUrl: undefined, from: 'Ausländerbehörde <noreply@lotse.test>', outboxDir }), 'lotse.test', {
      retryLimit: 3,
      retryDelay: 1,
      retryBackoff: false,
    }),
  );
  await jobs.register(reminderJob({ db, jobs, clock, publicUrl }));
  const app = createApp({
    db,
    jobs,
    clock,
    logger: createLogger('silent'),
    bodyLimitBytes: 1024 * 1024,
    publicUrl,
    portal: {
      powMaxNumber: 5000,
      bookingsPerIpPerHour: 1000,
      noScriptBookingsPerIpPerHour: 1000,
      bookingsPerEmailPerDay: 100,
      lookupsPerIpPerHour: 1000,
      ...settings,
    },
  });
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function mail(predicate: (mail: ParsedMail) => boolean): Promise<ParsedMail> {
    for (let i = 0; i < 200; i++) {
      for (const file of (await fsp.readdir(outboxDir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'))) {
        const parsed = await simpleParser(await fsp.readFile(path.join(outboxDir, file)));
        if (predicate(parsed)) return parsed;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no such mail in the outbox');
  }
  return { db, jobs, baseUrl: publicUrl, clock, mail };
}
