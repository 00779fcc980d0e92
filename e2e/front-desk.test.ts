import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callNextTicket, createWalkInTicket, finishTicket } from '../src/features/front-desk/index.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestApp, createTestLiveEvents } from '../test/app.ts';
import { createTestDatabase } from '../test/database.ts';
import { bookAppointment, createFrontOffice, deviceToken } from '../test/front-desk-fixtures.ts';
import { addStaff } from '../test/staff.ts';
import { deviceCookieName } from '../src/features/front-desk/index.ts';
import { loadStaffActor } from '../src/features/staff/session-store.ts';
import { freePort } from '../test/global-setup.ts';
import { serveApp } from '../test/serve-app.ts';
import { axeViolations, launchBrowser, signInStaff } from './browser.ts';

const { db, url } = await createTestDatabase();
const liveEvents = createTestLiveEvents(url);
// Monday 09:00 in Berlin for every instance and helper: the test never stands on the real day.
const clock = fixedClock('2026-11-23T08:00:00Z');
const app = createTestApp(db, { clock, liveEvents });
const { base } = await serveApp(app);
await liveEvents.ready();
const browser = await launchBrowser();

const office = await createFrontOffice(db);
const clerkAccount = await addStaff(db, 'clerk', { locationIds: [office.location.id], specialtyIds: [office.front] });
const clerk = (await loadStaffActor(db, clerkAccount.id, 'session'))!;
const tokens = {
  kiosk: await deviceToken(db, 'kiosk', office.location.id),
  display: await deviceToken(db, 'display', office.location.id),
};

