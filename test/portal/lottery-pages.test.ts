import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../database.ts';
import { createTestApp, createTestJobs, fixedClock } from '../app.ts';
import { createTestOffice } from './office-fixture.ts';
import { PortalClient } from './portal-client.ts';
import { solvePagePow } from './pow-helper.ts';
import { lotteryJob } from '../../src/features/lottery/index.ts';
import { portalKeyLoader } from '../../src/features/portal/index.ts';
import { createLogger } from '../../src/platform/log.ts';

const { db, url } = await createTestDatabase();
const { serviceId } = await createTestOffice(db, { clerks: 1 });
await db
  .updateTable('service')
  .set({ same_day_release: '07:00', same_day_lottery_minutes: 30, lottery_hold_minutes: 30 })
  .where('id', '=', serviceId)
  .execute();
// Monday 2026-11-23, 07:05 in Berlin: the lottery is open until 07:30.
const clock = fixedClock('2026-11-23T06:05:00Z');
const jobs = createTestJobs(url);
const app = createTestApp(db, { url, jobs, clock, portal: { powMaxNumber: 2000, noScriptBookingsPerIpPerHour: 50, bookingsPerIpPerHour: 50 } });
const tick = lotteryJob({
  db,
  clock,
  jobs,
  publicUrl: 'http://localhost:3000',
  key: portalKeyLoader(db, undefined),
  logger: createLogger('silent'),
  retentionDays: 30,
});

const entrant = { name: 'Oksana Kovalenko', dateOfBirth: '1988-06-01', email: 'oksana@example.org', consent: 'yes' };

test('enter in Ukrainian with a proof of work, see "registered", win, book through the link; the link then books nothing', async () => {
  clock.set('2026-11-23T06:05:00Z');
  const client = new PortalClient(app);
  const page = await client.get('/uk/lottery/extension/mitte');
  assert.equal(page.status, 200);
  assert.match(page.html, /<html lang="uk" dir="ltr"/);
  const entered = await client.post('/uk/lottery/extension/mitte', page.html, { ...entrant, altcha: await solvePagePow(page.html) });
  assert.equal(entered.status, 303, entered.html.slice(0, 1500));
  const link = entered.location!;
  assert.match(link, /^\/uk\/lottery\/entry\/[A-Za-z0-9_-]{43}$/);
  const registered = await client.get(link);
  assert.equal(registered.status, 200);
  assert.ok(registered.html.includes('Ви зареєстровані'), 'the registered page is in Ukrainian');

  // Twice: refused in the reader's language, nothing written.
  const again = await client.post('/uk/lottery/extension/mitte', page.html, { ...entrant, email: 'OKSANA@example.org', altcha: '' });
  assert.equal(again.status, 409);
  assert.equal((await db.selectFrom('lottery_entry').select('id').execute()).length, 1);

  clock.set('2026-11-23T06:30:00Z');
  await tick.handle({}, { id: 'tick', retryCount: 0 });
  const won = await client.get(link);
  assert.ok(won.html.includes(`action="${link}/book"`), 'the winner is offered the booking');
  const booked = await client.post(`${link}/book`, won.html, {});
  assert.equal(booked.status, 303);
  assert.match(booked.location!, /^\/uk\/appointment\/[A-Z0-9]{8}\?notice=booked$/);
  const appointment = await db.selectFrom('appointment').select(['status', 'language']).executeTakeFirstOrThrow();
  assert.deepEqual(appointment, { status: 'booked', language: 'uk' });
  const twice = await client.post(`${link}/book`, won.html, {});
  assert.equal(twice.status, 409);
  assert.match(twice.html, /role="alert"/);
});

test("an entry after the window is refused with a page in the reader's language; an unknown link and an unknown language tag are 404", async () => {
  clock.set('2026-11-23T06:25:00Z');
  const client = new PortalClient(app);
  const page = await client.get('/fr/lottery/extension/mitte');
  clock.set('2026-11-23T06:31:00Z');
  const closed = await client.get('/fr/lottery/extension/mitte');
  assert.equal(closed.status, 200);
  assert.ok(!closed.html.includes('name="altcha"'), 'no form once the window has closed');
  const late = await client.post('/fr/lottery/extension/mitte', page.html, { ...entrant, email: 'late@example.org', altcha: '' });
  assert.equal(late.status, 410);
  assert.match(late.html, /<html lang="fr"/);
  assert.equal((await db.selectFrom('lottery_entry').select('id').where('email_normalized', '=', 'late@example.org').execute()).length, 0);
  const unknown = await client.get(`/fr/lottery/entry/${'A'.repeat(43)}`);
  assert.equal(unknown.status, 404);
  assert.match(unknown.html, /<html lang="fr"/);
  const tag = await client.get('/xx/lottery/extension/mitte', { 'accept-language': 'fr' });
  assert.equal(tag.status, 404);
  const noLottery = await client.get('/fr/lottery/pickup/mitte');
  assert.equal(noLottery.status, 404);
});
