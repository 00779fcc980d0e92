import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, createTestJobs, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createClerk, createOffice, createService, person } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { bookDrawnTime } from '../book-drawn-time.ts';
import { drawLottery } from '../draw-lottery.ts';
import { enterLottery } from '../enter-lottery.ts';
import { linkToken } from '../lottery-link.ts';
import { lotteryOffers } from '../lottery-service.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-12-01T06:05:00Z');
const jobs = createTestJobs(url);
const app = createTestApp(db, { clock, jobs });
const office = await createOffice(db);
const other = await createOffice(db);
const deps = { db, clock, jobs, publicUrl: 'https://termine.example', key: async () => 'figures-key' };

async function drawAt(at: typeof office, entrants: number) {
  const serviceId = await createService(db, at, { sameDayRelease: '07:00' });
  await db.updateTable('service').set({ same_day_lottery_minutes: 30 }).where('id', '=', serviceId).execute();
  await createClerk(db, at, { starts: '08:00', ends: '09:00' });
  const offer = (await lotteryOffers(deps)).find((o) => o.service.id === serviceId)!;
  clock.set('2026-12-01T06:05:00Z');
  for (let i = 0; i < entrants; i++) await enterLottery(deps, offer, { ...person({ email: `f${serviceId.slice(0, 6)}${i}@example.org` }), phone: null });
  clock.set('2026-12-01T06:31:00Z');
  return drawLottery(deps, offer, '2026-12-01');
}

test('the figures of each draw: entrants, times, winners, booked, expired — at the staff member’s own locations only', async () => {
  await drawAt(office, 5);
  const firstWinner = await db.selectFrom('lottery_entry').select('id').where('outcome', '=', 'won').orderBy('draw_rank').executeTakeFirstOrThrow();
  await bookDrawnTime(deps, linkToken('figures-key', firstWinner.id));
  await drawAt(other, 1);
  const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
  const browser = new Browser(app);
  await browser.signIn(clerk.username);
  const page = await (await browser.get('/staff/lottery')).text();
  const rows = [...page.matchAll(/<tr><td>[^<]*<\/td><td>[^<]*<\/td><td>[^<]*<\/td>((?:<td>\d+<\/td>){6})/g)].map((m) =>
    [...m[1]!.matchAll(/\d+/g)].map(Number),
  );
  // Entrants 5, times 2, winners 2, booked 1, expired 0, still open 1; the other location's draw is not shown.
  assert.deepEqual(rows, [[5, 2, 2, 1, 0, 1]]);
  assert.match(page, /<code>[0-9a-f]{64}<\/code>/);
  assert.ok(!page.includes('@example.org'), 'no personal data');
});
