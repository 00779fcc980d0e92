import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { sql } from 'kysely';
import { createAppointmentNotifier, createPortalNotices } from '../src/features/appointments/mail-notifier.ts';
import { reminderJob } from '../src/features/appointments/reminder-job.ts';
import { cancelAppointmentForAbsence } from '../src/features/appointments/index.ts';
import type { StaffActor } from '../src/features/staff/roles.ts';
import { createTestApp, createTestJobs, fixedClock, json } from './app.ts';
import { createTestDatabase } from './database.ts';
import { createOutbox, noticesSettled, plannedReminders, queuedMailCount } from './outbox.ts';
import { createTestOffice } from './portal/office-fixture.ts';
import { PortalClient } from './portal/portal-client.ts';
import { addStaff, Browser } from './staff.ts';

// Every change of an appointment, whoever makes it (JSON API, staff), sends the portal's mails.
const { db, url } = await createTestDatabase();
const office = await createTestOffice(db);
const clock = fixedClock('2026-11-23T06:00:00Z'); // Monday, 07:00 in Berlin; clerks work 08:00–12:00
const jobs = createTestJobs(url);
const outbox = await createOutbox(jobs);
const app = createTestApp(db, { jobs, clock });
const publicUrl = 'http://localhost:3000';
const reminders = reminderJob({ db, jobs, clock, publicUrl });

// A clerk with an account who takes phone calls on Thursday afternoons.
const specialty = await db.selectFrom('specialty').select('id').executeTakeFirstOrThrow();
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId], specialtyIds: [specialty.id] });
await db.insertInto('working_hours').values({ staff_id: clerk.id, location_id: office.locationId, weekday: 4, starts: '13:00', ends: '17:00' }).execute();
const browser = new Browser(app);
await browser.signIn(clerk.username);
const phoneBooking = {
  serviceId: office.serviceId,
  locationId: office.locationId,
  name: 'Mariam Haidari',
  dateOfBirth: '1988-03-14',
  phone: '+49 170 000000',
  language: 'fa',
};

function book(start: string, person: { email: string; language?: string; dateOfBirth?: string }, headers: Record<string, string> = {}) {
  return app.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      serviceId: office.serviceId,
      locationId: office.locationId,
      start,
      person: { name: 'Olena Kovalenko', dateOfBirth: person.dateOfBirth ?? '1991-05-20', email: person.email, language: person.language ?? 'de' },
    }),
  });
}

async function booked(start: string, person: { email: string; language?: string }) {
  const response = await book(start, person);
  assert.equal(response.status, 201);
  const body = await json(response);
  return { id: body.appointment.id as string, code: body.appointment.code as string, secret: body.manageSecret as string };
}

