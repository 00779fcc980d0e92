/**
 * npm run bench:compare [-- --rev <revision>] [--rounds <n>] [--only booking|availability] [--keep]
 *
 * Runs bench:booking and bench:availability for an older revision and for this tree in the same
 * run, alternating (old, new, new, old, …), so that both see the same machine and the same load.
 * The older revision (default 6a6731f, the start of issue 12) is exported with `git archive` into a
 * temporary folder and gets its own `npm ci`; with --keep that folder ($TMPDIR/lotse-bench-<commit>)
 * stays for the next run with --keep, which then skips the install. The benchmarks' own settings (BENCH_SECONDS, BENCH_QUERIES, …) pass
 * through to both. Prints one JSON document: every run's key figures and the medians per tree.
 * See docs/performance.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    rev: { type: 'string', default: '6a6731f' },
    rounds: { type: 'string', default: '2' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const benches = options.only ? [options.only] : ['booking', 'availability'];
if (benches.some((bench) => !['booking', 'availability'].includes(bench))) throw new Error(`--only takes booking or availability, not ${options.only}`);
const rounds = Number(options.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number ≥ 1, not ${options.rounds}`);

const current = path.resolve(import.meta.dirname, '..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: current, encoding: 'utf8' }).trim();
const revision = git('rev-parse', '--verify', `${options.rev}^{commit}`);
const currentRevision = git('rev-parse', 'HEAD');
const currentDirty = git('status', '--porcelain', '--untracked-files=no') !== '';

// A kept tree has a fixed name and is reused; otherwise each run has its own, so runs never share one.
const old = options.keep ? path.join(os.tmpdir(), `lotse-bench-${revision.slice(0, 12)}`) : fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-bench-'));
if (!fs.existsSync(path.join(old, 'node_modules'))) {
  fs.rmSync(old, { recursive: true, force: true });
  fs.mkdirSync(old, { recursive: true });
  process.stderr.write(`Exporting ${revision.slice(0, 12)} to ${old} and installing its packages …\n`);
  execFileSync('sh', ['-c', `git archive ${revision} | tar -x -C '${old}'`], { cwd: current, stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: old, stdio: ['ignore', 'ignore', 'inherit'] });
}

type Tree = { name: 'old' | 'current'; dir: string; revision: string };
const trees: Tree[] = [
  { name: 'old', dir: old, revision },
  { name: 'current', dir: current, revision: currentDirty ? `${currentRevision} (with uncommitted changes)` : currentRevision },
];

/** Runs one benchmark in one tree; its result is the last top-level JSON object it prints. */
function run(tree: Tree, bench: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', `bench:${bench}`], { cwd: tree.dir, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench:${bench} in ${tree.name} ended with ${code}`));
      // Log lines of the server being stopped may follow the JSON.
      const start = output.lastIndexOf('\n{\n') + 1;
      const end = output.indexOf('\n}\n', start);
      try {
        resolve(JSON.parse(output.slice(start, end + 2)));
      } catch {
        reject(new Error(`bench:${bench} in ${tree.name} printed no JSON:\n${output.slice(-2000)}`));
      }
    });
  });
}

const at = (value: unknown, ...keys: string[]): number | undefined => {
  let node = value;
  for (const key of keys) node = (node as Record<string, unknown> | undefined)?.[key];
  return typeof node === 'number' ? node : undefined;
};

/** The figures docs/performance.md compares; the full results stay in `runs[].result`. */
function keyFigures(bench: string, result: Record<string, unknown>) {
  if (bench === 'booking')
    return {
      attemptsPerSecond: at(result, 'lotse', 'attemptsPerSecond'),
      ratio: at(result, 'ratio'),
      medianRatio: at(result, 'medianRatio'),
      sustainedRatio: at(result, 'sustainedRatio'),
      cpuMsPerBookingLotse: at(result, 'cpuMsPerOperation', 'booking', 'lotse'),
      p99Ms: at(result, 'lotse', 'latencyMs', 'p99'),
    };
  return {
    weekP95Ms: at(result, 'week', 'serverMs', 'p95'),
    fullWindowP95Ms: at(result, 'fullWindow', 'serverMs', 'p95'),
    fullWindowWhileBookingP95Ms: at(result, 'fullWindowWhileBooking', 'serverMs', 'p95'),
    fullWindowCpuP95Ms: at(result, 'fullWindow', 'serverCpuMs', 'p95'),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const runs: { round: number; bench: string; tree: string; figures: Record<string, number | undefined>; result: Record<string, unknown> }[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    // Old first in odd rounds, current first in even rounds: neither always runs on a warmer machine.
    const order = round % 2 ? trees : [...trees].reverse();
    for (const bench of benches)
      for (const tree of order) {
        process.stderr.write(`round ${round}: bench:${bench} on ${tree.name} …\n`);
        const result = await run(tree, bench);
        runs.push({ round, bench, tree: tree.name, figures: keyFigures(bench, result), result });
      }
  }
} finally {
  if (!options.keep) fs.rmSync(old, { recursive: true, force: true });
}

const medians = Object.fromEntries(
  benches.map((bench) => [
    bench,
    Object.fromEntries(
      trees.map((tree) => {
        const mine = runs.filter((r) => r.bench === bench && r.tree === tree.name);
        const names = Object.keys(mine[0]?.figures ?? {});
        return [tree.name, Object.fromEntries(names.map((name) => [name, median(mine.flatMap((r) => r.figures[name] ?? []))]))];
      }),
    ),
  ]),
);

process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'compare-revisions',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100) },
      trees: trees.map(({ name, revision }) => ({ name, revision })),
      settings: Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('BENCH_') || key === 'DATABASE_POOL_SIZE')),
      rounds,
      medians,
      runs,
    },
    null,
    2,
  )}\n`,
);
