/**
 * npm run bench:figures — the figures page's queries of case work (issue 15) on an office of
 * realistic size (bench/figures-data.ts: BENCH_PROCEDURES, default 60,000 procedures over five
 * years with their status history, and BENCH_APPLICATIONS, default 20,000 online applications):
 * the time of the whole `periodFigures` for 28 days and for a year at the first location, median
 * of five runs each. BENCH_STATEMENTS=1 adds where PostgreSQL's time went per statement.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { periodFigures } from '../src/features/figures/period-figures.ts';
import type { StaffActor } from '../src/features/staff/index.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { systemClock } from '../src/shared/clock.ts';
import { generateFigureData } from './figures-data.ts';
import { percentile, round, startBenchDatabase } from './bench-support.ts';

const procedures = Number(process.env.BENCH_PROCEDURES ?? 60_000);
const applications = Number(process.env.BENCH_APPLICATIONS ?? 20_000);
const database = await startBenchDatabase({ poolSize: 10 });
const db = database.db;
// Every "now" comes from the clock: the generated office's last day is this one.
const now = systemClock.now();
const started = performance.now();
const { locations } = await generateFigureData(db, { now, procedures, applications });
const generatedSeconds = round((performance.now() - started) / 1000, 1);
const counts = await sql<{ changes: number; apps: number }>`
  SELECT (SELECT count(*) FROM case_procedure_status_change)::int AS changes, (SELECT count(*) FROM application)::int AS apps`.execute(db);

const admin: StaffActor = {
  kind: 'staff',
  staffId: '00000000-0000-4000-8000-000000000000',
  displayName: 'Bench',
  username: 'bench',
  role: 'admin',
  locationIds: [],
  specialtyIds: [],
  via: 'session',
};
const clock = fixedClock(now);
const day = (daysBack: number) => new Date(now.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
async function timePeriod(days: number) {
  const ms: number[] = [];
  let figures: Awaited<ReturnType<typeof periodFigures>> | undefined;
  for (let run = 0; run < 6; run++) {
    const t0 = performance.now();
    figures = await periodFigures({ db, clock }, admin, { locationId: locations[0]!, from: day(days - 1), to: day(0) });
    if (run > 0) ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return {
    medianMs: round(percentile(ms, 50), 1),
    decided: figures?.decisions.reduce((n, d) => n + d.decided, 0),
    applications: figures?.applications.reduce((n, a) => n + a.submitted, 0),
    open: figures?.procedures.open.reduce((n, p) => n + p.open, 0),
  };
}
await database.resetStatements();
const month = await timePeriod(28);
const year = await timePeriod(366);
console.log(
  JSON.stringify(
    {
      benchmark: 'figures of case work',
      date: now.toISOString().slice(0, 10),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg().map((n) => round(n, 2)) },
      data: { procedures, statusChanges: counts.rows[0]?.changes, applications: counts.rows[0]?.apps, locations: locations.length, generatedSeconds },
      periodFigures: { days28: month, days366: year },
      statements: await database.topStatements(12),
    },
    null,
    2,
  ),
);
await database.stop();
