import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { seedDemoStaff } from '../src/demo/seed-demo-staff.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestDatabase } from './database.ts';
import { freePort } from './global-setup.ts';
import { withTimeout } from './lotse-process.ts';

// Lotse started as a real process with NODE_ENV=production, the way an office's service manager would.
const mainScript = new URL('../src/main.ts', import.meta.url).pathname;

function startLotse(env: Record<string, string>) {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

test('NODE_ENV=production without a real install’s settings exits, naming each of them', { timeout: 90_000 }, async () => {
  const running = startLotse({ NODE_ENV: 'production', PORT: String(await freePort()) });
  assert.equal(await withTimeout(running.exited, 60_000, 'the refused start'), 2);
  const output = running.output();
  for (const setting of ['LOTSE_DEMO', 'PUBLIC_URL', 'DATABASE_URL', 'SMTP_URL']) assert.match(output, new RegExp(`${setting}: must`), output);
  assert.match(output, /NODE_ENV=production needs these settings/);
});

test('NODE_ENV=production refuses a database that still holds the demo sign-ins, and starts once they are off', { timeout: 120_000 }, async () => {
  const database = await createTestDatabase({ poolSize: 1 });
  await seedDemoStaff({ db: database.db, clock: fixedClock('2026-12-01T09:00:00Z') });
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    LOTSE_DEMO: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: 'https://termine.example.org',
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
  };
  const refused = startLotse(env);
  assert.equal(await withTimeout(refused.exited, 60_000, 'the refused start'), 1);
  assert.match(refused.output(), /demo sign-ins \(demo\.admin, demo\.empfang, demo\.teamlead\)/, refused.output());

  await database.db.updateTable('staff').set({ active: false }).where('username', 'like', 'demo.%').execute();
  const started = startLotse(env);
  try {
    for (const deadline = Date.now() + 60_000; ; ) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      if (started.child.exitCode !== null || Date.now() > deadline) assert.fail(`Lotse did not start:\n${started.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    started.child.kill('SIGTERM');
    await withTimeout(started.exited, 60_000, 'shutdown');
  }
});
