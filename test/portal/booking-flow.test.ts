import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock } from '../app.ts';
import { createTestOffice } from './office-fixture.ts';
import { PortalClient } from './portal-client.ts';
import { solvePagePow } from './pow-helper.ts';

const { db, url } = await createTestDatabase();
await createTestOffice(db);
// Monday 2026-11-23, 07:00 in Berlin.
const clock = fixedClock('2026-11-23T06:00:00Z');
const app = createTestApp(db, { url, clock, portal: { powMaxNumber: 2000, noScriptBookingsPerIpPerHour: 50, bookingsPerIpPerHour: 50 } });

test('a booking without JavaScript goes from calendar to confirmation and can be cancelled', async () => {
  const client = new PortalClient(app);
  const calendar = await client.get('/de/book/extension/mitte');
  assert.equal(calendar.status, 200);
  const dayLink = /href="(\/de\/book\/extension\/mitte\/2026-11-23)"/.exec(calendar.html);
  assert.ok(dayLink, 'today is offered');
  const times = await client.get(dayLink[1]!);
  const start = /name="start" value="([^"]+)"/.exec(times.html)![1]!;
  assert.equal(start, '2026-11-23T07:00:00.000Z');
  const details = await client.get(`/de/book/extension/mitte/details?start=${encodeURIComponent(start)}`);
  assert.equal(details.status, 200);
  const booked = await client.post('/de/book/extension/mitte/details', details.html, {
    start,
    name: 'Amina Haddad',
    dateOfBirth: '1990-03-15',
    email: 'amina@example.org',
    phone: '',
    language: 'ar',
    consent: 'yes',
    altcha: '',
  });
  assert.equal(booked.status, 303, booked.html.slice(0, 2000));
  const confirmation = await client.get(booked.location!);
  assert.equal(confirmation.status, 200);
  const code = /class="code"><span aria-hidden="true"><bdi dir="ltr" class="ltr">([A-Z0-9]{8})</.exec(confirmation.html)?.[1];
  assert.ok(code, 'the code is shown');
  assert.match(confirmation.html, /<svg role="img"/);
  const rows = await db.selectFrom('appointment').selectAll().execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.code, code);
  assert.equal(rows[0]!.language, 'ar');

  const ics = await client.get(`/de/appointment/${code}/calendar.ics`);
  assert.equal(ics.status, 200);
  assert.match(ics.html, /BEGIN:VCALENDAR\r\n/);

  // Cancelling asks first: the confirmation page only links to the question, and the question
  // names the appointment; nothing is cancelled until its form is sent.
  assert.doesNotMatch(confirmation.html, /action="\/de\/appointment\/[A-Z0-9]+\/cancel"/);
  assert.match(confirmation.html, new RegExp(`href="/de/appointment/${code}/cancel"`));
  const question = await client.get(`/de/appointment/${code}/cancel`);
  assert.equal(question.status, 200);
  assert.match(question.html, /Termin wirklich absagen\?/);
  assert.match(question.html, new RegExp(code));
  assert.match(question.html, new RegExp(`href="/de/appointment/${code}"[^>]*>Nein, Termin behalten`));
  assert.equal((await db.selectFrom('appointment').select('status').executeTakeFirstOrThrow()).status, 'booked');
  const cancelled = await client.post(`/de/appointment/${code}/cancel`, question.html, {});
  assert.equal(cancelled.status, 303);
  const after = await client.get(cancelled.location!);
  assert.match(after.html, /Termin abgesagt/);
  assert.equal((await db.selectFrom('appointment').select('status').executeTakeFirstOrThrow()).status, 'cancelled');
});

