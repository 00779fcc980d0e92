import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { apiTokenFor, bookAppointment, createClerk, createFrontOffice, deviceToken } from '../../../test/front-desk-fixtures.ts';
import { fixedClock } from '../../shared/clock.ts';

const { db } = await createTestDatabase();
const now = new Date('2026-11-23T08:00:00Z');
const clock = fixedClock(now);
const sut = createTestApp(db, { clock });
const office = await createFrontOffice(db);
const elsewhere = await createFrontOffice(db);
const clerk = await createClerk(db, office.location.id, [office.front]);
const reception = await createClerk(db, office.location.id, [], 'reception');
const kiosk = await deviceToken(db, 'kiosk', office.location.id);
const foreignKiosk = await deviceToken(db, 'kiosk', elsewhere.location.id);
const display = await deviceToken(db, 'display', office.location.id);
const clerkToken = await apiTokenFor(db, clerk);
const receptionToken = await apiTokenFor(db, reception);
const auditEntries = () => db.selectFrom('audit_entry').select(['actor_staff_id', 'action', 'screen', 'target_id', 'person_id']).orderBy('at').execute();
const origin = 'http://localhost';
const slug = office.location.slug;

const post = (path: string, token: string, form: Record<string, string>) =>
  sut.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
const get = (path: string, token: string) => sut.request(path, { headers: { authorization: `Bearer ${token}` } });

test('the kiosk needs a kiosk device of this location', async () => {
  assert.equal((await sut.request(`/kiosk/${slug}`)).status, 401);
  assert.equal((await get(`/kiosk/${slug}`, display)).status, 401);
  assert.equal((await get(`/kiosk/${slug}`, foreignKiosk)).status, 403);
  assert.equal((await get('/kiosk/no-such-place', kiosk)).status, 404);
  const page = await get(`/kiosk/${slug}?lang=fa`, kiosk);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<html lang="fa" dir="rtl">/);
  assert.match(html, /name="key" value="[0-9a-f-]{36}"/);
  for (const name of ['Deutsch', 'Українська', 'العربية', 'فارسی'])
    assert.ok(html.includes(name) || html.includes(name.normalize()), `language button ${name}`);
});

test('kiosk check-in as a plain form: ticket page in the person language plus German; a resubmitted form shows the same ticket', async () => {
  const booked = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: clerk.staffId,
    startsAt: new Date(now.getTime() + 10 * 60_000),
    language: 'uk',
  });
  const form = { code: booked.code, key: 'form-key-0000001', lang: 'de' };
  const first = await post(`/kiosk/${slug}/check-in`, kiosk, form);
  assert.equal(first.status, 303);
  const ticketUrl = first.headers.get('location') ?? '';
  assert.match(ticketUrl, new RegExp(`^/kiosk/${slug}/tickets/[0-9a-f-]{36}\\?lang=uk$`));
  const again = await post(`/kiosk/${slug}/check-in`, kiosk, form);
  assert.equal(again.headers.get('location'), ticketUrl);
  const ticket = await (await get(ticketUrl, kiosk)).text();
  assert.match(ticket, /A001/);
  assert.match(ticket, /Ваш номер у черзі/);
  assert.match(ticket, /Ihre Wartenummer/);
  assert.doesNotMatch(ticket, /Kovalenko/);
  const second = await post(`/kiosk/${slug}/check-in`, kiosk, { ...form, key: 'form-key-0000002', lang: 'uk' });
  assert.equal(second.status, 409);
  assert.match(await second.text(), /Ви вже зареєструвалися на цей запис[\s\S]*A001/);
});

