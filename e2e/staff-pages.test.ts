import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { callNextTicket, createWalkInTicket, deviceCookieName } from '../src/features/front-desk/index.ts';
import { loadStaffActor } from '../src/features/staff/session-store.ts';
import { languages } from '../src/web/i18n.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { createTestApp, createTestLiveEvents } from '../test/app.ts';
import { createTestDatabase } from '../test/database.ts';
import { bookAppointment, createFrontOffice, deviceToken } from '../test/front-desk-fixtures.ts';
import { serveApp } from '../test/serve-app.ts';
import { addInfoPages } from '../test/portal/info-page-fixture.ts';
import { addStaff } from '../test/staff.ts';
import { procedureWithPerson } from '../test/status-lookup-fixture.ts';
import { seedDemoForms } from '../src/demo/demo-forms.ts';
import { moveProcedureToStatus } from '../src/features/case-files/index.ts';
import { axeViolations, launchBrowser, signInStaff } from './browser.ts';

// Monday 2026-11-23, 10:00 in Berlin: the kiosk, desk and figures see this as "now".
const clock = fixedClock('2026-11-23T09:00:00Z');
const { db, url } = await createTestDatabase();
const liveEvents = createTestLiveEvents(url);
const app = createTestApp(db, { clock, liveEvents });
const { base } = await serveApp(app);
await liveEvents.ready();
const browser = await launchBrowser();
const shots = process.env.LOTSE_SCREENSHOTS;

const office = await createFrontOffice(db, { slug: 'wetzlar' });
const second = await createFrontOffice(db, { slug: 'dillenburg' });
const kioskToken = await deviceToken(db, 'kiosk', office.location.id);

type Viewport = { width: number; height: number };
const kioskLandscape = { width: 1280, height: 800 };
const desktop = { width: 1366, height: 768 };

/** A browser tab: a device with its token in the device cookie, staff signed in through the real form, or nobody (null). */
async function pageAs(who: string | { username: string } | null, viewport: Viewport): Promise<Page> {
  // An office's browsers ask for German; the kiosk's language comes from its own language bar.
  const context = await browser.newContext({ bypassCSP: true, viewport, locale: 'de-DE', hasTouch: typeof who === 'string' });
  if (typeof who === 'string') await context.addCookies([{ name: deviceCookieName, value: who, url: base }]);
  const page = await context.newPage();
  if (who !== null && typeof who !== 'string') {
    await signInStaff(page, base, who.username);
  }
  return page;
}

async function screenshot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
}

/** The element lies wholly inside the viewport (visible without scrolling). */
async function assertInViewport(page: Page, selector: string, where: string) {
  const box = await page.locator(selector).boundingBox();
  const viewport = page.viewportSize()!;
  assert.ok(box, `${where}: ${selector} is rendered`);
  assert.ok(
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
    `${where}: ${selector} at ${JSON.stringify(box)} is outside ${viewport.width}×${viewport.height}`,
  );
}

