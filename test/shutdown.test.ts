import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { PgBoss } from 'pg-boss';
import { sendMailJobName } from '../src/platform/mail/index.ts';
import { createTestDatabase } from './database.ts';
import { createFrontOffice, deviceToken } from './front-desk-fixtures.ts';
import { freePort } from './global-setup.ts';
import { startLotse, waitUntilReady, withTimeout } from './lotse-process.ts';
import { openEventStream } from './sse-client.ts';
import { temporaryFolder } from './temporary-folder.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('SIGTERM under load: /readyz turns 503, every request still gets its answer, an open display stream ends at once', { timeout: 120_000 }, async () => {
  const { db, url } = await createTestDatabase({ poolSize: 2 });
  const office = await createFrontOffice(db);
  const displayToken = await deviceToken(db, 'display', office.location.id);
  const port = await freePort();
  const graceMs = 20_000;
  const running = startLotse({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    LOTSE_SHUTDOWN_GRACE_MS: String(graceMs),
    LOTSE_SHUTDOWN_DRAIN_MS: '1500',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(port, running);
    const display = openEventStream(`${base}/display/${office.location.slug}/events`, { authorization: `Bearer ${displayToken}` });
    await display.opened;

    // Like a load balancer: clients keep sending until the health check says the instance is leaving.
    let stopSending = false;
    let sawDraining = false;
    let connectionHeader: string | null = null;
    let answered = 0;
    const failures: string[] = [];
    const deadline = Date.now() + 30_000;
    const client = async (path: string) => {
      while (!stopSending && answered + failures.length < 5_000 && Date.now() < deadline) {
        try {
          const response = await fetch(`${base}${path}`);
          await response.arrayBuffer();
          if (response.status >= 500) failures.push(`${path}: ${response.status}`);
          else answered++;
        } catch (error) {
          failures.push(`${path}: ${((error as Error).cause as { code?: string } | undefined)?.code ?? (error as Error).message}`);
        }
      }
    };
    const healthCheck = async () => {
      while (!stopSending && Date.now() < deadline) {
        try {
          const response = await fetch(`${base}/readyz`);
          const body = (await response.json()) as { status: string };
          if (response.status === 503) {
            sawDraining = body.status === 'draining';
            connectionHeader = response.headers.get('connection');
            stopSending = true;
          }
        } catch (error) {
          failures.push(`/readyz: ${((error as Error).cause as { code?: string } | undefined)?.code ?? (error as Error).message}`);
          stopSending = true;
        }
        await sleep(50);
      }
    };
    const load = Promise.all([healthCheck(), ...Array.from({ length: 8 }, (_, i) => client(i % 2 ? '/healthz' : '/'))]);
    // Under way first (the machine may be slow): then the signal arrives amid the requests.
    for (const until = Date.now() + 15_000; answered < 20 && Date.now() < until; ) await sleep(20);
    const before = answered;
    const sigtermAt = performance.now();
    running.child.kill('SIGTERM');
    await load;

    assert.ok(before >= 20, `requests were answered before the signal (${before})`);
    assert.equal(sawDraining, true, '/readyz answered 503 "draining" while the instance drained');
    assert.equal(connectionHeader, 'close', 'a draining instance keeps no connection alive');
    assert.deepEqual(failures, [], 'no request was refused or reset');
    const code = await withTimeout(running.exited, graceMs / 2, 'shutdown');
    assert.equal(code, 0, running.output());
    const exitedAfter = performance.now() - sigtermAt;
    const streamEndedAfter = (await withTimeout(display.ended, 1_000, 'end of the display stream')) - sigtermAt;
    assert.ok(streamEndedAfter < 4_000, `the display stream ended ${Math.round(streamEndedAfter)} ms after SIGTERM`);
    assert.ok(exitedAfter < graceMs / 3, `shutdown took ${Math.round(exitedAfter)} ms, well under the grace period`);
  } finally {
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
  }
});

test('kill -9 while mails are being sent: after a restart they go out within a minute, each once', { timeout: 150_000 }, async () => {
  const { db, url } = await createTestDatabase({ poolSize: 2 });
  // An SMTP server that accepts and never answers: the mails stay "being sent" until the crash.
  const stalled = new Set<net.Socket>();
  const smtp = net.createServer((socket) => stalled.add(socket.on('error', () => {})));
  const smtpPort = await new Promise<number>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve((smtp.address() as net.AddressInfo).port)));
  after(() => {
    for (const socket of stalled) socket.destroy();
    smtp.close();
  });
  const port = await freePort();
  const env = { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url };
  const first = startLotse({ ...env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  try {
    await waitUntilReady(port, first);
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 1, supervise: false, schedule: false });
    await boss.start();
    const count = 12;
    for (let i = 0; i < count; i++) {
      await boss.send(sendMailJobName, { to: `person-${i}@example.org`, subject: `Terminbestätigung ${i}`, text: 'Ihr Termin', language: 'de' });
    }
    await boss.stop({ graceful: false });
    const active = async () =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job WHERE name = ${sendMailJobName} AND state = 'active'`.execute(db)).rows[0]!.n);
    for (const deadline = Date.now() + 20_000; (await active()) < count && Date.now() < deadline; ) await sleep(100);
    assert.equal(await active(), count, 'every mail was being sent when the process died');
  } finally {
    first.child.kill('SIGKILL');
    await first.exited;
  }

  const outbox = path.join(await temporaryFolder('lotse-crash-outbox-'), 'outbox');
  const restartedAt = performance.now();
  const second = startLotse({ ...env, LOTSE_OUTBOX_DIR: outbox });
  const sent = async () => (await fs.readdir(outbox).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
  try {
    await waitUntilReady(port, second);
    for (const deadline = restartedAt + 90_000; (await sent()).length < 12 && performance.now() < deadline; ) await sleep(250);
    const deliveredAfter = performance.now() - restartedAt;
    assert.equal((await sent()).length, 12, `all mails delivered after the restart (${Math.round(deliveredAfter)} ms)`);
    assert.ok(deliveredAfter < 60_000, `delivered ${Math.round(deliveredAfter)} ms after the restart`);
    await sleep(1_000);
    assert.equal((await sent()).length, 12, 'each mail once');
  } finally {
    second.child.kill('SIGTERM');
    await withTimeout(second.exited, 20_000, 'shutdown');
  }
});
