import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock } from '../app.ts';
import { addStaff } from '../staff.ts';

const { db, url } = await createTestDatabase();
// Thursday 10 December 2026, 09:00 in Wetzlar.
const clock = fixedClock('2026-12-10T08:00:00Z');
const app = createTestApp(db, { url, clock });

const location = await db
  .insertInto('location')
  .values({ slug: 'wetzlar', name: 'Ausländerbehörde Wetzlar', address: 'Karl-Kellner-Ring 51', federal_state: 'HE' })
  .returning('id')
  .executeTakeFirstOrThrow();
const specialty = await db.insertInto('specialty').values({ slug: 'front', name: 'Front office', queue_prefix: 'A' }).returning('id').executeTakeFirstOrThrow();
const service = await db.insertInto('service').values({ slug: 'renewal', duration_minutes: 15 }).returning('id').executeTakeFirstOrThrow();
await db.insertInto('service_text').values({ service_id: service.id, lang: 'de', name: 'Verlängerung' }).execute();
await db.insertInto('service_specialty').values({ service_id: service.id, specialty_id: specialty.id }).execute();
await db.insertInto('service_location').values({ service_id: service.id, location_id: location.id }).execute();
// Walk-in: Monday morning and Thursday afternoon, as the demo office's start page used to show as its only hours.
await db
  .insertInto('location_opening_hours')
  .values([
    { location_id: location.id, weekday: 1, opens: '08:00', closes: '12:00' },
    { location_id: location.id, weekday: 4, opens: '14:00', closes: '18:00' },
  ])
  .execute();
const early = await addStaff(db, 'clerk', { locationIds: [location.id], specialtyIds: [specialty.id] });
const late = await addStaff(db, 'clerk', { locationIds: [location.id], specialtyIds: [specialty.id] });
const unqualified = await addStaff(db, 'clerk', { locationIds: [location.id] });
await db
  .insertInto('working_hours')
  .values([
    { staff_id: early.id, location_id: location.id, weekday: 1, starts: '07:00', ends: '12:30' },
    { staff_id: late.id, location_id: location.id, weekday: 1, starts: '12:00', ends: '17:45' },
    { staff_id: early.id, location_id: location.id, weekday: 3, starts: '07:00', ends: '12:00' },
    { staff_id: early.id, location_id: location.id, weekday: 5, starts: '07:00', ends: '12:00' },
    // Nobody can book this clerk: these hours are no appointment times.
    { staff_id: unqualified.id, location_id: location.id, weekday: 2, starts: '07:00', ends: '16:00' },
  ])
  .execute();
await db
  .insertInto('location_closure')
  .values([
    { location_id: location.id, day: '2026-12-24', starts: '12:00', ends: '24:00', reason: 'Heiligabend', created_at: clock.now() },
    { location_id: location.id, day: '2026-12-16', starts: '13:00', ends: '15:00', reason: 'Personalversammlung', created_at: clock.now() },
  ])
  .execute();

const page = async (lang: string) => {
  const response = await app.request(`/${lang}/`);
  assert.equal(response.status, 200);
  return (await response.text()).replace(/<!-- -->/g, '');
};

test('the start page derives walk-in hours, appointment times and closures from data, never two truths', async () => {
  const html = await page('de');
  const walkIn = html.slice(html.indexOf('Ohne Termin (Sprechzeiten)'), html.indexOf('Termine nach Vereinbarung'));
  assert.match(walkIn, /Montag<\/dt><dd><bdi dir="ltr">08:00–12:00<\/bdi>/);
  assert.match(walkIn, /Donnerstag<\/dt><dd><bdi dir="ltr">14:00–18:00<\/bdi>/);
  const appointments = html.slice(html.indexOf('Termine nach Vereinbarung'), html.indexOf('An diesen Tagen geschlossen'));
  assert.match(appointments, /Montag<\/dt><dd><bdi dir="ltr">07:00–17:45<\/bdi>/, 'two clerks’ hours joined into one span');
  assert.match(appointments, /Mittwoch<\/dt><dd><bdi dir="ltr">07:00–12:00<\/bdi>/, 'Wednesday is bookable and so listed');
  assert.doesNotMatch(appointments, /Dienstag/, 'a clerk nobody can book makes no appointment times');
  const closed = html.slice(html.indexOf('An diesen Tagen geschlossen'));
  assert.match(closed, /Mittwoch, 16\. Dezember 2026<\/strong>: von \u206813:00\u2069 bis \u206815:00\u2069 Uhr geschlossen/);
  assert.match(closed, /Donnerstag, 24\. Dezember 2026<\/strong>: ab \u206812:00\u2069 Uhr geschlossen/);
  assert.match(closed, /Freitag, 25\. Dezember 2026<\/strong>: ganztägig geschlossen \(1\. Weihnachtstag\)/);
  assert.match(closed, /Freitag, 1\. Januar 2027<\/strong>: ganztägig geschlossen \(Neujahr\)/);
  assert.doesNotMatch(closed, /26\. Dezember/, 'a holiday on a Saturday, when the office is closed anyway, is not listed');
  assert.doesNotMatch(html, /Personalversammlung|Heiligabend/, 'the internal reason stays internal');
});

test('holidays are named in the reader’s language with the German name beside them, right to left where needed', async () => {
  const uk = await page('uk');
  assert.match(uk, /Різдво \(перший день\) <span class="term" lang="de" dir="ltr">\(1\. Weihnachtstag\)<\/span>/);
  assert.match(uk, /Прийом за попереднім записом/);
  const ar = await page('ar');
  assert.match(ar, /<html lang="ar" dir="rtl"/);
  assert.match(ar, /مغلق ابتداءً من الساعة \u206812:00\u2069/);
  assert.match(ar, /عيد الميلاد \(اليوم الأول\)/);
  for (const lang of ['en', 'ru', 'fa', 'tr', 'fr']) {
    const html = await page(lang);
    assert.doesNotMatch(html, /portal\.(hours|closures|holiday)\./, `${lang}: every text exists`);
    assert.doesNotMatch(html, /Termine nach Vereinbarung/, `${lang}: not the German text`);
  }
});
