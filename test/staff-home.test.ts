import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendMessage } from '../src/features/messages/send-message.ts';
import { createApplicationOffice, submitTemporaryProtection } from './application-fixtures.ts';
import { createTestApp, createTestJobs, fixedClock } from './app.ts';
import { createTestDatabase } from './database.ts';
import { bookAppointment } from './front-desk-fixtures.ts';
import { createOffice, createService } from './office-factory.ts';
import { addStaff, Browser } from './staff.ts';

// Monday 2026-11-23, 10:00 in Berlin.
const clock = fixedClock('2026-11-23T09:00:00Z');
const { db, url } = await createTestDatabase();
const jobs = createTestJobs(url);
const home = await createApplicationOffice(db, clock);
const other = await createOffice(db);
const app = createTestApp(db, { clock, blobs: home.blobs, jobs });
const deps = { db, clock, blobs: home.blobs, uploadMaxBytes: 20 * 1024 * 1024, jobs, publicUrl: 'http://localhost' };

const homeName = (await db.selectFrom('location').select('name').where('id', '=', home.locationId).executeTakeFirstOrThrow()).name;
const otherName = (await db.selectFrom('location').select('name').where('id', '=', other.locationId).executeTakeFirstOrThrow()).name;
const homeService = await createService(db, home, { texts: { de: 'Verlängerung Aufenthaltstitel' } });
const otherService = await createService(db, other, { texts: { de: 'Einbürgerung' } });
const giver = await addStaff(db, 'clerk', { locationIds: [home.locationId] });
const otherGiver = await addStaff(db, 'clerk', { locationIds: [other.locationId] });
const at = (iso: string, extra: { status?: string } = {}) =>
  bookAppointment(db, {
    locationId: home.locationId,
    serviceId: homeService,
    staffId: giver.id,
    startsAt: new Date(iso),
    personName: 'Olena Kovalenko',
    ...extra,
  });
// The office's Monday runs from 2026-11-22T23:00Z to 2026-11-23T23:00Z.
await at('2026-11-22T23:30:00Z'); // 00:30 on Monday: today, long past
await at('2026-11-23T07:00:00Z'); // 08:00, past
await at('2026-11-23T08:30:00Z', { status: 'cancelled' }); // not counted
await at('2026-11-23T10:00:00Z'); // 11:00
await at('2026-11-23T11:00:00Z'); // 12:00
await at('2026-11-23T12:30:00Z'); // 13:30
await at('2026-11-23T14:00:00Z'); // 15:00, the fourth to come: counted, not listed
await at('2026-11-23T23:30:00Z'); // 00:30 on Tuesday
for (const hour of ['08', '09', '10'])
  await bookAppointment(db, { locationId: other.locationId, serviceId: otherService, staffId: otherGiver.id, startsAt: new Date(`2026-11-23T${hour}:15:00Z`) });

await submitTemporaryProtection(deps, 'first.home@example.org');
await submitTemporaryProtection(deps, 'second.home@example.org');
const message = { name: 'Olena Kovalenko', dateOfBirth: '1985-02-01', email: 'olena@example.org', language: 'uk', attachments: [], kind: 'general' as const };
await sendMessage(deps, { ...message, locationId: home.locationId, submissionKey: 'home-card-message-0001', body: 'Коли буде готова картка?' });
await sendMessage(deps, { ...message, locationId: other.locationId, submissionKey: 'home-card-message-0002', body: 'Elsewhere' });
await sendMessage(deps, { ...message, locationId: other.locationId, submissionKey: 'home-card-message-0003', body: 'Elsewhere too' });

async function startPage(role: 'admin' | 'team_lead' | 'clerk' | 'reception', options: { app?: typeof app; lang?: 'en' } = {}) {
  const account = await addStaff(db, role, role === 'admin' ? {} : { locationIds: [home.locationId] });
  const browser = new Browser(options.app ?? app);
  assert.equal((await browser.signIn(account.username)).status, 303);
  if (options.lang) await browser.get(`/staff/language/${options.lang}?back=/staff`);
  const response = await browser.get('/staff');
  assert.equal(response.status, 200);
  return { html: await response.text(), browser };
}