test('kiosk errors are shown in the chosen language and change nothing', async () => {
  const unknown = await post(`/kiosk/${slug}/check-in`, kiosk, { code: 'NOPE1234', key: 'form-key-0000003', lang: 'ar' });
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /رمز الموعد هذا غير معروف لدينا/);
  const early = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: clerk.staffId,
    startsAt: new Date(now.getTime() + 3 * 3600_000),
  });
  const tooEarly = await post(`/kiosk/${slug}/check-in`, kiosk, { code: early.code, key: 'form-key-0000004', lang: 'en' });
  assert.equal(tooEarly.status, 409);
  const text = await tooEarly.text();
  assert.match(text, /You are too early\. Check-in opens at 11:30 \(appointment at 12:00\)/);
  assert.match(text, /Please go to the reception desk/);
  const bad = await post(`/kiosk/${slug}/check-in`, kiosk, { code: 'x'.repeat(5000), key: 'bad key!', lang: 'en' });
  assert.equal(bad.status, 422);
  const noOrigin = await sut.request(`/kiosk/${slug}/check-in`, {
    method: 'POST',
    headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    body: 'code=X',
  });
  assert.equal(noOrigin.status, 403);
  const early2 = await db.selectFrom('appointment').select('status').where('id', '=', early.id).executeTakeFirstOrThrow();
  assert.equal(early2.status, 'booked');
});

test('walk-in at the kiosk: concerns with places left, a QR code to the portal, and a ticket', async () => {
  const page = await (await get(`/kiosk/${slug}/walk-in?lang=tr`, kiosk)).text();
  assert.match(page, /Verlängerung Aufenthaltstitel/);
  assert.doesNotMatch(page, /Niederlassungserlaubnis/, 'a service without walk-ins is not offered');
  assert.match(page, /<svg[^>]*>[\s\S]*<\/svg>/);
  assert.match(page, /Çevrimiçi randevu alın/);
  const refused = await post(`/kiosk/${slug}/walk-in`, kiosk, { service: office.bookingOnly, key: 'walk-key-000001', lang: 'tr' });
  assert.equal(refused.status, 409);
  assert.match(await refused.text(), /Bu konu için randevu almanız gerekiyor/);
  const issued = await post(`/kiosk/${slug}/walk-in`, kiosk, { service: office.service, key: 'walk-key-000002', lang: 'tr' });
  assert.equal(issued.status, 303);
  assert.match(await (await get(issued.headers.get('location') ?? '', kiosk)).text(), /Sıra numaranız/);
});

test('desk: call next, the booking data is audited when opened, finish; reception sees the queue', async () => {
  const desk = await get(`/desk?location=${office.location.id}`, clerkToken);
  assert.match(await desk.text(), /Platz wählen/);
  const counter = office.counters[0]!.id;
  const query = `location=${office.location.id}&counter=${counter}`;
  const receptionPage = await (await get(`/reception?location=${office.location.id}`, receptionToken)).text();
  assert.match(receptionPage, /Olena Kovalenko/);
  assert.ok(
    (await auditEntries()).some(
      (e) => e.actor_staff_id === reception.staffId && e.action === 'person.view' && e.screen === 'reception: appointments today' && e.person_id,
    ),
  );
  const called = await post(`/desk/call-next?${query}`, clerkToken, {});
  assert.equal(called.status, 303);
  const page = await (await get(`/desk?${query}`, clerkToken)).text();
  assert.match(page, /A001/);
  assert.match(page, /Reisepass/);
  assert.doesNotMatch(page, /Olena Kovalenko/, 'personal data only after an explicit, audited opening');
  const ticketId = /\/desk\/tickets\/([0-9a-f-]{36})\/booking/.exec(page)?.[1] ?? '';
  const before = (await auditEntries()).length;
  const booking = await (await get(`/desk/tickets/${ticketId}/booking?${query}`, clerkToken)).text();
  assert.match(booking, /Olena Kovalenko/);
  const entries = await auditEntries();
  assert.equal(entries.length, before + 1);
  assert.equal(entries.at(-1)?.actor_staff_id, clerk.staffId);
  assert.equal(entries.at(-1)?.screen, 'desk: booking data');
  assert.equal((await get(`/desk/tickets/${ticketId}/booking?${query}`, receptionToken)).status, 403);
  // The finish dialog leads to the fee of this ticket (taken in /staff/payments, with its receipt) and back.
  assert.match(page, new RegExp(`href="/staff/payments/new\\?ticket=${ticketId}&amp;back=%2Fdesk%3F`));
  const finished = await post(`/desk/tickets/${ticketId}/finish?${query}`, clerkToken, { result: 'done' });
  assert.equal(finished.status, 303);
  const stale = await post(`/desk/tickets/${ticketId}/finish?${query}`, clerkToken, { result: 'done' });
  assert.equal(stale.status, 409);
  assert.match(await stale.text(), /already finished/);
  const row = await db.selectFrom('ticket').select(['status', 'outcome']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'finished', outcome: 'done' });
  const reception2 = await createClerk(db, office.location.id, [], 'reception');
  await post(`/reception/walk-in?location=${office.location.id}`, await apiTokenFor(db, reception2), { service: office.service, lang: 'fr' });
  await post(`/desk/call-next?${query}`, clerkToken, {});
  const next = await db.selectFrom('ticket').select('id').where('staff_id', '=', clerk.staffId).where('status', '=', 'called').executeTakeFirstOrThrow();
  const followUp = await post(`/desk/tickets/${next.id}/finish?${query}`, clerkToken, { result: 'documents_missing', followUp: 'on' });
  assert.equal(followUp.status, 200);
  assert.match(await followUp.text(), /href="\/staff\/calendar\/book"/);
  const figures = await (await get(`/figures?location=${office.location.id}`, clerkToken)).text();
  assert.match(figures, /Kennzahlen heute/);
  assert.equal((await get('/desk', kiosk)).status, 401);
});