test('a cancelled time returns to the public calendar only after the re-release delay', async () => {
  const delayed = createTestApp(db, { url, clock, portal: { releaseDelayMinutes: 60, noScriptBookingsPerIpPerHour: 50, bookingsPerIpPerHour: 50 } });
  const client = new PortalClient(delayed);
  const start = '2026-11-24T10:00:00.000Z';
  const details = await client.get(`/en/book/extension/mitte/details?start=${encodeURIComponent(start)}`);
  const booked = await client.post('/en/book/extension/mitte/details', details.html, {
    start,
    name: 'Ali Rezaei',
    dateOfBirth: '1979-11-02',
    email: 'ali@example.org',
    phone: '',
    language: 'fa',
    consent: 'yes',
    altcha: '',
  });
  assert.equal(booked.status, 303);
  const cancelPath = `/en/appointment/${/appointment\/([A-Z0-9]+)/.exec(booked.location!)![1]}/cancel`;
  const question = await client.get(cancelPath);
  assert.equal((await client.post(cancelPath, question.html, {})).status, 303);
  const times = async () => (await client.get('/en/book/extension/mitte/2026-11-24')).html;
  assert.doesNotMatch(await times(), new RegExp(start), 'hidden right after the cancellation');
  const other = new PortalClient(delayed);
  const again = await other.get(`/en/book/extension/mitte/details?start=${encodeURIComponent(start)}`);
  const sneaky = await other.post('/en/book/extension/mitte/details', again.html, {
    start,
    name: 'Bot Reseller',
    dateOfBirth: '1980-01-01',
    email: 'bot@example.org',
    phone: '',
    language: 'en',
    consent: 'yes',
    altcha: '',
  });
  assert.equal(sneaky.status, 409, 'a direct post cannot take it either');
  clock.advance(61 * 60_000);
  assert.match(await times(), new RegExp(start), 'offered again after the delay');
  clock.set('2026-11-23T06:00:00Z');
});

test('two people sending the same time at the same moment: one booking, one offer of other times', async () => {
  const start = '2026-11-25T10:00:00.000Z';
  const clients = Array.from({ length: 6 }, () => new PortalClient(app));
  const pages = await Promise.all(clients.map((c) => c.get(`/de/book/extension/mitte/details?start=${encodeURIComponent(start)}`)));
  const results = await Promise.all(
    clients.map((c, i) =>
      c.post('/de/book/extension/mitte/details', pages[i]!.html, {
        start,
        name: `Person ${'ABCDEF'[i]}`,
        dateOfBirth: `1990-01-0${i + 1}`,
        email: `p${i}@example.org`,
        phone: '',
        language: 'de',
        consent: 'yes',
        altcha: '',
      }),
    ),
  );
  assert.deepEqual(results.map((r) => r.status).sort(), [303, 409, 409, 409, 409, 409]);
  const rows = await db.selectFrom('appointment').select('id').where('starts_at', '=', new Date(start)).where('status', '=', 'booked').execute();
  assert.equal(rows.length, 1);
});

test('back after booking and the form again: the person is shown their own booking, not "security check failed" or "taken"', async () => {
  const client = new PortalClient(app);
  const start = '2026-11-26T09:00:00.000Z';
  const path = '/fa/book/extension/mitte/details';
  const details = await client.get(`${path}?start=${encodeURIComponent(start)}`);
  const fields = {
    start,
    name: 'علی‌رضا محمدی',
    dateOfBirth: '1987-06-01',
    email: 'alireza@example.org',
    phone: '',
    language: 'fa',
    consent: 'yes',
    altcha: await solvePagePow(details.html),
  };
  const booked = await client.post(path, details.html, fields);
  assert.equal(booked.status, 303);
  const code = /appointment\/([A-Z0-9]+)/.exec(booked.location!)![1]!;

  // The same page sent again, with its spent proof of work (the browser's back button).
  const again = await client.post(path, details.html, fields);
  assert.equal(again.status, 303, again.html.slice(0, 500));
  assert.equal(again.location, `/fa/appointment/${code}?notice=already`);
  const shown = await client.get(again.location!);
  assert.equal(shown.status, 200);
  assert.match(shown.html, /شما این نوبت را قبلاً گرفته‌اید/);
  assert.match(shown.html, new RegExp(code));
  // Back to the details page when the browser loads it again.
  const reloaded = await client.get(`${path}?start=${encodeURIComponent(start)}`);
  assert.equal(reloaded.location, `/fa/appointment/${code}?notice=already`);
  assert.equal((await db.selectFrom('appointment').select('id').where('email', '=', 'alireza@example.org').execute()).length, 1);

  // Another browser, or another person in this one, learns nothing about the booking.
  const stranger = new PortalClient(app);
  const page = await stranger.get(`${path}?start=${encodeURIComponent(start)}`);
  assert.equal(page.status, 409);
  const strangerPost = await stranger.post(path, page.html, { ...fields, altcha: '' });
  assert.notEqual(strangerPost.status, 303);
  assert.doesNotMatch(strangerPost.html, new RegExp(code));
  const someoneElse = await client.post(path, details.html, { ...fields, email: 'other@example.org', altcha: '' });
  assert.equal(someoneElse.status, 409);
  assert.doesNotMatch(someoneElse.html, new RegExp(code));
});
