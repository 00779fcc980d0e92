import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs the database tests once more against the distribution's own PostgreSQL with its stock
 * settings (jit=on and all), as offices run it: a throwaway cluster made with that version's
 * initdb in a temporary folder, on a free port, removed afterwards. Browser tests and the tests of
 * the embedded server's start-up are left out (they do not use this server). Fails, never skips,
 * when the server is not installed.
 */
function findBinaries(): string | undefined {
  const configured = process.env.LOTSE_STOCK_PG_BIN;
  if (configured) return configured;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.map((v) => path.join(root, v, 'bin')).find((bin) => fs.existsSync(path.join(bin, 'initdb')));
}

const bin = findBinaries();
if (!bin) {
  process.stderr.write('No stock PostgreSQL found (/usr/lib/postgresql/<version>/bin). Install it: apt-get install -y postgresql\n');
  process.exit(1);
}

// initdb refuses to run as root: then the cluster belongs to the postgres user.
const asRoot = process.getuid?.() === 0;
const run = (command: string, args: string[]) => {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
};

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-stock-pg-'));
if (asRoot) {
  const postgres = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const uid = Number(postgres.stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  fs.chownSync(folder, uid, gid);
}
const dataDir = path.join(folder, 'data');
const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
});

let code = 1;
try {
  run(path.join(bin, 'initdb'), ['-D', dataDir, '--auth=trust', '-U', 'postgres', '--no-sync']);
  // Where it listens, and no waiting for the disk (a throwaway cluster, as the embedded test
  // server): every setting the planner and executor go by is the distribution's default.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', path.join(folder, 'log'), '-w', 'start']);
  const version = spawnSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(`Database tests against ${version} (stock settings) on port ${port}\n`);
  const given = process.argv.slice(2);
  const files = given.length
    ? given
    : fs.globSync(['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts']).filter((file) => file !== path.join('test', 'startup.test.ts'));
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-global-setup=test/global-setup.ts', '--test-concurrency=2', ...files], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` },
  });
  code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
} finally {
  try {
    run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  } catch {
    // never started
  }
  fs.rmSync(folder, { recursive: true, force: true });
}
process.exit(code);
