import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/**
 * Every "now" comes from the injected Clock (src/shared/clock.ts). These scans fail, naming file
 * and line, when application code or a migration reads the machine's or the database's time
 * itself: such code passes on the day it is written and fails on another (issue 11).
 */
const root = path.resolve(import.meta.dirname, '..');

function files(folder: string, accept: (file: string) => boolean): string[] {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter(accept)
    .sort();
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const isSource = (file: string) => /\.(ts|tsx|js)$/.test(file);

// now() but not a method (`clock.now()`, `{ now(): Date }`); LOCALTIME only as SQL spells it (not localTime()).
const databaseNowAnyCase =
  /(?<![\w.])now\(\)(?!\s*[:{])|(?<![\w.])(current_date|current_timestamp|current_time|localtimestamp|statement_timestamp|clock_timestamp|transaction_timestamp|timeofday)(?!\w)|'(now|today|tomorrow|yesterday)'::/i;
const databaseNow = { test: (text: string) => databaseNowAnyCase.test(text) || /\b(LOCALTIME|localtime)\b(?!\s*\()/.test(text) };
const machineNow = /Date\.now\(|new Date\(\s*\)|Temporal\.Now\b/;

type Allowed = { file: string; line: RegExp; count: number; why: string };

// The legitimate readers of real time. A new entry needs a reason a reviewer can check.
const allowed: Allowed[] = [
  { file: 'src/shared/clock.ts', line: /new Date\(\)/, count: 1, why: 'systemClock: the one real clock, injected by src/main.ts and the command-line scripts' },
  {
    file: 'src/platform/mail/mail-transport.ts',
    line: /date: new Date\(\)/,
    count: 1,
    why: "a mail's Date header says when it really leaves, whatever the office clock",
  },
  {
    file: 'src/platform/jobs/jobs.ts',
    line: /timeOrderedUuid\(now = Date\.now\(\)\)/,
    count: 1,
    why: "a grouped job's id: pg-boss runs a group's jobs in id order, so the id carries when it was made, as pg-boss's own created_on does",
  },
  {
    file: 'src/features/staff/sso/oidc-client.ts',
    line: /\[oidc\.clockSkew\]: Math\.round\(\(now\.getTime\(\) - Date\.now\(\)\) \/ 1000\)/,
    count: 1,
    why: "openid-client checks token times against the machine's clock plus a skew: the skew makes it use the office clock",
  },
  { file: 'src/web/assets/proof-of-work.js', line: /Date\.now\(\)/, count: 2, why: 'runs in the browser and measures how long solving took' },
  // Column defaults the application never compares with the office clock: a fallback for rows
  // written without the column (seeds, manual SQL). Where a timestamp is compared with clock time
  // (tickets' check-in and updates, transfer notes, sessions, tokens, absences' effects,
  // cancellations, erasures) the code writes the clock's value explicitly.
  {
    file: 'migrations/20261121_0002_office.ts',
    line: /(created_at|updated_at) timestamptz NOT NULL DEFAULT now\(\)/,
    count: 8,
    why: 'records of the office and appointments: shown, never compared with the clock',
  },
  {
    file: 'migrations/20261121_0104_book_free_candidate.ts',
    line: /created_at timestamptz NOT NULL DEFAULT now\(\)/,
    count: 1,
    why: 'appointment_notice: delivered in id order, its age never read',
  },
  {
    file: 'migrations/20261121_0200_staff_access.ts',
    line: /updated_at timestamptz NOT NULL DEFAULT now\(\)/,
    count: 1,
    why: 'staff.updated_at: written from the clock on every change; the default only fills old rows',
  },
  {
    file: 'migrations/20261121_0301_portal.ts',
    line: /(created_at|queued_at) timestamptz NOT NULL DEFAULT now\(\)/,
    count: 2,
    why: 'portal_secret and the reminder-sent marker: never compared with the clock',
  },
  {
    file: 'migrations/20261121_0401_front_desk.ts',
    line: /(checked_in_at|updated_at|created_at) timestamptz NOT NULL DEFAULT now\(\)/,
    count: 4,
    why: 'tickets and transfers are written with the clock (check-in.ts, desk-actions.ts); display events are ordered by id',
  },
];

function offences(scanned: string[], pattern: { test(text: string): boolean }): string[] {
  const found: string[] = [];
  const used = new Map<Allowed, number>();
  for (const file of scanned) {
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      if (/^\s*(\/\/|\*|\/\*|--)/.test(text) || !pattern.test(text)) return;
      const rule = allowed.find((a) => a.file === file && a.line.test(text));
      if (rule) used.set(rule, (used.get(rule) ?? 0) + 1);
      else found.push(`${file}:${index + 1}: ${text.trim()}`);
    });
  }
  for (const rule of allowed.filter((a) => scanned.includes(a.file)))
    if ((used.get(rule) ?? 0) > rule.count) found.push(`${rule.file}: ${used.get(rule)} uses allowed for "${rule.why}", at most ${rule.count}`);
  return found;
}

test("application code and migrations never read the machine's or the database's time, only the Clock", () => {
  const scanned = [...files('src', (f) => isSource(f) && !isTest(f)), ...files('migrations', isSource)];
  assert.ok(scanned.length > 50, 'the scan found the sources');
  assert.deepEqual(offences(scanned, databaseNow), [], "database time: pass the clock's value as a parameter");
  assert.deepEqual(offences(scanned, machineNow), [], 'machine time: use deps.clock.now() (or performance.now() for durations)');
});

test('no test stands on the real day: no systemClock, no argument-less Date, no database now()', () => {
  const tests = [...files('src', isTest), ...files('test', isSource), ...files('e2e', isSource)].filter(
    // This file names the patterns; the year-ahead probe reads the real clocks on purpose, to prove they were shifted.
    (f) => f !== 'test/clock-guard.test.ts' && f !== 'test/year-ahead-probe.ts',
  );
  const found: string[] = [];
  for (const file of tests) {
    fs.readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        // Date.now() stays allowed in tests: it measures real waiting (deadlines for real processes).
        if (/^\s*(\/\/|\*|\/\*|--)/.test(text)) return;
        if (/systemClock|new Date\(\s*\)|Temporal\.Now\b/.test(text) || databaseNow.test(text)) found.push(`${file}:${index + 1}: ${text.trim()}`);
      });
  }
  assert.deepEqual(found, []);
});

test('the scan sees what it is meant to catch', () => {
  for (const line of [
    "sql`WHERE ends_at > now() - interval '2 days'`",
    'WHERE day >= current_date',
    'SELECT CURRENT_TIMESTAMP',
    "x > 'now'::timestamptz",
    'SELECT clock_timestamp()',
    'SELECT LOCALTIME',
  ])
    assert.ok(databaseNow.test(line), line);
  for (const line of ['deps.clock.now()', 'performance.now()', 'const nowMs = 1', 'a.created_at', 'localTime(at, zone)', 'type Clock = { now(): Date }'])
    assert.ok(!databaseNow.test(line), line);
  for (const line of ['const t = Date.now();', 'new Date()', 'Temporal.Now.plainDateISO()']) assert.ok(machineNow.test(line), line);
  for (const line of ["new Date('2026-11-23')", 'new Date(at)', 'clock.now()']) assert.ok(!machineNow.test(line), line);
});