function assertNoViolations(violations: string[], where: string) {
  assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 2)}`);
}

test('kiosk at 1280×800: "no appointment" is above the fold in every language, the keypad reads left to right in Arabic and Persian', {
  timeout: 120_000,
}, async () => {
  const page = await pageAs(kioskToken, kioskLandscape);
  for (const lang of languages) {
    await page.goto(`${base}/kiosk/${office.location.slug}?lang=${lang}`);
    assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat', lang);
    await screenshot(page, `kiosk-${lang}`);
    await assertInViewport(page, '.kiosk-secondary', `kiosk ${lang}`);
    await assertInViewport(page, '.kiosk-primary', `kiosk ${lang}`);
    if (lang === 'ar' || lang === 'fa' || lang === 'de') assertNoViolations(await axeViolations(page), `kiosk ${lang}`);
  }
  // A kiosk mounted upright (1080×1920) keeps one column, everything on screen as well.
  await page.setViewportSize({ width: 1080, height: 1920 });
  for (const lang of ['de', 'ar']) {
    await page.goto(`${base}/kiosk/${office.location.slug}?lang=${lang}`);
    await screenshot(page, `kiosk-portrait-${lang}`);
    for (const selector of ['.kiosk-keypad', '.kiosk-primary', '.kiosk-secondary']) await assertInViewport(page, selector, `portrait ${lang}`);
  }
  await page.setViewportSize(kioskLandscape);
  for (const lang of ['ar', 'fa']) {
    await page.goto(`${base}/kiosk/${office.location.slug}?lang=${lang}`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.locator('.kiosk-keypad').evaluate((el) => getComputedStyle(el).direction), 'ltr');
    assert.equal(await page.locator('#code').evaluate((el) => getComputedStyle(el).direction), 'ltr');
    // The first key of the alphabet sits left of the second, as on every keyboard.
    const keys = page.locator('.kiosk-key');
    const [first, next] = [await keys.nth(0).boundingBox(), await keys.nth(1).boundingBox()];
    assert.ok(first && next && first.x < next.x, `${lang}: keypad runs left to right`);
    await keys.nth(0).click();
    await keys.nth(1).click();
    assert.equal(await page.inputValue('#code'), '23');
  }
});

test('kiosk in Arabic: the "too early" message leaves the submit button and "no appointment" on screen', { timeout: 60_000 }, async () => {
  const staff = await addStaff(db, 'clerk', { locationIds: [office.location.id], specialtyIds: [office.front] });
  const booked = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: staff.id,
    startsAt: new Date('2026-11-23T12:00:00Z'),
    language: 'ar',
  });
  const page = await pageAs(kioskToken, kioskLandscape);
  await page.goto(`${base}/kiosk/${office.location.slug}?lang=ar`);
  await page.locator('#code').fill(booked.code);
  await page.locator('.kiosk-primary').click();
  await page.locator('.kiosk-error').waitFor();
  assert.match((await page.locator('.kiosk-error').textContent()) ?? '', /مبكراً/);
  await screenshot(page, 'kiosk-ar-too-early');
  await assertInViewport(page, '.kiosk-error', 'too early (ar)');
  await assertInViewport(page, '.kiosk-primary', 'too early (ar)');
  await assertInViewport(page, '.kiosk-secondary', 'too early (ar)');
  assertNoViolations(await axeViolations(page), 'kiosk too early (ar)');
});

test('walk-in and ticket screens of the kiosk at 1280×800 pass axe', { timeout: 60_000 }, async () => {
  const page = await pageAs(kioskToken, kioskLandscape);
  await page.goto(`${base}/kiosk/${office.location.slug}/walk-in?lang=ar`);
  await screenshot(page, 'kiosk-walk-in-ar');
  await assertInViewport(page, '.kiosk-main > .kiosk-secondary', 'walk-in (ar): back to the start');
  assertNoViolations(await axeViolations(page), 'kiosk walk-in (ar)');
  await page.locator('.kiosk-concern').first().click();
  await page.waitForURL(/\/tickets\//);
  await screenshot(page, 'kiosk-ticket-ar');
  await assertInViewport(page, '.kiosk-actions .kiosk-secondary', 'ticket (ar): done');
  assertNoViolations(await axeViolations(page), 'kiosk ticket (ar)');
});

test('desk: the menu link leads back to the counter with the ticket in progress; values read as words', { timeout: 90_000 }, async () => {
  const clerk = await addStaff(db, 'clerk', { locationIds: [office.location.id], specialtyIds: [office.front] });
  const receptionist = (await loadStaffActor(db, (await addStaff(db, 'reception', { locationIds: [office.location.id] })).id, 'session'))!;
  await createWalkInTicket({ db, clock }, receptionist, { locationId: office.location.id, serviceId: office.service, language: 'ar' });
  const page = await pageAs(clerk, desktop);
  await page.getByRole('navigation').getByRole('link', { name: 'Platz (Aufruf)' }).click();
  assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat');
  await page.getByRole('heading', { name: /Platz wählen/ }).waitFor();
  await screenshot(page, 'desk-choose');
  await page.selectOption('#counter', { label: 'Schalter 2' });
  await page.getByRole('button', { name: 'Platz einnehmen' }).click();
  await page.getByTestId('call-next').click();
  const card = page.locator('.desk-card');
  await card.getByTestId('desk-current').waitFor();
  const number = (await card.getByTestId('desk-current').textContent())?.trim();
  assert.match((await card.textContent()) ?? '', /aufgerufen/);
  assert.match((await card.textContent()) ?? '', /SpracheArabisch/);
  assert.doesNotMatch((await card.textContent()) ?? '', /called|Sprache\s*ar\b/);

  // Elsewhere in the staff area and back through the menu: the same counter, the same ticket.
  await page.getByRole('navigation').getByRole('link', { name: 'Start', exact: true }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Platz (Aufruf)' }).click();
  await page.getByRole('heading', { name: /^Schalter 2 · / }).waitFor();
  assert.equal((await page.getByTestId('desk-current').textContent())?.trim(), number);
  await screenshot(page, 'desk-ticket');
  assertNoViolations(await axeViolations(page), 'desk with a called ticket');

  // Another counter is one click away.
  await page.getByRole('link', { name: 'Anderen Platz wählen' }).click();
  await page.getByRole('heading', { name: /Platz wählen/ }).waitFor();
});

test('reception and figures switch between the locations a person works at; an administrator sees every location', { timeout: 90_000 }, async () => {
  const both = [office.location.id, second.location.id];
  const lead = await addStaff(db, 'team_lead', { locationIds: both, specialtyIds: [office.front, second.front] });
  const page = await pageAs(lead, desktop);
  await page.getByRole('navigation').getByRole('link', { name: 'Empfang' }).click();
  assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat');
  const first = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const other = first.includes(office.location.name) ? second.location : office.location;
  await page.selectOption('#location-switch', { label: other.name });
  await page.getByRole('button', { name: 'Standort wechseln' }).click();
  await page.getByRole('heading', { level: 1, name: `Empfang · ${other.name}` }).waitFor();
  // Selects are readable (the page's own type size, not the browser's small default).
  const sizes = await page.evaluate(() => [...document.querySelectorAll('main select')].map((el) => parseFloat(getComputedStyle(el).fontSize)));
  assert.ok(sizes.length > 0 && sizes.every((size) => size >= 16), `select font sizes ${sizes.join(', ')}`);
  await screenshot(page, 'reception-switched');
  assertNoViolations(await axeViolations(page), 'reception');

  await page.goto(`${base}/figures`);
  await page.selectOption('#location-switch', { label: other.name });
  await page.getByRole('button', { name: 'Standort wechseln' }).click();
  await page.getByRole('heading', { level: 1, name: `Kennzahlen heute · ${other.name}` }).waitFor();
  assert.equal((await page.getByTestId('day').textContent())?.trim(), 'Mo., 23. Nov. 2026');
  await screenshot(page, 'figures-switched');
  assertNoViolations(await axeViolations(page), 'figures');

  // A location they do not work at is refused, not shown.
  const third = await createFrontOffice(db);
  assert.equal((await page.goto(`${base}/figures?location=${third.location.id}`))?.status(), 403);

  const admin = await addStaff(db, 'admin');
  const adminPage = await pageAs(admin, desktop);
  await adminPage.goto(`${base}/figures`);
  const options = await adminPage.locator('#location-switch option').allTextContents();
  for (const name of [office.location.name, second.location.name, third.location.name]) assert.ok(options.includes(name), `${name} in ${options.join(', ')}`);
});

test('figures: a 30-second wait reads "30 s"', { timeout: 60_000 }, async () => {
  const place = await createFrontOffice(db);
  const clerk = (await loadStaffActor(db, (await addStaff(db, 'clerk', { locationIds: [place.location.id], specialtyIds: [place.front] })).id, 'session'))!;
  const receptionist = await addStaff(db, 'reception', { locationIds: [place.location.id] });
  const local = fixedClock('2026-11-23T09:00:00Z');
  await createWalkInTicket({ db, clock: local }, (await loadStaffActor(db, receptionist.id, 'session'))!, {
    locationId: place.location.id,
    serviceId: place.service,
    language: 'de',
  });
  local.advance(30_000);
  await callNextTicket({ db, clock: local }, clerk, { locationId: place.location.id, counterId: place.counters[0]!.id });
  const page = await pageAs(receptionist, desktop);
  await page.goto(`${base}/figures`);
  assert.equal((await page.getByTestId('wait-median').textContent())?.trim(), '30 s');
});

test('figures over a period at 1366×768: charts drawn, each with its table, zero axe violations, nothing wider than the screen', {
  timeout: 60_000,
}, async () => {
  const lead = await addStaff(db, 'team_lead', { locationIds: [office.location.id], specialtyIds: [office.front] });
  const page = await pageAs(lead, desktop);
  const response = await page.goto(`${base}/staff/figures?location=${office.location.id}&from=2026-11-01&to=2026-11-23`);
  assert.equal(response?.status(), 200);
  assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat');
  assert.ok((await page.locator('figure.chart > svg[role=img]').count()) >= 3, 'visits, share and no-shows at least (waits and fees where there are any)');
  const chart = await page.locator('#chart-visits > svg').boundingBox();
  assert.ok(chart && chart.width > 600 && chart.height > 150, `the chart is drawn at a readable size: ${JSON.stringify(chart)}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scrolling');
  await page.locator('#chart-visits summary').click();
  assert.equal(await page.locator('#chart-visits table tbody tr').count(), 23, 'one row per day');
  await screenshot(page, 'staff-figures-period');
  assertNoViolations(await axeViolations(page), 'period figures');
});

