import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fakeTimeLibrary } from './faketime.ts';

/**
 * The date-sensitive tests once more with the machine's clock a year ahead, for Node and for the
 * PostgreSQL it starts (libfaketime, Debian package `faketime`). A test or query that reads the
 * real date instead of the injected Clock passes today and fails here (issue 11: the suite broke
 * on 2026-12-03 because a query used the database's now()).
 */
const root = path.resolve(import.meta.dirname, '..');
const library = fakeTimeLibrary;

// Chosen for what depends on the day: bookable windows, caches cut by the clock, retention,
// check-in windows and queues, sessions and lockouts, calendars, proof-of-work expiry.
const dateSensitive = [
  'test/year-ahead-probe.ts',
  'src/features/appointments/book-appointment.test.ts',
  'src/features/appointments/availability.test.ts',
  'test/bookings-cache.test.ts',
  'test/schedule-cache.test.ts',
  'src/features/retention/erase-expired-personal-data.test.ts',
  'src/features/front-desk/check-in.test.ts',
  'src/features/front-desk/front-desk-pages.test.ts',
  'src/features/staff/sign-in.test.ts',
  'src/features/appointments/staff/calendar.test.ts',
  'src/features/staff/hours/absence-impact.test.ts',
  'test/portal/booking-flow.test.ts',
  'test/portal/api-guard.test.ts',
];

test('the date-sensitive tests pass with the clock of Node and PostgreSQL a year ahead', { timeout: 600_000 }, async () => {
  assert.ok(library, 'libfaketime is missing (apt-get install -y faketime): the year-ahead run of the date-sensitive tests cannot run.');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LD_PRELOAD: library,
    FAKETIME: '+365d',
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    LOTSE_REAL_NOW: String(Date.now()),
  };
  // The child starts its own PostgreSQL under the shifted clock: never the parent's server.
  for (const name of ['NODE_TEST_CONTEXT', 'TEST_DATABASE_URL', 'LOTSE_TEST_SERVER_URL', 'LOTSE_TEST_TEMPLATE', 'NODE_OPTIONS']) delete env[name];
  const args = ['--import', 'tsx', '--test', '--test-reporter=dot', '--test-global-setup=test/global-setup.ts', '--test-concurrency=2', ...dateSensitive];
  // A run normally takes under a minute; one that hangs (seen once under a heavily loaded machine)
  // is killed and tried once more, so a stall cannot hold the suite for its whole timeout.
  let code: number | null = null;
  let output = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    if (code !== null) break;
    console.log(`year-ahead run ${attempt} hung and was killed; output so far:\n${output.slice(-2_000)}`);
  }
  assert.equal(code, 0, `the date-sensitive tests failed a year ahead:\n${output.slice(-20_000)}`);
});
