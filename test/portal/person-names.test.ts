import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePerson } from '../../src/features/appointments/book-appointment.ts';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock } from '../app.ts';
import { createTestOffice } from './office-fixture.ts';
import { PortalClient } from './portal-client.ts';

const { db, url } = await createTestDatabase();
await createTestOffice(db);
// Monday 2026-11-23, 07:00 in Berlin; the clerk works 08:00–12:00 on a 30-minute grid.
const clock = fixedClock('2026-11-23T06:00:00Z');
const app = createTestApp(db, {
  url,
  clock,
  portal: { powMaxNumber: 2000, bookingsPerIpPerHour: 1000, noScriptBookingsPerIpPerHour: 1000, bookingsPerEmailPerDay: 100 },
});
const detailsPath = '/fa/book/extension/mitte/details';

// Names as people write them: a ZWNJ inside a Persian name, Vietnamese typed as NFD (macOS), an
// Irish typographic apostrophe, a hyphen, Cyrillic, Ge'ez, a German umlaut as NFD.
const realNames = ['علی‌رضا محمدی', 'Nguye\u0302\u0303n Văn An', 'Siobhán O’Brien', 'Jean-Luc Picard', 'Олександр Шевченко', 'ሰላም ተስፋዬ', 'Jürgen Mu\u0308ller'];

async function bookAs(name: string, index: number) {
  const client = new PortalClient(app);
  // Tuesday 2026-11-24 and Wednesday 2026-11-25, 08:00–12:00 Berlin: one slot per person.
  const start = new Date(Date.UTC(2026, 10, 24 + Math.floor(index / 8), 7) + (index % 8) * 30 * 60_000).toISOString();
  const details = await client.get(`${detailsPath}?start=${encodeURIComponent(start)}`);
  assert.equal(details.status, 200);
  const fields = { start, name, dateOfBirth: '1988-02-03', email: `person${index}@example.org`, phone: '', language: 'fa', consent: 'yes', altcha: '' };
  return { client, response: await client.post(detailsPath, details.html, fields) };
}

test('real names in every script are booked in the portal and stored in NFC', async () => {
  for (const [index, name] of realNames.entries()) {
    const { client, response } = await bookAs(name, index);
    assert.equal(response.status, 303, `${name}: ${/id="name-error"[^<]*>([^<]*)/.exec(response.html)?.[1] ?? response.html.slice(0, 300)}`);
    const stored = await db.selectFrom('appointment').select('person_name').where('email', '=', `person${index}@example.org`).executeTakeFirstOrThrow();
    assert.equal(stored.person_name, name.normalize('NFC'));

    const confirmation = await client.get(response.location!);
    assert.ok(confirmation.html.includes(name.normalize('NFC')), `${name} is shown on the confirmation`);
  }
  const zwnj = await db.selectFrom('appointment').select('person_name').where('email', '=', 'person0@example.org').executeTakeFirstOrThrow();
  assert.ok(zwnj.person_name?.includes('\u200C'), 'the zero-width non-joiner is kept');
  const nfd = await db.selectFrom('appointment').select('person_name').where('email', '=', 'person1@example.org').executeTakeFirstOrThrow();
  assert.equal(nfd.person_name, 'Nguyễn Văn An');
});

test('the portal still refuses what is no name: digits, symbols, markup, control and bidi characters', async () => {
  const refused = ['12345', '‌علی', 'Anna\u0007', 'Anna\u202Eevil', '<b>Anna</b>', 'Anna 😀', '-Anna', 'Anna2'];
  for (const [index, name] of refused.entries()) {
    const { response } = await bookAs(name, index + 8);
    assert.equal(response.status, 422, JSON.stringify(name));
    assert.match(response.html, /id="name-error"/);
  }
  const count = await db
    .selectFrom('appointment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', 'like', 'person1_@example.org')
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 0);
});

test('every channel (API, staff) keeps joiners and combining marks, stores NFC, and refuses control and bidi characters', () => {
  const now = new Date('2026-11-23T06:00:00Z');
  const person = (name: string) => ({ name, dateOfBirth: '1988-02-03', email: 'a@example.org', language: 'fa' });
  assert.equal(normalizePerson(person('علی‌رضا'), now).name, 'علی‌رضا');
  assert.equal(normalizePerson(person('Nguye\u0302\u0303n'), now).name, 'Nguyễn');
  assert.equal(normalizePerson(person('Müller (Dolmetscher 2)'), now).name, 'Müller (Dolmetscher 2)');
  for (const name of ['12345', 'Anna\u0000', 'Anna\u0007', 'Anna\u202Eevil', 'Anna\u2066x', 'Anna\uE000']) {
    assert.throws(
      () => normalizePerson(person(name), now),
      (error: { code?: string }) => error.code === 'validation_failed',
      JSON.stringify(name),
    );
  }
});
