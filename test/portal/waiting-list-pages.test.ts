import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { bookAppointment, cancelAndNotify, onlineRequester } from '../../src/features/appointments/index.ts';
import { offerFreedTimes } from '../../src/features/waiting-list/offer-freed-times.ts';
import { createTestApp, createTestJobs, fixedClock } from '../app.ts';
import { createTestDatabase } from '../database.ts';
import { createClerk, createOffice, createService, person } from '../office-factory.ts';
import { PortalClient } from './portal-client.ts';

const { db, url } = await createTestDatabase();
// Tuesday 1 December 2026, 07:00 in Wetzlar.
const clock = fixedClock('2026-12-01T06:00:00Z');
const jobs = createTestJobs(url);
const app = createTestApp(db, { jobs, clock, publicUrl: 'http://localhost' });
const office = await createOffice(db);
const serviceId = await createService(db, office, { maxDaysAhead: 1, texts: { de: 'Verlängerung', uk: 'Продовження' } });
await createClerk(db, office, { starts: '08:00', ends: '09:00' });
const booked: string[] = [];
for (const start of ['2026-12-01T08:00:00+01:00', '2026-12-01T08:30:00+01:00', '2026-12-02T08:00:00+01:00', '2026-12-02T08:30:00+01:00'])
  booked.push(
    (await bookAppointment({ db, clock }, { serviceId, locationId: office.locationId, start, person: person(), actor: onlineRequester })).appointment.id,
  );
const { slug: service } = await db.selectFrom('service').select('slug').where('id', '=', serviceId).executeTakeFirstOrThrow();
const { slug: location } = await db.selectFrom('location').select('slug').where('id', '=', office.locationId).executeTakeFirstOrThrow();

async function lastMailLink(email: string, kind: 'entry' | 'offer'): Promise<string> {
  const { rows } = await sql<{ text: string }>`
    SELECT data->>'text' AS text FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = ${email} ORDER BY created_on DESC`.execute(db);
  const path = rows.map((r) => new RegExp(`http://localhost(/uk/waiting-list/${kind}/[A-Za-z0-9_-]{32})`).exec(r.text)?.[1]).find(Boolean);
  assert.ok(path, `no ${kind} link mailed to ${email}`);
  return path;
}

test('a full calendar offers the waiting list; joining, confirming, the offer and its one-click booking, all in Ukrainian', async () => {
  const client = new PortalClient(app);
  const calendar = await client.get(`/uk/book/${service}/${location}`);
  assert.match(calendar.html, new RegExp(`href="/uk/waiting-list/join/${service}/${location}"`));
  const form = await client.get(`/uk/waiting-list/join/${service}/${location}`);
  assert.equal(form.status, 200);
  assert.match(form.html, /<html lang="uk" dir="ltr"/);
  const fields = {
    name: 'Олена Коваль',
    dateOfBirth: '1988-04-02',
    email: 'olena@example.org',
    language: 'uk',
    weekday: '3',
    from: '8',
    until: '12',
    consent: 'yes',
  };

  const unknownLanguage = await client.post(`/uk/waiting-list/join/${service}/${location}`, form.html, { ...fields, language: 'xx-klingon' });
  assert.equal(unknownLanguage.status, 422);
  assert.match(unknownLanguage.html, /Будь ласка, виберіть мову зі списку\./);

  const joined = await client.post(`/uk/waiting-list/join/${service}/${location}`, form.html, fields);
  assert.equal(joined.status, 303, joined.html.slice(0, 1500));
  assert.equal(joined.location, '/uk/waiting-list/joined');
  const twice = await client.post(`/uk/waiting-list/join/${service}/${location}`, form.html, fields);
  assert.equal(twice.status, 409);
  assert.match(twice.html, /Ви вже в листі очікування/);

  const entryPath = await lastMailLink('olena@example.org', 'entry');
  const pending = await client.get(entryPath);
  assert.equal(pending.status, 200);
  assert.match(pending.html, /Так, записати мене/);
  const confirmed = await client.post(`${entryPath}/confirm`, pending.html, {});
  assert.equal(confirmed.status, 303);
  const entry = await client.get(entryPath);
  assert.match(entry.html, /Ви 1-й у черзі\./);

  const tampered = await client.get(`${entryPath.slice(0, -1)}${entryPath.endsWith('A') ? 'B' : 'A'}`);
  assert.equal(tampered.status, 404);
  assert.match(tampered.html, /Це посилання недійсне/);

  await cancelAndNotify({ db, clock, notices: { changed: async () => {} } }, { appointmentId: booked[2]!, verifiedByPortal: true }, onlineRequester);
  clock.advance(61 * 60_000);
  const deps = {
    db,
    clock,
    jobs,
    notices: { changed: async () => {} },
    publicUrl: 'http://localhost',
    settings: { offerMinutes: 30, releaseDelayMinutes: 60 },
  };
  assert.equal(await offerFreedTimes(deps, office.locationId), 1);
  const offerPath = await lastMailLink('olena@example.org', 'offer');
  const offer = await client.get(offerPath);
  assert.equal(offer.status, 200);
  assert.match(offer.html, /Забронювати цей час/);
  const afterLooking = await db.selectFrom('appointment').select('status').where('id', '=', booked[2]!).executeTakeFirstOrThrow();
  assert.equal(afterLooking.status, 'cancelled');
  const heldCount = await db.selectFrom('appointment').select('id').where('status', '=', 'held').execute();
  assert.equal(heldCount.length, 1, 'opening the link books nothing');
  assert.match((await client.get(entryPath)).html, /Ми тримаємо для вас час/);

  const accepted = await client.post(`${offerPath}/accept`, offer.html, {});
  assert.equal(accepted.status, 303, accepted.html.slice(0, 1500));
  assert.match(accepted.location ?? '', /^\/uk\/appointment\/[A-Z0-9]{8}\?notice=booked$/);
  const again = await client.post(`${offerPath}/accept`, offer.html, {});
  assert.equal(again.status, 409);
  assert.match(again.html, /Цю пропозицію вже прийнято/);
  const status = await db
    .selectFrom('appointment')
    .select('status')
    .where('status', 'in', ['held', 'booked'])
    .where('starts_at', '=', new Date('2026-12-02T07:00:00Z'))
    .execute();
  assert.deepEqual(
    status.map((s) => s.status),
    ['booked'],
  );
});
