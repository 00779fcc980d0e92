import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bookAppointment, cancelAndNotify, onlineRequester } from '../src/features/appointments/index.ts';
import { offerFreedTimes } from '../src/features/waiting-list/offer-freed-times.ts';
import { createClerk, createOffice, createService, person } from '../test/office-factory.ts';
import { axeViolations, launchBrowser } from './browser.ts';
import { startPortal } from './portal-server.ts';

const portal = await startPortal();
const browser: Browser = await launchBrowser();
const { db, clock, jobs } = portal;

async function checkedAxe(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${what} fits 360 px (overflow ${overflow})`);
}

test('on a phone in Arabic: a full calendar leads to the waiting list; confirming, then accepting the offered time from the mail', async () => {
  // A service whose window (today and tomorrow, one clerk 08:00–09:00) is booked out.
  const office = await createOffice(db);
  const serviceId = await createService(db, office, { maxDaysAhead: 1, texts: { de: 'Übertrag auf neuen Pass', ar: 'نقل الإقامة إلى جواز جديد' } });
  await createClerk(db, office, { starts: '08:00', ends: '09:00' });
  const booked: string[] = [];
  for (const start of ['2026-11-23T08:00:00+01:00', '2026-11-23T08:30:00+01:00', '2026-11-24T08:00:00+01:00', '2026-11-24T08:30:00+01:00'])
    booked.push(
      (await bookAppointment({ db, clock }, { serviceId, locationId: office.locationId, start, person: person(), actor: onlineRequester })).appointment.id,
    );
  const { slug: service } = await db.selectFrom('service').select('slug').where('id', '=', serviceId).executeTakeFirstOrThrow();
  const { slug: location } = await db.selectFrom('location').select('slug').where('id', '=', office.locationId).executeTakeFirstOrThrow();

  const context = await browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/ar/book/${service}/${location}`);
  await page.click(`main a[href="/ar/waiting-list/join/${service}/${location}"]`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  await checkedAxe(page, 'the join form');
  await page.fill('#name', 'أمينة حداد');
  await page.fill('#dateOfBirth', '1992-09-12');
  await page.fill('#email', 'amina.wait@example.org');
  await page.check('#consent');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/ar\/waiting-list\/joined$/);
  await checkedAxe(page, 'the page after joining');

  const confirmMail = await portal.mail((m) => m.to !== undefined && !Array.isArray(m.to) && m.to.text.includes('amina.wait@example.org'));
  assert.equal(confirmMail.headers.get('content-language'), 'ar');
  const entryLink = /(http:\/\/127\.0\.0\.1:\d+\/ar\/waiting-list\/entry\/[A-Za-z0-9_-]{32})/.exec(confirmMail.text ?? '')?.[1];
  assert.ok(entryLink, 'the mail carries the entry link');
  await page.goto(entryLink);
  await checkedAxe(page, 'the entry page before confirming');
  await page.locator('main form button[type="submit"]').first().click();
  await page.waitForURL(entryLink);
  assert.match(await page.locator('main [role="status"]').innerText(), /1/);
  await checkedAxe(page, 'the entry page with the place in line');

  // A booking is cancelled; once its re-release delay is over the time goes to the list.
  await cancelAndNotify({ db, clock, notices: { changed: async () => {} } }, { appointmentId: booked[2]!, verifiedByPortal: true }, onlineRequester);
  clock.advance(61 * 60_000);
  const deps = { db, clock, jobs, notices: { changed: async () => {} }, publicUrl: portal.baseUrl, settings: { offerMinutes: 30, releaseDelayMinutes: 60 } };
  assert.equal(await offerFreedTimes(deps, office.locationId), 1);
  const offerMail = await portal.mail((m) => /\/ar\/waiting-list\/offer\//.test(m.text ?? ''));
  const offerLink = /(http:\/\/127\.0\.0\.1:\d+\/ar\/waiting-list\/offer\/[A-Za-z0-9_-]{32})/.exec(offerMail.text ?? '')?.[1];
  assert.ok(offerLink, 'the offer mail carries the link');
  await page.goto(offerLink);
  await checkedAxe(page, 'the offer page');
  const held = await db.selectFrom('appointment').select('status').where('service_id', '=', serviceId).where('status', 'in', ['held', 'booked']).execute();
  assert.equal(held.filter((a) => a.status === 'held').length, 1, 'opening the link books nothing');
  await page.locator('main form button[type="submit"]').first().click();
  await page.waitForURL(/\/ar\/appointment\/[A-Z0-9]{8}\?notice=booked|\/ar\/appointment\/[A-Z0-9]{8}$/);
  await checkedAxe(page, 'the booked appointment');
  const code = /\/ar\/appointment\/([A-Z0-9]{8})/.exec(page.url())?.[1];
  assert.ok(code);
  // The regular confirmation follows, in Arabic, as for every booking.
  const confirmation = await portal.mail((m) => (m.text ?? '').includes(code) && m.headers.get('content-language') === 'ar');
  assert.ok(confirmation.attachments.some((a) => a.filename === `termin-${code}.ics`));
  const after = await db.selectFrom('appointment').select('status').where('service_id', '=', serviceId).where('status', '=', 'held').execute();
  assert.equal(after.length, 0);
  await context.close();
});