test('figures of case work (applications, time to decision, procedures, look-ups beside calls) and the calls form: zero axe violations', {
  timeout: 60_000,
}, async () => {
  const { procedureId } = await procedureWithPerson(db, { locationId: second.location.id, now: new Date('2026-11-16T09:00:00Z') });
  await db
    .transaction()
    .execute((trx) => moveProcedureToStatus(trx, { procedureId, code: 'decided', by: { staffId: null, label: 'Test' } }, new Date('2026-11-20T09:00:00Z')));
  await seedDemoForms(db, clock, second.location.id);
  const version = await db.selectFrom('application_form_version').select('id').where('state', '=', 'published').executeTakeFirstOrThrow();
  const submitted = new Date('2026-11-18T10:00:00Z');
  await db
    .insertInto('application')
    .values({
      form_version_id: version.id,
      lang: 'uk',
      token_hash: 'a'.repeat(64),
      state: 'submitted',
      submitted_at: submitted,
      person_match: 'new',
      created_at: submitted,
      updated_at: submitted,
    })
    .execute();
  const page = await pageAs(await addStaff(db, 'admin'), desktop);
  assert.equal((await page.goto(`${base}/staff/figures?location=${second.location.id}&from=2026-11-16&to=2026-11-23`))?.status(), 200);
  for (const caption of ['je Formular und Woche', 'Tage vom Antrag bis zur Entscheidung', 'Jetzt offene Verfahren', 'eröffnete und abgeschlossene Verfahren'])
    assert.equal(await page.locator('caption', { hasText: caption }).count(), 1, caption);
  await page.locator('summary', { hasText: 'Status-Abfragen und Anrufe je Tag' }).click();
  assert.equal(await page.locator('details:has(summary:text("Status-Abfragen und Anrufe je Tag")) tbody tr').count(), 8, 'one row per day');
  await screenshot(page, 'staff-figures-cases');
  assertNoViolations(await axeViolations(page), 'figures of case work');
  await page.getByRole('link', { name: 'Anrufe eintragen' }).click();
  await page.fill('#day', '2026-11-24');
  await page.fill('#calls', '12');
  assert.ok(await page.$eval('#day', (input) => (input as HTMLInputElement).validity.rangeOverflow), 'the browser refuses a day after today');
  // Without that check (an older browser), the server refuses it with a message.
  await page.$eval('#day', (input) => input.removeAttribute('max'));
  await page.locator('main form button[type="submit"]').click();
  await page.getByText('Der Tag liegt in der Zukunft').waitFor();
  assertNoViolations(await axeViolations(page), 'calls form with an error');
});

