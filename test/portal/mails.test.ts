import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { createTestDatabase } from '../database.ts';
import { createTestApp, createTestJobs, fixedClock } from '../app.ts';
import { reminderJob } from '../../src/features/appointments/reminder-job.ts';
import { renderIcs } from '../../src/features/portal/ics.ts';
import { createTestOffice } from './office-fixture.ts';
import { PortalClient } from './portal-client.ts';
import { createOutbox, noticesSettled } from '../outbox.ts';

const { db, url } = await createTestDatabase();
await createTestOffice(db);
const clock = fixedClock('2026-11-23T06:00:00Z');
const jobs = createTestJobs(url);
const { waitFor: waitForMail } = await createOutbox(jobs);
const app = createTestApp(db, { jobs, clock, portal: { powMaxNumber: 2000, noScriptBookingsPerIpPerHour: 100 } });

async function book(client: PortalClient, lang: string, start: string, email: string) {
  const page = await client.get(`/${lang}/book/extension/mitte/details?start=${encodeURIComponent(start)}`);
  const response = await client.post(`/${lang}/book/extension/mitte/details`, page.html, {
    start,
    name: 'Amina Haddad',
    dateOfBirth: '1990-03-15',
    email,
    phone: '',
    language: lang,
    consent: 'yes',
    altcha: '',
  });
  assert.equal(response.status, 303);
  return /\/appointment\/([A-Z0-9]+)/.exec(response.location!)![1]!;
}

