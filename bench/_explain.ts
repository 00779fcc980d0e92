import { sql } from 'kysely';
import { startBenchDatabase, seedBenchOffice, threadRunNanoseconds } from './bench-support.ts';
import { bookAppointment, onlineActor, ScheduleCache } from '../src/features/appointments/index.ts';
import { systemClock } from '../src/shared/clock.ts';
import { Temporal } from 'temporal-polyfill';
const database = await startBenchDatabase({ poolSize: 1 });
const office = await seedBenchOffice(database.db, 40, { maxDaysAhead: 60 });
const schedules = new ScheduleCache();
const zone = 'Europe/Berlin';
const today = Temporal.Now.plainDateISO(zone);
const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
const pid = rows[0]!.pid;
let n = 0;
const starts: string[] = [];
for (let d = 1; d <= 58; d++) for (let m = 7 * 60; m < 18 * 60; m += 15) starts.push(today.add({ days: d }).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from({ hour: Math.floor(m / 60), minute: m % 60 }) }).toString({ timeZoneName: 'never' }));
const book = (s: string) => bookAppointment({ db: database.db, clock: systemClock, schedules }, { serviceId: office.serviceId, locationId: office.locationId, start: s, person: { name: 'X', dateOfBirth: '1990-01-01', email: `x${n++}@example.org`, language: 'de' }, actor: onlineActor });
let i = 0;
for (; i < 1500; i++) await book(starts[i % starts.length]!);
for (const mode of ['force_custom_plan', 'auto']) {
  await sql`SET plan_cache_mode = ${sql.raw(mode)}`.execute(database.db);
  for (let k = 0; k < 50; k++) await book(starts[i++ % starts.length]!);
  const c0 = await threadRunNanoseconds(pid);
  const l0 = process.cpuUsage();
  const t0 = performance.now();
  for (let k = 0; k < 500; k++) await book(starts[i++ % starts.length]!);
  const el = performance.now() - t0;
  const lc = process.cpuUsage(l0);
  const c1 = await threadRunNanoseconds(pid);
  console.log(mode, 'wall ms/booking', (el / 500).toFixed(3), 'pg cpu ms', ((c1 - c0) / 1e6 / 500).toFixed(3), 'node cpu ms', ((lc.user + lc.system) / 1000 / 500).toFixed(3));
}
const raw = async () => sql`INSERT INTO appointment (code, manage_secret_hash, service_id, location_id, staff_id, starts_at, ends_at, person_name, date_of_birth, email, email_normalized, language, created_by) VALUES (upper(substr(md5(random()::text),1,10)), md5(random()::text), ${office.serviceId}, ${office.locationId}, ${office.clerkIds[i % 40]}, ${new Date(Date.now() + 200 * 86400_000 + i * 900_000)}, ${new Date(Date.now() + 200 * 86400_000 + i * 900_000 + 900_000)}, 'R', '1990-01-01', ${'r' + i + '@x.org'}, ${'r' + i + '@x.org'}, 'de', 'online') RETURNING id`.execute(database.db);
const c0 = await threadRunNanoseconds(pid);
for (let k = 0; k < 500; k++) { i++; await raw(); }
console.log('raw insert pg cpu ms', ((await threadRunNanoseconds(pid) - c0) / 1e6 / 500).toFixed(3));
await database.stop();