test('the call display at 1920×1080 renders in standards mode and fills the screen', { timeout: 60_000 }, async () => {
  const quiet = await createFrontOffice(db);
  const page = await pageAs(await deviceToken(db, 'display', quiet.location.id), { width: 1920, height: 1080 });
  await page.goto(`${base}/display/${quiet.location.slug}`);
  assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat');
  await page.getByText('Noch kein Aufruf').waitFor();
  const main = await page.locator('.display-main').boundingBox();
  assert.ok(main && main.height >= 1080 - 1 && main.width >= 1920 - 1, `display area ${JSON.stringify(main)}`);
  await screenshot(page, 'display');
  assertNoViolations(await axeViolations(page), 'display');
});

test('the start page: cards of what waits at the own location pass axe, in one column at 320 px', { timeout: 60_000 }, async () => {
  const lead = await addStaff(db, 'team_lead', { locationIds: [office.location.id], specialtyIds: [office.front] });
  await bookAppointment(db, { locationId: office.location.id, serviceId: office.service, staffId: lead.id, startsAt: new Date('2026-11-23T13:00:00Z') });
  const page = await pageAs(lead, desktop);
  await page.goto(`${base}/staff`);
  const today = page.getByRole('region', { name: `Termine heute · ${office.location.name}` });
  assert.match((await today.getByRole('list').textContent()) ?? '', /14:00 Uhr · Verlängerung Aufenthaltstitel/);
  await page.getByRole('region', { name: 'Nachrichten' }).waitFor();
  await screenshot(page, 'staff-home');
  assertNoViolations(await axeViolations(page), 'staff start page');
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), 'no horizontal scrolling at 320 px');
  assertNoViolations(await axeViolations(page), 'staff start page at 320 px');
  await today.getByRole('link', { name: 'Zum Empfang' }).click();
  await page.getByRole('heading', { level: 1, name: `Empfang · ${office.location.name}` }).waitFor();
});