test("the confirmation mail is in the person's language with a German summary, a working link and a valid .ics", async () => {
  const client = new PortalClient(app);
  const code = await book(client, 'ar', '2026-11-25T09:00:00.000Z', 'amina@example.org');
  const mail = await waitForMail((m) => (m.text ?? '').includes(code) && (m.subject ?? '').includes('موعدك'));
  assert.equal(mail.headers.get('content-language'), 'ar');
  assert.match(mail.text ?? '', /Deutsche Zusammenfassung/);
  assert.match(mail.text ?? '', /Verlängerung Aufenthaltstitel/);
  assert.match(String(mail.html), /dir="rtl"/);
  const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
  assert.ok(ics);
  const text = ics.content.toString('utf8');
  assert.ok(
    text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
    'lines folded at 75 octets',
  );
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
  assert.equal(event.startDate.toJSDate().toISOString(), '2026-11-25T09:00:00.000Z');
  assert.equal(event.endDate.toJSDate().toISOString(), '2026-11-25T09:30:00.000Z');
  assert.match(event.summary, /تمديد تصريح الإقامة/);
  assert.match(event.description, new RegExp(code));
  assert.ok(event.uid);

  const link = /(http:\/\/localhost:3000\/ar\/appointment\/[A-Z0-9]+\?s=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
  assert.ok(link, 'the mail carries the change/cancel link');
  const stranger = new PortalClient(app);
  const opened = await stranger.get(link.replace('http://localhost:3000', ''));
  assert.equal(opened.status, 303);
  const page = await stranger.get(opened.location!);
  assert.equal(page.status, 200);
  assert.match(page.html, new RegExp(code));
});

test('Persian and Arabic mails and pages show the Gregorian date in Latin digits, Arabic with the Arabic comma', async () => {
  const persianDigits = /[\u06F0-\u06F9\u0660-\u0669]/;
  const client = new PortalClient(app);
  const fa = await book(client, 'fa', '2026-11-30T08:00:00.000Z', 'reza@example.org');
  const faMail = await waitForMail((m) => (m.text ?? '').includes(fa));
  const faOwn = (faMail.text ?? '').split('Deutsche Zusammenfassung')[0]!;
  assert.match(faOwn, /دوشنبه 30 نوامبر 2026 ساعت 09:00/, 'Monday 30 November 2026, Gregorian');
  assert.doesNotMatch(faOwn, /آذر|1405/, 'no Solar Hijri date');
  assert.doesNotMatch(`${faMail.subject} ${faMail.text} ${faMail.html}`, persianDigits);
  const faPage = await client.get(`/fa/appointment/${fa}`);
  assert.match(faPage.html, /دوشنبه 30 نوامبر 2026/);
  assert.doesNotMatch(faPage.html, /آذر|1405/);
  assert.doesNotMatch(faPage.html, persianDigits);

  const ar = await book(new PortalClient(app), 'ar', '2026-11-30T09:00:00.000Z', 'amal@example.org');
  const arMail = await waitForMail((m) => (m.text ?? '').includes(ar));
  const arWhen = (arMail.text ?? '').split('\n').find((line) => line.startsWith('الموعد:'));
  assert.equal(arWhen, 'الموعد: الاثنين، 30 نوفمبر 2026 في 10:00');
  assert.doesNotMatch(arMail.text ?? '', persianDigits);
});

test('a reminder is planned for the day before; a cancelled or moved appointment gets no stale reminder', async () => {
  const client = new PortalClient(app);
  const code = await book(client, 'de', '2026-11-26T08:00:00.000Z', 'rem@example.org');
  await noticesSettled(db);
  const planned = await sql<{
    data: { appointmentId: string; startsAt: string };
    start_after: Date;
  }>`SELECT data, start_after FROM pgboss.job WHERE name = 'portal.reminder' AND data->>'startsAt' = '2026-11-26T08:00:00.000Z'`.execute(db);
  assert.equal(planned.rows.length, 1);
  assert.equal(new Date(planned.rows[0]!.start_after).toISOString(), '2026-11-25T08:00:00.000Z');
  const job = reminderJob({ db, jobs, clock, publicUrl: 'http://localhost:3000' });
  const mailsBefore = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send'`.execute(db);

  // Moved: the old reminder is stale and sends nothing.
  const page = await client.get(`/de/appointment/${code}/reschedule/2026-11-27`);
  assert.equal(page.status, 200);
  const moved = await client.post(`/de/appointment/${code}/reschedule`, page.html, { start: '2026-11-27T09:00:00.000Z' });
  assert.equal(moved.status, 303);
  await noticesSettled(db);
  await job.handle(planned.rows[0]!.data, { id: 'x', retryCount: 0 });
  const mailsAfterMove = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send'`.execute(db);
  assert.equal(mailsAfterMove.rows[0]!.n, mailsBefore.rows[0]!.n + 1, 'only the "moved" message, no stale reminder');
  await waitForMail((m) => (m.subject ?? '').includes('verschoben') && (m.text ?? '').includes(code));

  // The new reminder is valid until the appointment is cancelled.
  await noticesSettled(db);
  const fresh = await sql<{
    data: { appointmentId: string; startsAt: string };
  }>`SELECT data FROM pgboss.job WHERE name = 'portal.reminder' AND data->>'startsAt' = '2026-11-27T09:00:00.000Z'`.execute(db);
  assert.equal(fresh.rows.length, 1);
  const question = await client.get(`/de/appointment/${code}/cancel`);
  assert.equal((await client.post(`/de/appointment/${code}/cancel`, question.html, {})).status, 303);
  await waitForMail((m) => (m.subject ?? '').includes('abgesagt') && (m.text ?? '').includes(code));
  await noticesSettled(db);
  const beforeStale = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send'`.execute(db);
  await job.handle(fresh.rows[0]!.data, { id: 'y', retryCount: 0 });
  const afterStale = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send'`.execute(db);
  assert.equal(afterStale.rows[0]!.n, beforeStale.rows[0]!.n, 'a cancelled appointment gets no reminder');
});

test('a due reminder of a booked appointment is sent once', async () => {
  const client = new PortalClient(app);
  const code = await book(client, 'uk', '2026-11-30T10:00:00.000Z', 'once@example.org');
  const row = await db.selectFrom('appointment').select(['id']).where('code', '=', code).executeTakeFirstOrThrow();
  const job = reminderJob({ db, jobs, clock, publicUrl: 'http://localhost:3000' });
  await job.handle({ appointmentId: row.id, startsAt: '2026-11-30T10:00:00.000Z' }, { id: 'a', retryCount: 0 });
  await job.handle({ appointmentId: row.id, startsAt: '2026-11-30T10:00:00.000Z' }, { id: 'a', retryCount: 1 });
  const mail = await waitForMail((m) => (m.subject ?? '').includes('Нагадування') && (m.text ?? '').includes(code));
  assert.match(mail.subject ?? '', /Erinnerung/);
  const reminders = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'subject' LIKE 'Нагадування%'`.execute(db);
  assert.equal(reminders.rows[0]!.n, 1);
});

test('.ics text escapes, folds multi-byte text without splitting characters, and ends lines in CRLF', () => {
  const text = renderIcs({
    uid: 'x@lotse',
    start: new Date('2026-03-29T01:30:00Z'),
    end: new Date('2026-03-29T02:00:00Z'),
    stamp: new Date('2026-03-01T00:00:00Z'),
    summary: 'موعد; تمديد, تصريح الإقامة '.repeat(6),
    location: 'Hauptstraße 1, Berlin',
    description: 'Zeile 1\nZeile 2',
  });
  assert.ok(!/[^\r]\n/.test(text), 'only CRLF line ends');
  const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
  assert.equal(parsed.summary, 'موعد; تمديد, تصريح الإقامة '.repeat(6));
  assert.equal(parsed.description, 'Zeile 1\nZeile 2');
  assert.equal(parsed.startDate.toJSDate().toISOString(), '2026-03-29T01:30:00.000Z');
});
