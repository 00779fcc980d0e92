import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock } from '../app.ts';
import { createTestOffice } from './office-fixture.ts';
import { PortalClient } from './portal-client.ts';
import { solvePagePow } from './pow-helper.ts';

const { db, url } = await createTestDatabase();
await createTestOffice(db);
// Monday 2026-11-23, 07:00 in Berlin; the clerk works 08:00–12:00 on a 30-minute grid.
const clock = fixedClock('2026-11-23T06:00:00Z');
const app = createTestApp(db, {
  url,
  clock,
  portal: { powMaxNumber: 2000, bookingsPerIpPerHour: 1000, noScriptBookingsPerIpPerHour: 1000, bookingsPerEmailPerDay: 100, lookupsPerIpPerHour: 1000 },
});
const start = '2026-11-24T09:00:00.000Z'; // Tuesday 10:00 Berlin
const detailsPath = `/de/book/extension/mitte/details`;
const person = {
  name: 'Olena Kovalenko',
  dateOfBirth: '1985-07-01',
  email: 'olena@example.org',
  phone: '+49 30 1234567',
  language: 'uk',
  consent: 'yes',
  altcha: '',
};
const count = async () =>
  (
    await db
      .selectFrom('appointment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

async function detailsPage(client: PortalClient, lang = 'de', at = start) {
  const page = await client.get(`/${lang}/book/extension/mitte/details?start=${encodeURIComponent(at)}`);
  assert.equal(page.status, 200);
  return page.html;
}

test('a tampered service, location or slot gets a friendly page, never a 500', async () => {
  const client = new PortalClient(app);
  for (const path of [
    '/en/book/no-such-service',
    '/en/book/extension/nowhere',
    '/en/book/pickup',
    '/en/book/extension/mitte/2026-13-45',
    '/en/book/extension/mitte/details?start=yesterday',
    `/en/book/extension/mitte/details?start=${'9'.repeat(5000)}`,
  ]) {
    const page = await client.get(path);
    assert.ok(page.status >= 400 && page.status < 500, `${path} → ${page.status}`);
    assert.match(page.html, /<html lang="en"/);
  }
  const offGrid = await client.get(`/en/book/extension/mitte/details?start=${encodeURIComponent('2026-11-24T09:07:00.000Z')}`);
  assert.equal(offGrid.status, 409);
  assert.match(offGrid.html, /Someone has just booked this time/);
  const html = await detailsPage(client);
  const posted = await client.post(detailsPath, html, { ...person, start: '2026-11-24T03:00:00.000Z' });
  assert.equal(posted.status, 409);
  assert.equal(await count(), 0);
});

test('invalid date of birth, over-long or script-laden name, bad e-mail: errors linked to fields, nothing stored', async () => {
  const client = new PortalClient(app);
  const html = await detailsPage(client);
  const cases: [Record<string, string>, RegExp][] = [
    [{ dateOfBirth: '2025-02-30' }, /id="dateOfBirth-error"/],
    [{ dateOfBirth: '2099-01-01' }, /id="dateOfBirth-error"/],
    // After the office's day (the clock's, not the machine's): not born yet.
    [{ dateOfBirth: '2026-11-24' }, /id="dateOfBirth-error"/],
    [{ dateOfBirth: 'gestern' }, /id="dateOfBirth-error"/],
    [{ name: '<script>alert(1)</script>' }, /id="name-error"/],
    [{ name: 'A'.repeat(10_000) }, /id="name-error"|id="name-error"/],
    [{ email: 'not-an-email' }, /id="email-error"/],
    [{ consent: '' }, /id="consent-error"/],
    [{ phone: 'call me maybe' }, /id="phone-error"/],
  ];
  for (const [change, expected] of cases) {
    const response = await client.post(detailsPath, html, { ...person, start, ...change });
    assert.equal(response.status, 422, JSON.stringify(change).slice(0, 80));
    assert.match(response.html, expected);
    assert.match(response.html, /role="alert"/);
    assert.doesNotMatch(response.html, /<script>alert/);
    assert.ok(response.html.length < 60_000, 'a huge name is not echoed in full');
  }
  const script = await client.post(detailsPath, html, { ...person, start, name: '<script>alert(1)</script>' });
  assert.match(script.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.equal(await count(), 0);
});

test('a failed or replayed proof of work is refused; a solved one books', async () => {
  const client = new PortalClient(app);
  const html = await detailsPage(client);
  const bogus = await client.post(detailsPath, html, { ...person, start, altcha: Buffer.from('{"challenge":"x"}').toString('base64') });
  assert.equal(bogus.status, 422);
  assert.match(bogus.html, /Sicherheitsprüfung hat nicht geklappt/);
  const solved = await solvePagePow(html);
  const booked = await client.post(detailsPath, html, { ...person, start, altcha: solved });
  assert.equal(booked.status, 303, booked.html.slice(0, 3000));
  assert.equal(await count(), 1);
  const again = await client.post(detailsPath, html, { ...person, email: 'someone.else@example.org', start: '2026-11-24T09:30:00.000Z', altcha: solved });
  assert.equal(again.status, 422, 'the same solution cannot be used twice');
  assert.equal(await count(), 1);
});

test('a slot taken meanwhile offers the nearest free times; a second booking for the same service is refused', async () => {
  const first = new PortalClient(app);
  const second = new PortalClient(app);
  const at = '2026-11-25T08:00:00.000Z';
  const pageA = await detailsPage(first, 'de', at);
  const pageB = await detailsPage(second, 'fr', at);
  assert.equal((await first.post(detailsPath, pageA, { ...person, email: 'a@example.org', start: at })).status, 303);
  const late = await second.post('/fr/book/extension/mitte/details', pageB, { ...person, email: 'b@example.org', start: at });
  assert.equal(late.status, 409);
  assert.match(late.html, /Cet horaire vient d&#39;être pris/);
  assert.match(late.html, /name="start" value="2026-11-25T08:30:00.000Z"/);
  assert.doesNotMatch(late.html, /value="2026-11-25T08:00:00.000Z"/);
  const duplicate = await first.post(detailsPath, await detailsPage(first, 'de', '2026-11-26T08:00:00.000Z'), {
    ...person,
    email: 'A@example.org',
    start: '2026-11-26T08:00:00.000Z',
  });
  assert.equal(duplicate.status, 409);
  assert.match(duplicate.html, /schon einen Termin für dieses Anliegen/);
});

test('forms from another site or without the token are refused', async () => {
  const client = new PortalClient(app);
  const at = '2026-11-30T08:00:00.000Z';
  const html = await detailsPage(client, 'de', at);
  const before = await count();
  const foreign = await client.post(detailsPath, html, { ...person, email: 'x@example.org', start: at }, { origin: 'https://evil.example' });
  assert.equal(foreign.status, 403);
  const noToken = await client.post(detailsPath, '', { ...person, email: 'x@example.org', start: at });
  assert.equal(noToken.status, 403);
  assert.match(noToken.html, /<html lang="de"/);
  assert.equal(await count(), before);
});

test('a wrong or expired manage link and a wrong code or date of birth look the same and reveal nothing', async () => {
  const client = new PortalClient(app);
  const [row] = await db.selectFrom('appointment').select(['code']).limit(1).execute();
  assert.ok(row);
  const wrong = await client.get(`/en/appointment/${row.code}?s=nonsense`);
  assert.equal(wrong.status, 404);
  assert.match(wrong.html, /This link does not work/);
  const unknown = await client.get('/en/appointment/AAAAAAAA?s=nonsense');
  assert.equal(unknown.status, 404);
  const noCookie = await client.get(`/en/appointment/${row.code}`);
  assert.equal(noCookie.status, 404);
  assert.equal((await client.get(`/en/appointment/${row.code}/calendar.ics`)).status, 404);
  const form = await client.get('/en/manage');
  const lookup = await client.post('/en/manage', form.html, { code: row.code, dateOfBirth: '1999-01-01' });
  assert.equal(lookup.status, 422);
  assert.match(lookup.html, /We found no appointment/);
  const right = await client.post('/en/manage', form.html, { code: row.code.toLowerCase(), dateOfBirth: person.dateOfBirth });
  assert.equal(right.status, 303);
  assert.equal((await client.get(right.location!)).status, 200);
});

test('too many attempts get a friendly page and store nothing', async () => {
  const strict = createTestApp(db, {
    url,
    clock,
    portal: { powMaxNumber: 2000, noScriptBookingsPerIpPerHour: 1, bookingsPerIpPerHour: 1000, lookupsPerIpPerHour: 2 },
  });
  const client = new PortalClient(strict);
  await db.deleteFrom('rate_limit_counter').execute();
  const html = await (await client.get(`/tr/book/extension/mitte/details?start=${encodeURIComponent('2026-11-27T08:00:00.000Z')}`)).html;
  const before = await count();
  const first = await client.post('/tr/book/extension/mitte/details', html, { ...person, email: 'limit1@example.org', start: '2026-11-27T08:00:00.000Z' });
  assert.equal(first.status, 303);
  const second = await client.post('/tr/book/extension/mitte/details', html, {
    ...person,
    email: 'limit2@example.org',
    dateOfBirth: '1970-01-01',
    start: '2026-11-27T08:30:00.000Z',
  });
  assert.equal(second.status, 429);
  assert.match(second.html, /Çok fazla deneme/);
  assert.equal(await count(), before + 1);
  const form = await client.get('/tr/manage');
  for (let i = 0; i < 2; i++) assert.equal((await client.post('/tr/manage', form.html, { code: 'AAAAAAAA', dateOfBirth: '1990-01-01' })).status, 422);
  assert.equal((await client.post('/tr/manage', form.html, { code: 'AAAAAAAA', dateOfBirth: '1990-01-01' })).status, 429);
  const counters = await db.selectFrom('rate_limit_counter').select(['key_hash']).execute();
  assert.ok(
    counters.every((c) => !c.key_hash.includes('@') && !c.key_hash.includes('unknown')),
    'keys are hashed',
  );
});

test('one solved proof of work sent twice at the same moment books at most once', async () => {
  const a = new PortalClient(app);
  const at1 = '2026-12-01T08:00:00.000Z';
  const at2 = '2026-12-01T09:00:00.000Z';
  const html = await detailsPage(a, 'de', at1);
  const solved = await solvePagePow(html);
  const before = await count();
  const results = await Promise.all([
    a.post(detailsPath, html, { ...person, email: 'twin1@example.org', start: at1, altcha: solved }),
    a.post(detailsPath, html, { ...person, email: 'twin2@example.org', start: at2, altcha: solved }),
  ]);
  assert.deepEqual(results.map((r) => r.status).sort(), [303, 422]);
  assert.equal(await count(), before + 1);
});