test('standards mode and a skip link to the main content on staff, error and portal pages', { timeout: 60_000 }, async () => {
  const admin = await pageAs(await addStaff(db, 'admin'), desktop);
  const anonymous = await pageAs(null, desktop);
  const pages: [Page, string, string][] = [
    [admin, '/staff/admin/staff', 'Zum Inhalt springen'],
    [admin, '/staff/admin/locations', 'Zum Inhalt springen'],
    [anonymous, '/no-such-page', 'Zum Inhalt springen'],
    [anonymous, '/staff/admin/staff', 'Zum Inhalt springen'],
    [anonymous, '/de/', 'Zum Inhalt springen'],
    [anonymous, '/ar/', 'الانتقال إلى المحتوى'],
  ];
  for (const [page, path, skipText] of pages) {
    await page.goto(`${base}${path}`);
    assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat', path);
    const skip = page.locator('a.skip-link');
    assert.equal((await skip.textContent())?.trim(), skipText, path);
    assert.equal(await page.locator(`main${(await skip.getAttribute('href')) ?? ''}`).count(), 1, `${path}: the skip link points at <main>`);
  }
});

test('information pages: the admin screens and the kiosk’s QR codes pass axe, the translation form is right to left in Arabic', {
  timeout: 120_000,
}, async () => {
  const info = await addInfoPages(db);
  const admin = await pageAs(await addStaff(db, 'admin'), desktop);
  for (const path of [
    '/staff/admin/info-pages',
    '/staff/admin/info-pages/new',
    `/staff/admin/info-pages/${info.pageId}`,
    `/staff/admin/info-pages/${info.pageId}/texts/ar`,
  ]) {
    await admin.goto(`${base}${path}`);
    assertNoViolations(await axeViolations(admin), path);
  }
  assert.equal(await admin.locator('#page-body').evaluate((el) => getComputedStyle(el).direction), 'rtl');
  const kiosk = await pageAs(kioskToken, kioskLandscape);
  for (const lang of ['de', 'ar']) {
    await kiosk.goto(`${base}/kiosk/${office.location.slug}?lang=${lang}`);
    assert.equal(await kiosk.locator('.kiosk-info svg').count(), 1, lang);
    await assertInViewport(kiosk, '.kiosk-secondary', `kiosk ${lang} with information pages`);
    assertNoViolations(await axeViolations(kiosk), `kiosk ${lang} with information pages`);
  }
});

test('the lottery: its setting on the service page and the figures of each draw pass axe', { timeout: 60_000 }, async () => {
  const admin = await pageAs(await addStaff(db, 'admin'), desktop);
  for (const path of ['/staff/admin/services/new', '/staff/lottery']) {
    await admin.goto(`${base}${path}`);
    assertNoViolations(await axeViolations(admin), path);
  }
  assert.equal(await admin.locator('main h1').innerText(), 'Verlosungen der Tagestermine');
});
