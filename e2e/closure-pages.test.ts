import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { seedDemoOffice } from '../src/demo/seed-demo-office.ts';
import { createLogger } from '../src/platform/log.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestApp } from '../test/app.ts';
import { createTestDatabase } from '../test/database.ts';
import { freePort } from '../test/global-setup.ts';
import { insertAppointment } from '../test/office-factory.ts';
import { addStaff } from '../test/staff.ts';
import { axeViolations, launchBrowser, signInStaff } from './browser.ts';

// Tuesday 1 December 2026, the demo office as Lotse starts with it.
const clock = fixedClock('2026-12-01T08:00:00Z');
const { db } = await createTestDatabase();
await seedDemoOffice({ db, clock, logger: createLogger('silent') });
const app = createTestApp(db, { clock });
const port = await freePort();
const server: ServerType = await new Promise((resolve) => {
  const running = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(running));
});
const browser = await launchBrowser();
after(async () => {
  await browser.close();
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
const base = `http://127.0.0.1:${port}`;

test('the closure, walk-in, letterhead and location pages pass axe; an admin enters a closure through the form', { timeout: 90_000 }, async () => {
  const wetzlar = await db.selectFrom('location').select('id').where('slug', '=', 'wetzlar').executeTakeFirstOrThrow();
  const service = await db.selectFrom('service').select('id').where('slug', '=', 'aufenthaltstitel-verlaengerung').executeTakeFirstOrThrow();
  const clerk = await db.selectFrom('staff_location').select('staff_id').where('location_id', '=', wetzlar.id).executeTakeFirstOrThrow();
  // Booked before anyone thought of Christmas Day.
  await insertAppointment(
    db,
    { serviceId: service.id, locationId: wetzlar.id, staffId: clerk.staff_id },
    new Date('2026-12-25T09:00:00Z'),
    new Date('2026-12-25T09:30:00Z'),
  );
  const admin = await addStaff(db, 'admin');
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await signInStaff(page, base, admin.username);

  await page.getByRole('navigation').getByRole('link', { name: 'Feiertage und Schließtage' }).click();
  await page.getByRole('link', { name: 'Ausländerbehörde Wetzlar' }).click();
  assert.deepEqual(await axeViolations(page), []);
  const text = await page.locator('main').innerText();
  assert.match(text, /1\. Weihnachtstag/);
  assert.match(text, /Heiligabend/);
  assert.match(text, /Ein gebuchter Termin liegt an einem Feiertag oder Schließtag/);

  await page.fill('#closure-day', '2026-12-31');
  await page.fill('#closure-starts', '12:00');
  await page.fill('#closure-reason', 'Silvester');
  await page.getByRole('button', { name: 'Schließung eintragen' }).click();
  await page.waitForURL(/saved=1/);
  assert.match(await page.locator('main').innerText(), /Silvester/);
  assert.equal((await db.selectFrom('location_closure').select('starts').where('reason', '=', 'Silvester').executeTakeFirstOrThrow()).starts, '12:00:00');

  for (const path of [
    `/staff/admin/locations/${wetzlar.id}`,
    `/staff/admin/locations/${wetzlar.id}/walk-in`,
    `/staff/admin/locations/${wetzlar.id}/letterhead`,
  ]) {
    await page.goto(`${base}${path}`);
    assert.deepEqual(await axeViolations(page), [], path);
  }
  await context.close();
});
