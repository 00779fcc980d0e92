import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after } from 'node:test';
import { temporaryFolder } from './temporary-folder.ts';

/** The EICAR test file: every virus scanner's harmless "virus" (68 bytes). */
export const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

const clamdBinary = ['/usr/sbin/clamd', '/usr/bin/clamd', '/usr/local/sbin/clamd'].find((file) => fs.existsSync(file));

/**
 * Why the clamd tests cannot run here, or undefined when they can. In CI (CI=true) a missing clamd
 * is a failure of the machine's set-up (.ci/run installs clamav-daemon), never a silent skip.
 */
export function clamdMissing(): string | undefined {
  if (clamdBinary) return undefined;
  if (process.env.CI === 'true') throw new Error('CI=true but clamd is not installed (apt-get install clamav-daemon): the virus scan tests must run.');
  return 'clamd is not installed (apt-get install clamav-daemon); the virus scan tests are skipped';
}

/**
 * A real clamd on a unix socket in a temporary folder, with a database of one signature of ours
 * (the EICAR string, as a body signature: freshclam needs the network, the test does not).
 * Stopped when the test file ends.
 */
export async function startClamd(): Promise<{ socket: string }> {
  if (!clamdBinary) throw new Error(clamdMissing());
  const folder = await temporaryFolder('lotse-clamd-');
  const database = path.join(folder, 'db');
  fs.mkdirSync(database);
  fs.writeFileSync(path.join(database, 'lotse-test.ndb'), `Lotse.Test.EICAR:0:*:${Buffer.from('EICAR-STANDARD-ANTIVIRUS-TEST-FILE').toString('hex')}\n`);
  const socket = path.join(folder, 'clamd.sock');
  const config = path.join(folder, 'clamd.conf');
  fs.writeFileSync(
    config,
    [
      'Foreground yes',
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${database}`,
      `TemporaryDirectory ${folder}`,
      'StreamMaxLength 100M',
      'MaxThreads 2',
      'SelfCheck 0',
      '',
    ].join('\n'),
  );
  let output = '';
  const child = spawn(clamdBinary, ['--config-file', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  after(async () => {
    child.kill('SIGTERM');
    await exited;
  });
  for (let i = 0; ; i++) {
    if (await answersPing(socket)) return { socket };
    if (child.exitCode !== null || i > 300) throw new Error(`clamd did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function answersPing(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = net.createConnection({ path: socket });
    let reply = '';
    connection.on('data', (data) => (reply += data.toString()));
    connection.on('error', () => resolve(false));
    connection.on('close', () => resolve(reply.startsWith('PONG')));
    connection.on('connect', () => connection.end('zPING\0'));
  });
}