/** A browser tab: devices carry their token in the device cookie, staff sign in through the real form. */
async function pageAs(who: string | { username: string }) {
  // bypassCSP only lets the test inject axe-core; the pages themselves run under the real CSP.
  // An office's browsers ask for German: staff screens follow it (English on request).
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  if (typeof who === 'string') await context.addCookies([{ name: deviceCookieName, value: who, url: base }]);
  const page = await context.newPage();
  if (typeof who !== 'string') {
    await signInStaff(page, base, who.username);
  }
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

function assertNoViolations(violations: string[], where: string) {
  assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 2)}`);
}

test('kiosk check-in with a code → ticket → the desk calls it → the display shows it (live, no reload)', { timeout: 90_000 }, async () => {
  const booked = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: clerk.staffId,
    startsAt: new Date(clock.now().getTime() + 5 * 60_000),
    language: 'uk',
  });
  const counter = office.counters[1]!;
  const desk = await pageAs(clerkAccount);
  await desk.page.goto(`${base}/desk?location=${office.location.id}&counter=${counter.id}`);
  await desk.page.getByText('Niemand wartet.').waitFor();
  assertNoViolations(await axeViolations(desk.page), 'desk');

  const display = await pageAs(tokens.display);
  await display.page.goto(`${base}/display/${office.location.slug}`);
  await display.page.getByText('Noch kein Aufruf').waitFor();
  await display.page.mouse.click(600, 400); // unlocks the gong once
  assertNoViolations(await axeViolations(display.page), 'display');

  const kiosk = await pageAs(tokens.kiosk);
  await kiosk.page.goto(`${base}/kiosk/${office.location.slug}`);
  assertNoViolations(await axeViolations(kiosk.page), 'kiosk start (de)');
  await kiosk.page.getByRole('link', { name: 'العربية' }).click();
  await kiosk.page.waitForURL(/lang=ar/);
  assert.equal(await kiosk.page.getAttribute('html', 'dir'), 'rtl');
  assertNoViolations(await axeViolations(kiosk.page), 'kiosk start (ar)');
  await kiosk.page.getByRole('link', { name: 'Українська' }).click();
  await kiosk.page.waitForURL(/lang=uk/);
  // Type the code on the on-screen keypad.
  for (const key of booked.code) await kiosk.page.locator(`.kiosk-key[data-key="${key}"]`).click();
  assert.equal(await kiosk.page.inputValue('#code'), booked.code);
  await kiosk.page.getByRole('button', { name: 'Зареєструватися' }).click();
  await kiosk.page.waitForURL(/\/tickets\//);
  const number = (await kiosk.page.getByTestId('ticket-number').textContent())?.trim();
  assert.equal(number, 'A001');
  await kiosk.page.getByText('Ваш номер у черзі').waitFor();
  await kiosk.page.getByText('Ihre Wartenummer').waitFor();
  assertNoViolations(await axeViolations(kiosk.page), 'kiosk ticket');
  await kiosk.page.emulateMedia({ media: 'print' });
  assert.equal(await kiosk.page.locator('.kiosk-actions').isVisible(), false, 'buttons are not printed');
  await kiosk.page.emulateMedia({ media: 'screen' });

  // The desk learns of the check-in over SSE, without a reload.
  await desk.page.locator('table.queue').getByText('A001').waitFor({ timeout: 10_000 });
  await desk.page.getByTestId('call-next').click();
  await desk.page.getByTestId('desk-current').getByText('A001').waitFor();
  assertNoViolations(await axeViolations(desk.page), 'desk with a called ticket');

  await display.page.locator('#current .number').getByText('A001').waitFor({ timeout: 10_000 });
  await display.page.locator('#current').getByText(`Nummer A001 bitte zu ${counter.name}`).waitFor();
  await display.page.locator('#current [lang="uk"]').waitFor();
  assert.doesNotMatch(await display.page.content(), /Kovalenko/);

  // A recall reaches the display again (still A001, now as the current call).
  await desk.page.getByRole('button', { name: 'Erneut aufrufen' }).click();
  await desk.page.getByText('1× erneut aufgerufen').waitFor();
  for (const { errors } of [desk, display, kiosk]) assert.deepEqual(errors, []);
});

test('the scanner path: a code typed with Enter checks in, and a lost answer is retried with the same key; walk-in page passes axe', {
  timeout: 60_000,
}, async () => {
  const booked = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: clerk.staffId,
    startsAt: new Date(clock.now().getTime() + 20 * 60_000),
    language: 'fa',
  });
  const kiosk = await pageAs(tokens.kiosk);
  let posts = 0;
  // The first check-in reaches the server (a ticket is issued) but its answer is lost on the way back.
  await kiosk.page.route('**/check-in', async (route) => {
    posts += 1;
    if (posts === 1) {
      await route.fetch({ maxRedirects: 0 });
      await route.abort('failed');
    } else {
      await route.continue();
    }
  });
  await kiosk.page.goto(`${base}/kiosk/${office.location.slug}`);
  await kiosk.page.locator('#code').pressSequentially(`${base}/termin/${booked.code}`);
  await kiosk.page.keyboard.press('Enter');
  await kiosk.page.waitForURL(/\/tickets\/.*lang=fa/);
  await kiosk.page.getByText('شماره نوبت شما').waitFor();
  assert.equal(posts, 2, 'the kiosk script retried by itself');
  const tickets = await db.selectFrom('ticket').select('id').where('appointment_id', '=', booked.id).execute();
  assert.equal(tickets.length, 1);
  await kiosk.page.goto(`${base}/kiosk/${office.location.slug}/walk-in?lang=fa`);
  assertNoViolations(await axeViolations(kiosk.page), 'kiosk walk-in (fa)');
});

test('the display reconnects by itself after a server restart and shows the call it missed', { timeout: 90_000 }, async () => {
  const other = await createFrontOffice(db);
  const otherClerk = (await loadStaffActor(
    db,
    (
      await addStaff(db, 'clerk', { locationIds: [other.location.id], specialtyIds: [other.front] })
    ).id,
    'session',
  ))!;
  const reception = (await loadStaffActor(db, (await addStaff(db, 'reception', { locationIds: [other.location.id] })).id, 'session'))!;
  const deps = { db, clock };
  for (let i = 0; i < 2; i++) await createWalkInTicket(deps, reception, { locationId: other.location.id, serviceId: other.service, language: 'ru' });
  const restartPort = await freePort();
  const startServer = async () => {
    const events = createTestLiveEvents(url);
    const instance = createTestApp(db, { clock, liveEvents: events });
    const running = await serveApp(instance, { port: restartPort });
    await events.ready();
    return { running, events };
  };
  let current = await startServer();
  const display = await pageAs(await deviceToken(db, 'display', other.location.id));
  await display.page.goto(`http://127.0.0.1:${restartPort}/display/${other.location.slug}`);
  const callAt = (counter: number) => callNextTicket(deps, otherClerk, { locationId: other.location.id, counterId: other.counters[counter]!.id });
  const first = await callAt(0);
  await display.page.locator('#current .number').getByText(first!.displayNumber).waitFor({ timeout: 10_000 });
  await finishTicket(deps, otherClerk, { ticketId: first!.id, outcome: { result: 'done' } });

  // The server goes away; a call is made meanwhile (another instance, or this one restarting).
  await current.running.stop();
  await current.events.stop();
  const second = await callAt(1);
  await display.page.getByText('Verbindung wird wiederhergestellt').waitFor({ timeout: 10_000 });
  current = await startServer();
  await display.page.locator('#current .number').getByText(second!.displayNumber).waitFor({ timeout: 20_000 });
  await display.page.locator('#recent').getByText(first!.displayNumber).waitFor();
  assert.deepEqual(display.errors, []);
});
