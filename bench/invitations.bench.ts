/**
 * npm run bench:invitations — an invitation run for BENCH_TITLES (default 2,000) expiring titles on
 * the demo office (with two more clerks per location), and its letters printed as one PDF
 * (issue 15: 2,000 invitations with letters in under 60 s on 2 cores).
 *
 * Baselines in the same run, on the same database and rows, say what the machine can do: a bare
 * INSERT of as many appointment rows (one statement each, no planning, no engine) and the letters'
 * PDF alone (the same letters, content already loaded).
 */
import os from 'node:os';
import { sql } from 'kysely';
import { invitationContents, invitationRows } from '../src/features/invitations/invitation-content.ts';
import type { InvitationDeps } from '../src/features/invitations/invitation-deps.ts';
import { invitationLettersPdf } from '../src/features/invitations/invitation-letter.ts';
import { releaseRunLetters, runInvitations } from '../src/features/invitations/index.ts';
import { createJobs } from '../src/platform/jobs/jobs.ts';
import { createLogger } from '../src/platform/log.ts';
import { fixedClock, systemClock } from '../src/shared/clock.ts';
import { invitationOffice, seedExpiringTitles } from '../test/invitation-fixtures.ts';
import { round, startBenchDatabase } from './bench-support.ts';

const titles = Number(process.env.BENCH_TITLES ?? 2000);
const database = await startBenchDatabase({ poolSize: 6 });
const { db } = database;
// A fixed office day, so every run plans the same weeks (the demo's hours, holidays and closures).
const clock = fixedClock('2026-12-01T06:30:00Z');
const today = '2026-12-01';
const jobs = createJobs({ connectionString: database.url, logger: createLogger('silent'), poolSize: 2 });
const office = await invitationOffice(db, clock, { keepFreePercent: 30, extraClerks: 2 });
await seedExpiringTitles(db, { count: titles, today, locationIds: office.locationIds, now: clock.now(), tag: 'B' });
const deps: InvitationDeps = { db, clock, jobs, publicUrl: 'https://lotse.example', timeZone: 'Europe/Berlin', key: async () => 'bench-portal-key' };

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; nodeCpuSeconds: number; postgresCpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const pg = await database.postgresCpuSeconds();
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: round(seconds, 2),
    nodeCpuSeconds: round((used.user + used.system) / 1e6, 2),
    postgresCpuSeconds: round((await database.postgresCpuSeconds()) - pg, 2),
  };
}

await database.resetStatements();
const run = await timed(() => runInvitations(deps, { trigger: 'staff', staffId: null }));
const statements = await database.topStatements(Math.max(1, run.value.invited));
const release = await timed(() => releaseRunLetters(deps, run.value.runId, null));
const letters = await timed(async () => {
  const contents = await invitationContents(deps, await invitationRows(db, { runId: run.value.runId }));
  return { contents, pdf: await invitationLettersPdf(contents, clock.now()) };
});
const pdfOnly = await timed(() => invitationLettersPdf(letters.value.contents, clock.now()));

// Baseline: as many appointment rows written by bare INSERTs, one statement each (then removed).
const clerk = await db.selectFrom('staff').select('id').where('display_name', 'like', 'Verstärkung%').executeTakeFirstOrThrow();
const bare = await timed(async () => {
  for (let i = 0; i < run.value.invited; i++) {
    await sql`INSERT INTO appointment (code, manage_secret_hash, service_id, location_id, staff_id, starts_at, ends_at, person_name, date_of_birth,
                email, email_normalized, language, created_by, created_at, updated_at)
              VALUES (${`BENCH${String(i).padStart(6, '0')}`}, ${'x'.repeat(64)}, ${office.serviceId('aufenthaltstitel-verlaengerung')}, ${office.locationIds[0]!},
                ${clerk.id}, ${new Date(Date.UTC(2030, 0, 1) + i * 3_600_000)}, ${new Date(Date.UTC(2030, 0, 1) + i * 3_600_000 + 1_800_000)},
                ${`Bench ${i}`}, '1990-01-01', '', '', 'de', 'staff', ${clock.now()}, ${clock.now()})`.execute(db);
  }
});
await sql`DELETE FROM appointment WHERE code LIKE 'BENCH%'`.execute(db);

const total = run.seconds + release.seconds + letters.seconds;
const result = {
  benchmark: 'invitations',
  date: systemClock.now().toISOString(),
  machine: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${round(os.totalmem() / 1024 ** 3, 1)} GiB, Node ${process.version}`,
  loadAverage: os.loadavg().map((l) => round(l, 1)),
  titles,
  target: '2,000 invitations with letters < 60 s',
  invited: run.value.invited,
  notInvited: run.value.skipped,
  mailsQueued: release.value,
  letterPages: (letters.value.pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length,
  letterMegabytes: round(letters.value.pdf.length / 1024 ** 2, 1),
  run: { seconds: run.seconds, nodeCpuSeconds: run.nodeCpuSeconds, postgresCpuSeconds: run.postgresCpuSeconds },
  releaseAndMails: { seconds: release.seconds },
  letters: { seconds: letters.seconds, nodeCpuSeconds: letters.nodeCpuSeconds },
  totalSeconds: round(total, 2),
  baseline: {
    bareInsertSeconds: bare.seconds,
    pdfOnlySeconds: pdfOnly.seconds,
    msPerLetterPdf: round((pdfOnly.seconds * 1000) / Math.max(1, letters.value.contents.length), 2),
  },
  // How far the run is from writing its rows bare: planning, the engine's checks, the invitation rows.
  runPerBareInsert: round(run.seconds / Math.max(0.001, bare.seconds), 1),
  ...(statements ? { topStatements: statements } : {}),
};
await jobs.stop();
await database.stop();
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