/** The cards by their key: title, count sentence, listed entries and links. */
function cards(html: string) {
  const found = new Map<string, { text: string; entries: string[]; links: string[] }>();
  for (const match of html.matchAll(/<section class="home-card"[^>]*data-card="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)) {
    const body = match[2]!;
    found.set(match[1]!, {
      text: body
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
      entries: [...body.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!),
      links: [...body.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')),
    });
  }
  return found;
}

test('a clerk sees today at their own location only, the next three by time and service, no names; applications and messages with their inboxes', async () => {
  const { html, browser } = await startPage('clerk');
  assert.match(html, /^<!doctype html>/i);
  const shown = cards(html);
  assert.deepEqual([...shown.keys()], [`appointments-${home.locationId}`, 'applications', 'messages']);
  const today = shown.get(`appointments-${home.locationId}`)!;
  assert.ok(today.text.includes(`Termine heute · ${homeName}`), today.text);
  assert.ok(today.text.includes('6 Termine heute'), today.text);
  assert.deepEqual(today.entries, [
    '11:00 Uhr · Verlängerung Aufenthaltstitel',
    '12:00 Uhr · Verlängerung Aufenthaltstitel',
    '13:30 Uhr · Verlängerung Aufenthaltstitel',
  ]);
  assert.deepEqual(today.links, ['/staff/calendar']);
  assert.ok(!html.includes(otherName), 'nothing of the other location');
  assert.ok(!html.includes('Olena') && !html.includes('Kovalenko'), 'no person on the start page');

  assert.ok(shown.get('applications')!.text.includes('2 neue Anträge'));
  assert.deepEqual(shown.get('applications')!.links, ['/staff/applications']);
  assert.ok(shown.get('messages')!.text.includes('1 unbeantwortete Nachricht'));
  assert.deepEqual(shown.get('messages')!.links, ['/staff/messages']);

  for (const card of shown.values()) for (const link of card.links) assert.equal((await browser.get(link)).status, 200, link);

  // Opening the start page reads no person's data: nothing for the audit trail.
  const entries = async () => Number((await db.selectFrom('audit_entry').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const before = await entries();
  assert.equal((await browser.get('/staff')).status, 200);
  assert.equal(await entries(), before);
});

test('reception sees today with a link to reception, but neither messages nor applications; an administrator sees only the menu', async () => {
  const signedIn = await startPage('reception');
  const reception = cards(signedIn.html);
  assert.deepEqual([...reception.keys()], [`appointments-${home.locationId}`]);
  assert.deepEqual(reception.get(`appointments-${home.locationId}`)!.links, [`/reception?location=${home.locationId}`]);
  assert.equal((await signedIn.browser.get(`/reception?location=${home.locationId}`)).status, 200);

  const lead = cards((await startPage('team_lead')).html);
  assert.deepEqual([...lead.keys()], [`appointments-${home.locationId}`, 'applications', 'messages']);
  assert.deepEqual(lead.get(`appointments-${home.locationId}`)!.links, [`/reception?location=${home.locationId}`]);

  const { html: admin } = await startPage('admin');
  assert.equal(cards(admin).size, 0);
  assert.ok(!admin.includes('home-cards'));
});

test('the day follows the clock and the location’s time zone, not the machine’s date', async () => {
  // Tuesday 2026-11-24, 08:00 in Berlin: one appointment (00:30) that day, already past.
  const tuesday = createTestApp(db, { clock: fixedClock('2026-11-24T07:00:00Z'), blobs: home.blobs, jobs });
  const today = cards((await startPage('clerk', { app: tuesday })).html).get(`appointments-${home.locationId}`)!;
  assert.ok(today.text.includes('1 Termin heute'), today.text);
  assert.deepEqual(today.entries, []);
  // The same Monday in English.
  const english = cards((await startPage('clerk', { lang: 'en' })).html);
  assert.ok(english.get(`appointments-${home.locationId}`)!.text.includes('6 appointments today'));
  assert.deepEqual(english.get(`appointments-${home.locationId}`)!.entries[0], '11:00 · Verlängerung Aufenthaltstitel');
  assert.ok(english.get('messages')!.text.includes('1 unanswered message'));
});
