import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { procedureWithPerson } from '../../../../test/status-lookup-fixture.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { moveProcedureToStatus } from '../../case-files/index.ts';
import { deliverNotices } from '../deliver-notices.ts';
import { lookUpStatus } from '../look-up-status.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T09:00:00Z');
const jobs = createTestJobs(url);
const app = createTestApp(db, { url, jobs, clock });
const office = await createOffice(db);
const admin = await addStaff(db, 'admin');
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });

test('the administrator sees notices per status and enters calls; the figures page shows look-ups beside calls', async () => {
  const p = await procedureWithPerson(db, { locationId: office.locationId, now: clock.now(), person: { email: 'amina@example.org', preferredLanguage: 'ar' } });
  await db
    .transaction()
    .execute((trx) => moveProcedureToStatus(trx, { procedureId: p.procedureId, code: 'decided', by: { staffId: null, label: 'Lotse' } }, clock.now()));
  await deliverNotices({ db, jobs, clock, publicUrl: 'http://localhost' });
  const deps = { db, clock, timeZone: 'Europe/Berlin' };
  for (let i = 0; i < 3; i++)
    await lookUpStatus(deps, { kind: 'procedure', number: p.number, dateOfBirth: { year: 1990, month: 5, day: 17 } }, { lang: 'ar', channel: 'portal' });

  const browser = new Browser(app);
  await browser.signIn(admin.username);
  const page = await (await browser.get('/staff/admin/status-figures')).text();
  assert.match(page, /<td>Entschieden<\/td>\s*<td>1<\/td>/);
  assert.equal((await browser.submit('/staff/admin/status-figures', '/staff/admin/status-figures/calls', { day: '2026-11-23', calls: '412' })).status, 303);
  assert.equal((await browser.submit('/staff/admin/status-figures', '/staff/admin/status-figures/calls', { day: '2026-11-23', calls: '-4' })).status, 422);
  assert.equal((await browser.submit('/staff/admin/status-figures', '/staff/admin/status-figures/calls', { day: 'gestern', calls: '4' })).status, 422);
  const saved = await db.selectFrom('office_call_day').selectAll().execute();
  assert.deepEqual(
    saved.map((r) => r.calls),
    [412],
  );

  const clerkBrowser = new Browser(app);
  await clerkBrowser.signIn(clerk.username);
  assert.equal((await clerkBrowser.get('/staff/admin/status-figures')).status, 403, 'clerks do not enter calls');
  const figures = await (await clerkBrowser.get(`/staff/figures?location=${office.locationId}&from=2026-11-22&to=2026-11-23`)).text();
  assert.match(figures, /id="chart-lookups"/);
  assert.match(figures, /3 Status-Abfragen und 412 Anrufe/);
});