function manage(code: string, secret: string, init: { method: 'DELETE' | 'PATCH'; body?: unknown }) {
  return app.request(`/api/v1/appointments/${code}`, {
    method: init.method,
    headers: { 'content-type': 'application/json', 'x-manage-secret': secret },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
}

function icsEvent(mail: ParsedMail) {
  const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
  assert.ok(ics, 'an .ics is attached');
  const calendar = new ICAL.Component(ICAL.parse(ics.content.toString('utf8')));
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
}

test("API booking: the confirmation in the person's language with a German summary, .ics, a working change link and the reminder", async () => {
  const email = 'api-book@example.org';
  const idempotencyKey = randomUUID();
  const first = await book('2026-11-25T09:00:00+01:00', { email, language: 'uk' }, { 'idempotency-key': idempotencyKey });
  assert.equal(first.status, 201);
  const { appointment } = await json(first);
  const mail = await outbox.waitForMail(email);
  assert.equal(mail.headers.get('content-language'), 'uk');
  assert.match(mail.subject ?? '', /Ihr Termin am/, 'German subject after the Ukrainian one');
  assert.match(mail.text ?? '', /Продовження дозволу на проживання/);
  assert.match(mail.text ?? '', /Deutsche Zusammenfassung/);
  assert.match(mail.text ?? '', new RegExp(appointment.code));
  const { method, event } = icsEvent(mail);
  assert.equal(method, 'PUBLISH');
  assert.equal(event.startDate.toJSDate().toISOString(), '2026-11-25T08:00:00.000Z');
  assert.equal(event.endDate.toJSDate().toISOString(), '2026-11-25T08:30:00.000Z');

  const link = /(http:\/\/localhost:3000\/uk\/appointment\/[A-Z0-9]+\?s=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
  assert.ok(link, 'the mail carries the change/cancel link');
  const client = new PortalClient(app);
  const opened = await client.get(link.replace(publicUrl, ''));
  assert.equal(opened.status, 303);
  const page = await client.get(opened.location!);
  assert.equal(page.status, 200);
  assert.match(page.html, new RegExp(appointment.code));

  const planned = await plannedReminders(db, appointment.id);
  assert.deepEqual(
    planned.map((r) => [r.data.startsAt, r.startAfter.toISOString()]),
    [['2026-11-25T08:00:00.000Z', '2026-11-24T08:00:00.000Z']],
  );

  // The same request again (a client retrying) answers with the same booking and sends nothing new.
  const replay = await book('2026-11-25T09:00:00+01:00', { email, language: 'uk' }, { 'idempotency-key': idempotencyKey });
  assert.equal(replay.status, 201);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  assert.equal(await queuedMailCount(db, email), 1);
  assert.equal((await plannedReminders(db, appointment.id)).length, 1);
});

test('API cancel: the cancellation mail with a CANCEL .ics; the reminder sends nothing later; a second cancel sends nothing', async () => {
  const email = 'api-cancel@example.org';
  const { id, code, secret } = await booked('2026-11-26T10:00:00+01:00', { email, language: 'en' });
  await outbox.waitForMail(email, (m) => /booked/.test(m.text ?? ''));
  const [reminder] = await plannedReminders(db, id);
  assert.ok(reminder);

  const cancelled = await manage(code, secret, { method: 'DELETE' });
  assert.equal(cancelled.status, 200);
  const mail = await outbox.waitForMail(email, (m) => /cancelled/.test(m.subject ?? ''));
  assert.match(mail.subject ?? '', /Your appointment on .* is cancelled · Ihr Termin am .* ist abgesagt/);
  assert.match(mail.text ?? '', /Book a new appointment: http:\/\/localhost:3000\/en\/services/);
  assert.equal(icsEvent(mail).method, 'CANCEL');

  assert.equal((await manage(code, secret, { method: 'DELETE' })).status, 200);
  const before = await queuedMailCount(db, email);
  assert.equal(before, 2, 'confirmation and one cancellation');
  await reminders.handle(reminder.data, { id: 'r', retryCount: 0 });
  assert.equal(await queuedMailCount(db, email), before, 'no reminder for a cancelled appointment');
});

test('two cancels of the same appointment at the same moment: one cancellation mail', async () => {
  const email = 'api-race@example.org';
  const { code, secret } = await booked('2026-11-26T11:00:00+01:00', { email });
  // The confirmation goes out first (a booking cancelled before that is told only of the cancellation).
  await noticesSettled(db);
  const answers = await Promise.all([manage(code, secret, { method: 'DELETE' }), manage(code, secret, { method: 'DELETE' })]);
  assert.deepEqual(
    answers.map((r) => r.status),
    [200, 200],
  );
  assert.equal(await queuedMailCount(db, email), 2, 'confirmation and exactly one cancellation');
});

test('API reschedule: the moved mail with the new time, and the reminder follows the new time', async () => {
  const email = 'api-move@example.org';
  const { id, code, secret } = await booked('2026-11-27T09:00:00+01:00', { email, language: 'fr' });
  const [old] = await plannedReminders(db, id);
  assert.ok(old);

  const moved = await manage(code, secret, { method: 'PATCH', body: { start: '2026-11-30T10:30:00+01:00' } });
  assert.equal(moved.status, 200);
  const mail = await outbox.waitForMail(email, (m) => /déplacé/.test(m.subject ?? ''));
  assert.match(mail.subject ?? '', /verschoben/);
  assert.match(mail.text ?? '', /10:30/);
  assert.match(mail.text ?? '', /\/fr\/appointment\/[A-Z0-9]+\?s=/, 'the change link again');
  assert.equal(icsEvent(mail).event.startDate.toJSDate().toISOString(), '2026-11-30T09:30:00.000Z');

  const planned = await plannedReminders(db, id);
  assert.deepEqual(
    planned.map((r) => [r.data.startsAt, r.startAfter.toISOString()]),
    [
      ['2026-11-27T08:00:00.000Z', '2026-11-26T08:00:00.000Z'],
      ['2026-11-30T09:30:00.000Z', '2026-11-29T09:30:00.000Z'],
    ],
  );
  const count = await queuedMailCount(db, email);
  await reminders.handle(old.data, { id: 'old', retryCount: 0 });
  assert.equal(await queuedMailCount(db, email), count, 'the reminder for the old time sends nothing');
  await reminders.handle(planned[1]!.data, { id: 'new', retryCount: 0 });
  const reminder = await outbox.waitForMail(email, (m) => /Rappel/.test(m.subject ?? ''));
  assert.match(reminder.text ?? '', /10:30/);
});

test('a refused change queues no mail: time taken, duplicate booking, wrong secret, move to a taken time', async () => {
  const taker = 'taker@example.org';
  await booked('2026-12-01T09:00:00+01:00', { email: taker });
  const late = 'late@example.org';
  const taken = await book('2026-12-01T09:00:00+01:00', { email: late, dateOfBirth: '1985-01-01' });
  assert.equal(taken.status, 409);
  assert.equal((await json(taken)).code, 'slot_taken');
  assert.equal(await queuedMailCount(db, late), 0);

  const duplicate = await book('2026-12-02T09:00:00+01:00', { email: taker });
  assert.equal(duplicate.status, 409);
  const problem = await json(duplicate);
  assert.equal(problem.code, 'duplicate_booking');
  assert.doesNotMatch(JSON.stringify(problem), /2026-12-01|09:00|08:00|Hauptstra/, 'the answer does not say when or where the appointment is');
  // The person learns it by mail, at the address the appointment was booked with: no new booking, no reminder.
  const told = await outbox.waitForMail(taker, (m) => /bestehender Termin/.test(m.subject ?? ''));
  assert.match(told.text ?? '', /Ein weiterer Termin für dieses Anliegen wurde nicht gebucht/);
  assert.match(told.text ?? '', /09:00/);

  const mover = 'mover@example.org';
  const { code, secret } = await booked('2026-12-01T10:00:00+01:00', { email: mover });
  assert.equal((await manage(code, 'wrong-secret-wrong-secret', { method: 'DELETE' })).status, 404);
  assert.equal((await manage(code, 'wrong-secret-wrong-secret', { method: 'PATCH', body: { start: '2026-12-01T11:00:00+01:00' } })).status, 404);
  const clash = await manage(code, secret, { method: 'PATCH', body: { start: '2026-12-01T09:00:00+01:00' } });
  assert.equal(clash.status, 409);
  assert.equal(await queuedMailCount(db, taker), 2, "the taker's own confirmation and the note about the appointment they hold");
  assert.equal(await queuedMailCount(db, mover), 1, 'only the confirmation');
});

test('staff book a phone customer: the same confirmation with the change link; an office cancellation says so', async () => {
  const email = 'phone@example.org';
  const form = { ...phoneBooking, start: '2026-11-26T14:00' };
  const response = await browser.submit('/staff/calendar/book', '/staff/calendar/book', { ...form, email });
  assert.equal(response.status, 303);
  const row = await db.selectFrom('appointment').select(['id', 'code']).where('email', '=', email).executeTakeFirstOrThrow();
  const mail = await outbox.waitForMail(email);
  assert.equal(mail.headers.get('content-language'), 'fa');
  assert.match(String(mail.html), /dir="rtl"/);
  assert.match(mail.text ?? '', /تمدید اجازه اقامت/);
  assert.match(mail.text ?? '', /Deutsche Zusammenfassung/);
  assert.match(mail.text ?? '', new RegExp(`/fa/appointment/${row.code}\\?s=`));
  assert.equal(icsEvent(mail).event.startDate.toJSDate().toISOString(), '2026-11-26T13:00:00.000Z');
  assert.equal((await plannedReminders(db, row.id)).length, 1);

  // A second booking of the same time is refused and queues nothing.
  const again = await browser.submit('/staff/calendar/book', '/staff/calendar/book', { ...form, dateOfBirth: '1970-01-01', email: 'other-caller@example.org' });
  assert.equal(again.status, 409);
  assert.equal(await queuedMailCount(db, 'other-caller@example.org'), 0);

  // The office cancels (absence): the person reads that the office cancelled, the note and how to book again.
  const lead = await addStaff(db, 'team_lead', { locationIds: [office.locationId] });
  const notifier = createAppointmentNotifier({ jobs, clock, publicUrl, key: () => Promise.resolve('test-key') });
  const actor: StaffActor = {
    kind: 'staff',
    staffId: lead.id,
    displayName: 'Lead',
    username: lead.username,
    role: 'team_lead',
    locationIds: [office.locationId],
    specialtyIds: [],
    via: 'session',
  };
  await cancelAppointmentForAbsence({ db, clock, notices: notifier }, actor, {
    appointmentId: row.id,
    note: 'Bitte bringen Sie den alten Bescheid mit. <script>x</script>',
    screen: 'test',
  });
  const cancelled = await outbox.waitForMail(email, (m) => /abgesagt/.test(m.subject ?? ''));
  assert.match(cancelled.subject ?? '', /اداره اتباع خارجی/);
  assert.match(cancelled.subject ?? '', /von der Ausländerbehörde abgesagt/);
  assert.match(cancelled.text ?? '', /Bitte bringen Sie den alten Bescheid mit\./);
  assert.match(String(cancelled.html), /&lt;script&gt;x&lt;\/script&gt;/, 'the note is text, not markup');
  assert.match(cancelled.text ?? '', /http:\/\/localhost:3000\/fa\/services/);
  assert.match(cancelled.text ?? '', /Leider musste die Ausländerbehörde Ihren Termin absagen/);
  assert.equal(icsEvent(cancelled).method, 'CANCEL');
});

test('staff book someone without an e-mail address: booked, and nobody is written to; a malformed address is refused', async () => {
  const jobsBefore = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('mail.send', 'portal.reminder')`.execute(db);
  const noEmail = { ...phoneBooking, name: 'Yusuf Demir', dateOfBirth: '1979-09-09', language: 'tr', email: '' };
  assert.equal((await browser.submit('/staff/calendar/book', '/staff/calendar/book', { ...noEmail, start: '2026-11-26T15:00' })).status, 303);
  const row = await db.selectFrom('appointment').select(['id', 'email', 'status']).where('person_name', '=', 'Yusuf Demir').executeTakeFirstOrThrow();
  assert.deepEqual([row.email, row.status], ['', 'booked']);
  const jobsAfter = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('mail.send', 'portal.reminder')`.execute(db);
  assert.equal(jobsAfter.rows[0]!.n, jobsBefore.rows[0]!.n, 'no mail and no reminder');
  assert.match(await (await browser.get(`/staff/calendar/appointments/${row.id}`)).text(), /Yusuf Demir/);

  // Without an address, people are told apart by name: another caller with the same birthday books too,
  // the same caller a second time for the same service is refused.
  assert.equal(
    (await browser.submit('/staff/calendar/book', '/staff/calendar/book', { ...noEmail, name: 'Ayşe Demir', start: '2026-11-26T15:30' })).status,
    303,
  );
  const twice = await browser.submit('/staff/calendar/book', '/staff/calendar/book', { ...noEmail, start: '2026-11-26T16:00' });
  assert.equal(twice.status, 409);
  assert.equal((await db.selectFrom('appointment').select('id').where('date_of_birth', '=', '1979-09-09').execute()).length, 2);

  const malformed = await browser.submit('/staff/calendar/book', '/staff/calendar/book', {
    ...noEmail,
    name: 'Typo Caller',
    email: 'typo-at-example.org',
    start: '2026-11-26T16:00',
  });
  assert.equal(malformed.status, 422);
  assert.equal(await db.selectFrom('appointment').select('id').where('person_name', '=', 'Typo Caller').executeTakeFirst(), undefined);
});

test('a booking and its notice commit together: when delivery fails, the booking stands and its mail follows once, later', async () => {
  const failing = createTestApp(db, {
    jobs,
    clock,
    notifier: {
      async changed() {
        throw new Error('the mail could not be queued');
      },
    },
  });
  const email = 'atomic@example.org';
  // The other app's delivery of an earlier test's change would take this notice too (and succeed).
  await app.noticesIdle();
  const response = await failing.request('/api/v1/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      serviceId: office.serviceId,
      locationId: office.locationId,
      start: '2026-12-03T09:00:00+01:00',
      person: { name: 'Atomic Test', dateOfBirth: '1990-01-01', email, language: 'de' },
    }),
  });
  assert.equal(response.status, 201, "the person has the appointment: telling them is the outbox's job");
  const { appointment } = await json(response);
  const notice = () => db.selectFrom('appointment_notice').select(['kind', 'failed_attempts']).where('appointment_id', '=', appointment.id).executeTakeFirst();
  for (let i = 0; (await notice())?.failed_attempts === 0; i++) {
    assert.ok(i < 150, 'the delivery was tried');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal((await notice())?.kind, 'booked', 'the notice stays for the next delivery');
  assert.equal(await queuedMailCount(db, email), 0);

  // The sweep (any instance) delivers it once delivery works again; a second sweep adds nothing.
  const sweep = createPortalNotices({ db, jobs, clock, publicUrl, hmacKey: undefined });
  await sweep.deliver();
  await sweep.deliver();
  assert.equal(await notice(), undefined);
  assert.equal(await queuedMailCount(db, email), 1);
  assert.equal((await plannedReminders(db, appointment.id)).length, 1);
});
