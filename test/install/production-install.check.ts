import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../global-setup.ts';

// `npm ci --omit=dev && npm start` in a copy of the project, the way an office installs Lotse.
// Not part of `npm test` (it downloads every runtime package): `npm run check:production-install`.
const root = path.resolve(new URL('../..', import.meta.url).pathname);
const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'lotse-install-'));
await fs.chmod(copy, 0o755);
after(() => fs.rm(copy, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

test('npm ci --omit=dev installs what npm start needs, and Lotse starts on Node 24 from it', { timeout: 480_000 }, async () => {
  const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root).split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(root, file);
    if (!(await fs.stat(from).catch(() => undefined))?.isFile()) continue;
    await fs.mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await fs.copyFile(from, path.join(copy, file));
  }
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], copy);
  await assert.rejects(fs.access(path.join(copy, 'node_modules', 'typescript')), 'development packages are left out');
  assert.match(run(path.join(copy, 'node_modules', '.bin', 'node'), ['--version'], copy), /^v24\./, 'the pinned Node 24 is a runtime dependency');

  const port = await freePort();
  const dataDir = path.join(copy, 'data');
  let output = '';
  const child = spawn('npm', ['start'], {
    cwd: copy,
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOTSE_DEMO: 'false',
      LOG_LEVEL: 'warn',
      LOTSE_DATA_DIR: dataDir,
      LOTSE_EMBEDDED_PG_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    for (const deadline = Date.now() + 120_000; ; ) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      if (child.exitCode !== null || Date.now() > deadline) assert.fail(`npm start did not become ready:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const page = await fetch(`http://127.0.0.1:${port}/en/services`);
    assert.equal(page.status, 200, 'a server-rendered page (.tsx) answers');
    assert.match(await page.text(), /<html lang="en"/);
    // npm does not pass SIGTERM on to its script: a service manager signals the whole process
    // group (systemd's KillMode=control-group), and Lotse then stops its embedded database itself.
    process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    for (
      const deadline = Date.now() + 30_000;
      await fs.access(path.join(dataDir, 'pg', 'postmaster.pid')).then(
        () => true,
        () => false,
      );
    ) {
      if (Date.now() > deadline) assert.fail(`the embedded database was not stopped:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
});
