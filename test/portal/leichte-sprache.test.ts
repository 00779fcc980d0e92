import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../database.ts';
import { createTestApp, fixedClock } from '../app.ts';
import { createTestOffice } from './office-fixture.ts';
import { PortalClient } from './portal-client.ts';

const { db, url } = await createTestDatabase();
await createTestOffice(db);
// Monday 2026-11-23, 07:00 in Berlin.
const clock = fixedClock('2026-11-23T06:00:00Z');
const app = createTestApp(db, { url, clock, portal: { powMaxNumber: 2000, noScriptBookingsPerIpPerHour: 50, bookingsPerIpPerHour: 50 } });

test('a booking under a language tag such as de-x-ls (Leichte Sprache) keeps its tag, and its pages with personal data are never cached', async () => {
  const client = new PortalClient(app);
  const start = '2026-11-23T07:00:00.000Z';
  const details = await client.get(`/de-x-ls/book/extension/mitte/details?start=${encodeURIComponent(start)}`);
  assert.equal(details.status, 200);
  const fields = { start, name: 'Amina Haddad', dateOfBirth: '1990-03-15', email: 'amina@', phone: '', language: 'de-x-ls', consent: 'yes', altcha: '' };
  const typo = await client.post('/de-x-ls/book/extension/mitte/details', details.html, fields);
  assert.equal(typo.status, 422);
  assert.equal(typo.headers.get('cache-control'), 'no-store', 'the form sent back with the person’s details');

  const booked = await client.post('/de-x-ls/book/extension/mitte/details', typo.html, { ...fields, email: 'amina@example.org' });
  assert.equal(booked.status, 303, booked.html.slice(0, 2000));
  const confirmation = await client.get(booked.location!);
  assert.equal(confirmation.status, 200);
  assert.equal(confirmation.headers.get('cache-control'), 'no-store');
  const row = await db.selectFrom('appointment').select('language').executeTakeFirstOrThrow();
  assert.equal(row.language, 'de-x-ls');

  const lookup = await client.get('/de-x-ls/manage');
  assert.equal(lookup.status, 200);
  assert.equal(lookup.headers.get('cache-control'), 'no-store');
});

test('a language tag is stored as a tag, and anything else is still refused by the database', async () => {
  const service = await db.selectFrom('service').select('id').executeTakeFirstOrThrow();
  const text = { service_id: service.id, name: 'Termin', description: '', audience: '', required_documents: [], fee_note: '' };
  await db
    .insertInto('service_text')
    .values({ ...text, lang: 'de-x-ls' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const lang of ['DE', 'de_x_ls', 'de-', 'x', `de-${'a'.repeat(9)}`]) {
    await assert.rejects(
      db
        .insertInto('service_text')
        .values({ ...text, lang })
        .execute(),
      /service_text_lang_check/,
      lang,
    );
  }
});