test('the call display shows numbers and counters, never names', async () => {
  const html = await (await get(`/display/${slug}`, display)).text();
  assert.match(html, /A001/);
  assert.match(html, /Schalter 1/);
  assert.doesNotMatch(html, /Kovalenko|@example/);
  assert.equal((await get(`/display/${slug}`, kiosk)).status, 401);
});

test('a paired device (staff area → device pairing) opens the screen of its own location', async () => {
  const paired = await sut.request('/device/pair', {
    method: 'POST',
    headers: { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
    body: `token=${display}`,
  });
  assert.equal(paired.status, 303);
  const cookie = (paired.headers.get('set-cookie') ?? '').split(';')[0]!;
  assert.match(cookie, /^lotse_device=/);
  const landing = await sut.request(paired.headers.get('location') ?? '', { headers: { cookie } });
  assert.equal(landing.status, 303);
  assert.equal(landing.headers.get('location'), `/display/${slug}`);
  assert.equal((await sut.request(`/display/${slug}`, { headers: { cookie } })).status, 200);
  assert.equal((await sut.request('/kiosk', { headers: { cookie } })).status, 401);
});

test('the language chosen at the kiosk wins over the booking language for the ticket and the display', async () => {
  const otherClerk = await createClerk(db, office.location.id, [office.front]);
  const booked = await bookAppointment(db, {
    locationId: office.location.id,
    serviceId: office.service,
    staffId: otherClerk.staffId,
    startsAt: new Date(now.getTime() + 5 * 60_000),
    language: 'uk',
  });
  const response = await post(`/kiosk/${slug}/check-in`, kiosk, { code: booked.code, key: 'form-key-lang-001', lang: 'ar' });
  assert.match(response.headers.get('location') ?? '', /\?lang=ar$/);
  const ticket = await db.selectFrom('ticket').select('language').where('appointment_id', '=', booked.id).executeTakeFirstOrThrow();
  assert.equal(ticket.language, 'ar');
});

// An office of its own without a walk-in quota: the first one's is used up by the tests above.
const quiet = await createFrontOffice(db);
await db.updateTable('service').set({ walk_in_daily_quota: null }).where('id', '=', quiet.service).execute();
const quietKiosk = await deviceToken(db, 'kiosk', quiet.location.id);
const quietReception = await apiTokenFor(db, await createClerk(db, quiet.location.id, [], 'reception'));

test('the ticket slip gives the time in the visitor language with Latin digits, not in German', async () => {
  const slip = async (lang: string, key: string) => {
    const issued = await post(`/kiosk/${quiet.location.slug}/walk-in`, quietKiosk, { service: quiet.service, key, lang });
    assert.equal(issued.status, 303);
    const html = await (await get(issued.headers.get('location') ?? '', quietKiosk)).text();
    return /<p class="ticket-time">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
  };
  // Monday 23 November 2026, 09:00 in Berlin.
  assert.match(await slip('en', 'slip-key-000001'), /^Nov 23, 2026, 9:00\s?AM$/u);
  assert.match(await slip('uk', 'slip-key-000002'), /^23 лист\. 2026 р\., 09:00$/u);
  const persian = await slip('fa', 'slip-key-000003');
  assert.match(persian, /2026/, 'Gregorian year');
  assert.match(persian, /9:00|09:00/);
  assert.doesNotMatch(persian, /[۰-۹]/, 'Latin digits');
  assert.equal(await slip('de', 'slip-key-000004'), '23.11.2026, 09:00');
});

test('on a public holiday and during a closure the kiosk says the office is closed, in the visitor language, and issues no walk-in ticket', async () => {
  const christmas = createTestApp(db, { clock: fixedClock('2026-12-25T09:00:00Z') });
  const page = await christmas.request(`/kiosk/${quiet.location.slug}/walk-in?lang=ar`, { headers: { authorization: `Bearer ${quietKiosk}` } });
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /اليوم عطلة رسمية \(عيد الميلاد \(اليوم الأول\)\)/);
  assert.doesNotMatch(html, /name="service"/, 'no concern to choose');
  const tickets = () => db.selectFrom('ticket').select('id').where('location_id', '=', quiet.location.id).where('day', '=', '2026-12-25').execute();
  const refused = await christmas.request(`/kiosk/${quiet.location.slug}/walk-in`, {
    method: 'POST',
    headers: { authorization: `Bearer ${quietKiosk}`, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ service: quiet.service, key: 'closed-key-000001', lang: 'fr' }).toString(),
  });
  assert.equal(refused.status, 409);
  assert.match(await refused.text(), /Aujourd&#39;hui est un jour férié \(Noël\)|Aujourd'hui est un jour férié \(Noël\)/);
  assert.deepEqual(await tickets(), []);

  // A staff meeting until 10:00 on an ordinary Monday (09:00 now).
  await db
    .insertInto('location_closure')
    .values({ location_id: quiet.location.id, day: '2026-11-23', starts: '07:00', ends: '10:00', reason: 'Dienstbesprechung', created_at: now })
    .execute();
  const meeting = await (await get(`/kiosk/${quiet.location.slug}/walk-in?lang=tr`, quietKiosk)).text();
  assert.match(meeting, /Yabancılar Dairesi saat 10:00&#39;e kadar kapalı|Yabancılar Dairesi saat 10:00'e kadar kapalı/);
  const during = await post(`/kiosk/${quiet.location.slug}/walk-in`, quietKiosk, { service: quiet.service, key: 'closed-key-000002', lang: 'tr' });
  assert.equal(during.status, 409);
  assert.equal(await db.selectFrom('ticket').select('id').where('idempotency_key', '=', 'closed-key-000002').executeTakeFirst(), undefined);
  // Reception, where a person decides, may still issue one.
  const atReception = await post(`/reception/walk-in?location=${quiet.location.id}`, quietReception, { service: quiet.service, lang: 'tr' });
  assert.equal(atReception.status, 200);
  await db.deleteFrom('location_closure').where('location_id', '=', quiet.location.id).execute();
  assert.equal(
    (await post(`/kiosk/${quiet.location.slug}/walk-in`, quietKiosk, { service: quiet.service, key: 'closed-key-000003', lang: 'tr' })).status,
    303,
    'open again',
  );
});
