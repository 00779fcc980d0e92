import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Fails on a block of six or more lines repeated in src/ (the same lines, or the same shape with
 * other names: jscpd's --ignore-identifiers) unless the pair of files is in
 * .repeated-code-allowed.json with a reason and a section of docs/decisions.md that explains it.
 * See docs/decisions.md "2026-12-06 — Tools that keep the layout".
 */
type Side = { name: string; start: number; end: number };
type Clone = { kind: string; lines: number; firstFile: Side; secondFile: Side };
type Allowed = { files: [string, string]; reason: string; decision: string };

const root = path.resolve(import.meta.dirname, '..');
const allowListFile = path.join(root, '.repeated-code-allowed.json');
const decisions = fs.readFileSync(path.join(root, 'docs/decisions.md'), 'utf8');

export const minLines = 6;

export function findRepeats(folder = 'src'): Clone[] {
  const output = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-repeats-'));
  try {
    execFileSync(
      path.join(root, 'node_modules/.bin/jscpd'),
      [
        folder,
        '--min-lines',
        String(minLines),
        '--ignore-identifiers',
        '--ignore',
        '**/*.test.ts,**/*.test.tsx,**/schema.generated.ts,**/locales/**',
        '--reporters',
        'json',
        '--output',
        output,
        '--silent',
        '--no-tips',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const report = JSON.parse(fs.readFileSync(path.join(output, 'jscpd-report.json'), 'utf8')) as { duplicates: Clone[] };
    // jscpd names files relative to the folder it scanned.
    const named = (side: Side) => ({ ...side, name: path.posix.join(folder, side.name) });
    return report.duplicates.map((clone) => ({ ...clone, firstFile: named(clone.firstFile), secondFile: named(clone.secondFile) }));
  } finally {
    fs.rmSync(output, { recursive: true, force: true });
  }
}

const pairKey = (a: string, b: string) => [a, b].sort().join(' ↔ ');

function main() {
  const allowed = JSON.parse(fs.readFileSync(allowListFile, 'utf8')) as Allowed[];
  const problems: string[] = [];
  for (const entry of allowed) {
    const heading = entry.decision.replace(/^docs\/decisions\.md\s*[—#-]\s*/, '').trim();
    if (!entry.reason?.trim()) problems.push(`${pairKey(...entry.files)}: the allow list entry gives no reason`);
    if (!heading || !decisions.includes(`## ${heading}`)) problems.push(`${pairKey(...entry.files)}: no section "## ${heading}" in docs/decisions.md`);
  }
  const allowedPairs = new Set(allowed.map((entry) => pairKey(...entry.files)));
  const clones = findRepeats();
  const seen = new Set<string>();
  for (const clone of clones) {
    const key = pairKey(clone.firstFile.name, clone.secondFile.name);
    seen.add(key);
    if (!allowedPairs.has(key))
      problems.push(
        `${clone.lines} lines repeated (${clone.kind}): ${clone.firstFile.name}:${clone.firstFile.start}-${clone.firstFile.end} and ${clone.secondFile.name}:${clone.secondFile.start}-${clone.secondFile.end}`,
      );
  }
  const stale = [...allowedPairs].filter((key) => !seen.has(key));
  if (stale.length > 0)
    console.log(`Repeated code: ${stale.length} allowed pair(s) repeat no more; remove them from .repeated-code-allowed.json:\n  ${stale.join('\n  ')}`);
  if (problems.length > 0) {
    console.error(
      `Repeated code: ${problems.length} problem(s). Remove the repetition, or list the pair of files in .repeated-code-allowed.json with a reason and a section of docs/decisions.md:\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`Repeated code: ${clones.length} repeated block(s) of ${minLines}+ lines in src/, all in .repeated-code-allowed.json (${allowed.length} pairs).`);
}

if (process.argv[1] === import.meta.filename) main();
