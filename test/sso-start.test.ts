import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from './database.ts';
import { freePort } from './global-setup.ts';
import { startLotse, waitUntilReady, withTimeout, type Running } from './lotse-process.ts';
import { startTestProvider } from './oidc-provider.ts';

// Lotse as a real process with wrong single sign-on settings: it starts, says which is wrong, and passwords still work.
const { url } = await createTestDatabase();
const secret = 'wrong-secret-that-must-never-be-logged';

function ssoEnv(port: number, issuer: string) {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: url,
    LOG_LEVEL: 'info',
    LOTSE_SHUTDOWN_DRAIN_MS: '0',
    LOTSE_OIDC_ISSUER: issuer,
    LOTSE_OIDC_CLIENT_ID: 'lotse',
    LOTSE_OIDC_CLIENT_SECRET: secret,
    LOTSE_OIDC_GROUP_MAP: '{"lotse-clerks": {"role": "clerk"}}',
  };
}

async function untilLogged(running: Running, pattern: RegExp): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline && !pattern.test(running.output()); )
    await new Promise((resolve) => setTimeout(resolve, 100));
  assert.match(running.output(), pattern);
}

async function stop(running: Running): Promise<void> {
  running.child.kill('SIGTERM');
  await withTimeout(running.exited, 30_000, 'stopping Lotse');
}

test('an unreachable issuer: Lotse starts, logs which, and the sign-in page still serves passwords', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${await freePort()}`;
  const running = startLotse(ssoEnv(port, issuer));
  try {
    await waitUntilReady(port, running);
    await untilLogged(running, /identity provider not reachable/);
    const page = await fetch(`http://127.0.0.1:${port}/staff/sign-in`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Mit dem Dienstkonto anmelden/);
    assert.match(html, /name="password"/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/staff/sso/start`, { redirect: 'manual' })).status, 503);
    assert.equal(running.child.exitCode, null, 'still running');
  } finally {
    await stop(running);
  }
  assert.ok(!running.output().includes(secret), 'the secret is in no log line');
});

test('a wrong client secret: Lotse starts and logs that the provider refuses it', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const idp = await startTestProvider({ lotseUrl: `http://127.0.0.1:${port}` });
  const running = startLotse(ssoEnv(port, idp.issuer));
  try {
    await waitUntilReady(port, running);
    await untilLogged(running, /refuses the client id or secret/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/staff/sign-in`)).status, 200);
  } finally {
    await stop(running);
  }
  assert.ok(!running.output().includes(secret), 'the secret is in no log line');
});
