import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestJobs, fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createRetentionOffice, insertAppointment, personOf } from '../../../test/retention-fixtures.ts';
import { createLogger } from '../../platform/log.ts';
import { retentionJobName, retentionJobType, retentionSchedule, startRetentionJob } from './retention-job.ts';

const { db, url } = await createTestDatabase();
const office = await createRetentionOffice(db);
const clock = fixedClock('2026-11-23T08:00:00Z');

test('the retention job is scheduled hourly once, however many instances start, and its worker erases what is due', async () => {
  const deps = { db, clock, logger: createLogger('silent'), retentionDays: 30, messageRetentionDays: 180, timeZone: 'Europe/Berlin' };
  const due = await insertAppointment(db, office, { endsAt: '2026-10-01T09:00:00Z' });
  const recent = await insertAppointment(db, office, { endsAt: '2026-11-20T09:00:00Z' });
  const instanceA = createTestJobs(url);
  const instanceB = createTestJobs(url);
  await startRetentionJob(instanceA, deps);
  await startRetentionJob(instanceB, deps);

  const schedules = await sql<{ name: string; cron: string; timezone: string }>`SELECT name, cron, timezone FROM pgboss.schedule`.execute(db);
  assert.deepEqual(schedules.rows, [{ name: retentionJobName, cron: retentionSchedule, timezone: 'Europe/Berlin' }]);

  await instanceA.send(retentionJobType, {});
  const deadline = Date.now() + 20_000;
  while ((await personOf(db, due.id)).person_name !== null) {
    assert.ok(Date.now() < deadline, 'the worker erased the due appointment within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.equal((await personOf(db, recent.id)).person_name, recent.name);
});
