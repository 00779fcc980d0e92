import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import https from 'node:https';
import path from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';

// The Dockerfile and compose.yaml, built and started for real: two instances, PostgreSQL 17 and
// Caddy. Not part of `npm test` (it needs a Docker daemon and downloads images):
// `npm run check:docker`. Without Docker it fails, saying so: it is run only where Docker is.
const root = path.resolve(new URL('../..', import.meta.url).pathname);
const run = promisify(execFile);
const project = ['compose', '-p', 'lotse-check', '-f', 'compose.yaml', '-f', 'deploy/compose.check.yaml'];
const env = {
  ...process.env,
  POSTGRES_PASSWORD: 'check-only-password',
  SMTP_URL: 'smtp://mail:1025',
  LOTSE_SITE: 'localhost',
  LOTSE_HTTPS_PORT: process.env.LOTSE_HTTPS_PORT ?? '8443',
};
const docker = (args: string[], timeout = 600_000) => run('docker', args, { cwd: root, env, timeout, maxBuffer: 64 * 1024 * 1024 });

/** GET through Caddy; its certificate for localhost comes from its own local CA. */
function getInsecure(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

test('docker compose: the image builds, both instances become healthy, /readyz answers through the proxy', { timeout: 900_000 }, async () => {
  await docker(['info'], 30_000).catch((error: Error) => assert.fail(`Docker is not available here: ${error.message}`));
  after(() => docker([...project, 'down', '--volumes', '--remove-orphans']));
  await docker([...project, 'up', '--build', '--detach', '--wait', '--wait-timeout', '300']);

  const { stdout } = await docker([...project, 'ps', '--format', 'json']);
  const services = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { Service: string; State: string; Health: string });
  for (const name of ['postgres', 'lotse-1', 'lotse-2']) {
    const service = services.find((s) => s.Service === name);
    assert.equal(service?.Health, 'healthy', `${name}: ${JSON.stringify(service)}`);
  }
  const user = await docker([...project, 'exec', '-T', 'lotse-1', 'id', '-u']);
  assert.notEqual(user.stdout.trim(), '0', 'Lotse does not run as root');

  const ready = await getInsecure(`https://localhost:${env.LOTSE_HTTPS_PORT}/readyz`);
  assert.equal(ready.status, 200, ready.body);

  // One instance stopped: the proxy sends everything to the other.
  await docker([...project, 'stop', 'lotse-1']);
  for (let i = 0; i < 5; i++) assert.equal((await getInsecure(`https://localhost:${env.LOTSE_HTTPS_PORT}/readyz`)).status, 200);
});
