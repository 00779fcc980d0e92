import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../src/app.tsx';
import { createLogger } from '../src/platform/log.ts';
import { jobType, noPayload } from '../src/platform/jobs/jobs.ts';
import { createMailTransport, enqueueMail, sendMailJob } from '../src/platform/mail/index.ts';
import { registry } from '../src/platform/metrics/metrics.ts';
import { setMetricsSources } from '../src/platform/metrics/scrape-gauges.ts';
import { createTestApp, createTestJobs, createTestLiveEvents, fixedClock, json } from './app.ts';
import { createTestDatabase } from './database.ts';
import { freePort } from './global-setup.ts';
import { createFrontOffice, deviceToken } from './front-desk-fixtures.ts';
import { createClerk, createOffice, createService, person } from './office-factory.ts';
import { openEventStream } from './sse-client.ts';
import { until } from './until.ts';

const { db, url, pool } = await createTestDatabase({ poolSize: 4 });
const clock = fixedClock('2026-12-01T06:00:00Z');
const office = await createOffice(db);
const serviceId = await createService(db, office);
await createClerk(db, office, { starts: '08:00', ends: '09:00' });

/** Every label value in a Prometheus text exposition. */
function labelValues(text: string): string[] {
  return [...text.matchAll(/^[a-z_]+\{(.*)\} /gm)].flatMap((line) => [...line[1]!.matchAll(/[a-z_]+="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!));
}

function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(' ').pop()) : undefined;
}

test('bookings, refusals, availability and requests are counted, and no label holds an id, an e-mail or a path', async () => {
  const sut = createTestApp(db, { url, clock });
  const jobs = createTestJobs(url);
  setMetricsSources({ pool, jobs, embeddedDatabase: false });
  const before = await registry.metrics();
  const booked = (channelOutcome: string, text: string) => sample(text, 'lotse_bookings_total', { channel: 'online', outcome: channelOutcome }) ?? 0;

  const someone = person();
  const body = { serviceId, locationId: office.locationId, start: '2026-12-02T08:00:00+01:00', person: someone };
  const post = () => sut.request('/api/v1/appointments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const first = await post();
  assert.equal(first.status, 201);
  const { appointment, manageSecret } = await json(first);
  assert.equal((await post()).status, 409, 'the same person again is refused');
  const availability = await sut.request(`/api/v1/availability?service=${serviceId}&location=${office.locationId}&from=2026-12-02&to=2026-12-03`);
  assert.equal(availability.status, 200);
  const opened = await sut.request(`/api/v1/appointments/${appointment.code}`, { headers: { 'x-manage-secret': manageSecret } });
  assert.equal(opened.status, 200);
  await sut.request(`/no/such/page/${encodeURIComponent(someone.email)}`);
  assert.equal((await sut.request('/healthz')).status, 200);
  assert.equal((await sut.request('/readyz')).status, 200);

  const text = await registry.metrics();
  assert.equal(booked('booked', text) - booked('booked', before), 1);
  const refusals = text.split('\n').filter((l) => l.startsWith('lotse_bookings_total{') && !/outcome="(booked|replayed)"/.test(l));
  assert.ok(
    refusals.some((l) => /channel="online"/.test(l) && Number(l.split(' ').pop()) >= 1),
    `a refusal by its code:\n${refusals.join('\n')}`,
  );
  assert.match(text, /^lotse_availability_computations_total [1-9]/m);
  assert.equal(sample(text, 'lotse_http_requests_total', { method: 'GET', route: '/api/v1/appointments/:code', status: '200' }), 1);
  assert.ok(sample(text, 'lotse_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/appointments' })! >= 2);
  // Health checks under their own patterns, not under the `/*` of middleware mounted after them.
  assert.equal(sample(text, 'lotse_http_requests_total', { method: 'GET', route: '/healthz', status: '200' }), 1);
  assert.equal(sample(text, 'lotse_http_requests_total', { method: 'GET', route: '/readyz', status: '200' }), 1);
  assert.equal(sample(text, 'lotse_db_pool_connections', { state: 'total' }) !== undefined, true);
  assert.match(text, /^lotse_database_embedded 0$/m);

  const values = labelValues(text);
  assert.ok(values.length > 20, 'labels were read');
  const forbidden = [appointment.code, appointment.id, serviceId, office.locationId, someone.email, someone.name, 'no/such/page'];
  for (const value of values) {
    assert.ok(!value.includes('@'), `an e-mail address in a label: ${value}`);
    assert.ok(!/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(value), `an id in a label: ${value}`);
    for (const secret of forbidden) assert.ok(!value.includes(secret), `"${secret}" in a label: ${value}`);
  }
});

test('the gauge of open event streams goes up when a display connects and down when it leaves', { timeout: 30_000 }, async () => {
  const liveEvents = createTestLiveEvents(url);
  const app = createTestApp(db, { url, clock, liveEvents });
  const port = await freePort();
  // A real HTTP server: the streams are written straight to Node's response, as in production.
  const server: ServerType = await new Promise((resolve) => {
    const running = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(running));
  });
  after(async () => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const frontOffice = await createFrontOffice(db);
  const auth = { authorization: `Bearer ${await deviceToken(db, 'display', frontOffice.location.id)}` };
  const displayUrl = `http://127.0.0.1:${port}/display/${frontOffice.location.slug}/events`;
  const open = async () => Number(/^lotse_sse_connections (\d+)$/m.exec(await registry.metrics())?.[1]);

  const before = await open();
  const first = openEventStream(displayUrl, auth);
  await first.opened;
  assert.equal(await open(), before + 1, 'a display connected');
  const second = openEventStream(displayUrl, auth);
  await second.opened;
  assert.equal(await open(), before + 2, 'another one');
  first.close();
  await until('the first display is counted out', async () => (await open()) === before + 1, { timeoutMs: 5_000 });
  second.close();
  await until('the second display is counted out', async () => (await open()) === before, { timeoutMs: 5_000 });
});

test('without LOTSE_METRICS_TOKEN there is no /metrics', async () => {
  const app = createApp({ db, jobs: createTestJobs(url), logger: createLogger('silent'), clock, bodyLimitBytes: 4096, publicUrl: 'http://localhost:3000' });
  assert.equal((await app.request('/metrics')).status, 404);
});

test('a running Lotse answers /metrics only with its token', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const token = 'metrics-token-for-the-test-0123456789abcdef';
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('../src/main.ts', import.meta.url).pathname], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      LOTSE_DEMO: 'false',
      LOG_LEVEL: 'warn',
      LOTSE_METRICS_TOKEN: token,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (const deadline = Date.now() + 60_000; ; ) {
      if (
        (await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.status,
          () => 0,
        )) === 200
      )
        break;
      if (child.exitCode !== null || Date.now() > deadline) assert.fail(`Lotse did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal((await fetch(`http://127.0.0.1:${port}/api/v1/locations`)).status, 200);
    const metrics = `http://127.0.0.1:${port}/metrics`;
    assert.equal((await fetch(metrics)).status, 401);
    assert.equal((await fetch(metrics, { headers: { authorization: 'Bearer not-the-token' } })).status, 401);
    const scraped = await fetch(metrics, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(scraped.status, 200);
    assert.match(scraped.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();
    assert.match(text, /^lotse_database_embedded 0$/m, 'the instance says it uses DATABASE_URL');
    assert.match(text, /^lotse_db_pool_connections\{state="total"\} \d+$/m);
    assert.match(text, /^lotse_http_requests_total\{method="GET",route="\/api\/v1\/locations",status="200"\} \d+$/m);
    assert.match(text, /^lotse_http_requests_total\{method="GET",route="\/readyz",status="200"\} \d+$/m);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});

test('the Grafana dashboard in docs/ asks only for metrics Lotse has', async () => {
  const dashboard = JSON.parse(await readFile(new URL('../docs/grafana-dashboard.json', import.meta.url), 'utf8')) as {
    panels: { targets: { expr: string }[] }[];
  };
  const exposed = new Set([...(await registry.metrics()).matchAll(/^# TYPE (\S+) (\w+)$/gm)].map((m) => m[1]!));
  const asked = dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => [...target.expr.matchAll(/lotse_[a-z0-9_]+/g)].map((m) => m[0])));
  assert.ok(asked.length >= 10);
  for (const name of asked) assert.ok(exposed.has(name) || exposed.has(name.replace(/_(bucket|sum|count)$/, '')), `the dashboard asks for ${name}`);
});

test('mails sent and failed jobs are counted per queue, from real pg-boss workers', { timeout: 60_000 }, async () => {
  const outboxDir = await mkdtemp(path.join(os.tmpdir(), 'lotse-metrics-outbox-'));
  const jobs = createTestJobs(url);
  await jobs.register(sendMailJob(createMailTransport({ smtpUrl: undefined, from: 'Lotse <noreply@lotse.localhost>', outboxDir }), 'lotse.localhost'));
  const alwaysFails = jobType('metrics.test.always-fails', noPayload);
  await jobs.register({ type: alwaysFails, options: { retryLimit: 0 }, handle: async () => Promise.reject(new Error('no')) });
  const before = await registry.metrics();
  const mails = (text: string) => Number(/^lotse_mails_sent_total (\d+)$/m.exec(text)?.[1] ?? 0);
  const failures = (text: string) => sample(text, 'lotse_job_failures_total', { queue: 'metrics.test.always-fails' }) ?? 0;
  await enqueueMail(jobs, { to: 'someone@example.org', subject: 'Termin', text: 'Hallo', language: 'de' });
  await jobs.send(alwaysFails, {});
  for (const deadline = Date.now() + 30_000; ; ) {
    const now = await registry.metrics();
    // The booking of the first test queued mails too: every mail written to the outbox is counted once.
    const written = (await readdir(outboxDir, { recursive: true })).filter((name) => name.endsWith('.eml')).length;
    if (written >= 1 && mails(now) - mails(before) === written && failures(now) - failures(before) === 1) break;
    if (Date.now() > deadline)
      assert.fail(
        `not counted:\n${now
          .split('\n')
          .filter((l) => /mails_sent|job_failures/.test(l))
          .join('\n')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await rm(outboxDir, { recursive: true, force: true });
});
