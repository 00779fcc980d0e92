import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { apiTokenFor, createClerk, createFrontOffice } from '../../../test/front-desk-fixtures.ts';
import { fixedClock } from '../../shared/clock.ts';
import { callNextTicket } from './call-next.ts';
import { createWalkInTicket } from './check-in.ts';
import { birthDateLabel, dayLabel, durationLabel, languageLabel, statusLabel, waitedLabel } from './staff-format.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const sut = createTestApp(db, { clock });
const office = await createFrontOffice(db);
const elsewhere = await createFrontOffice(db);
const get = (path: string, token: string, cookie?: string) =>
  sut.request(path, { headers: { authorization: `Bearer ${token}`, ...(cookie ? { cookie } : {}) } });

test('staff screens show words, names and formatted values, not raw codes', () => {
  assert.equal(statusLabel('de', 'called'), 'aufgerufen');
  assert.equal(statusLabel('en', 'in_service'), 'in service');
  assert.equal(languageLabel('de', 'ar'), 'Arabisch');
  assert.equal(languageLabel('de', 'fa'), 'Persisch');
  assert.equal(languageLabel('en', 'uk'), 'Ukrainian');
  assert.equal(languageLabel('de', 'de-x-ls'), 'Leichte Sprache', 'Intl knows no private-use tag');
  assert.equal(languageLabel('de', 'ps'), 'Paschtu');
  assert.equal(dayLabel('de', '2026-12-07'), 'Mo., 7. Dez. 2026');
  assert.equal(dayLabel('en', '2026-12-07'), 'Mon, 7 Dec 2026');
  assert.equal(birthDateLabel('de', '1990-04-01'), '01.04.1990');
  assert.equal(durationLabel('de', 0.5), '30 s');
  assert.equal(durationLabel('de', 1), '1 Min.');
  assert.equal(durationLabel('en', 12.4), '12 min');
  assert.equal(waitedLabel('de', 0), '< 1 Min.');
});

test('the desk without a counter in the address shows the counter of the ticket in progress', async () => {
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const reception = await createClerk(db, office.location.id, [], 'reception');
  const token = await apiTokenFor(db, clerk);
  await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'ar' });
  const chooser = await (await get('/desk', token)).text();
  assert.match(chooser, /Platz wählen/);
  const called = await callNextTicket({ db, clock }, clerk, { locationId: office.location.id, counterId: office.counters[2]!.id });
  const desk = await get('/desk', token);
  const html = await desk.text();
  assert.match(html, new RegExp(`<h1>Schalter 3 · ${office.location.name}</h1>`));
  assert.match(html, new RegExp(`${called!.displayNumber}</span> · aufgerufen`));
  assert.match(html, /<dt>Sprache<\/dt><dd>Arabisch<\/dd>/);
  assert.match(
    desk.headers.get('set-cookie') ?? '',
    new RegExp(`lotse_desk=${office.location.id}\\.${office.counters[2]!.id};.*Path=/desk; HttpOnly; SameSite=Lax`),
  );
  // "Anderen Platz wählen" still reaches the chooser.
  assert.match(await (await get(`/desk?location=${office.location.id}&choose=1`, token)).text(), /Platz wählen/);
});

test('a remembered counter leads back to it; one of a location the clerk no longer works at is ignored', async () => {
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const token = await apiTokenFor(db, clerk);
  const remembered = await get('/desk', token, `lotse_desk=${office.location.id}.${office.counters[1]!.id}`);
  assert.match(await remembered.text(), /<h1>Schalter 2 · /);
  const foreign = await get('/desk', token, `lotse_desk=${elsewhere.location.id}.${elsewhere.counters[0]!.id}`);
  assert.equal(foreign.status, 200);
  assert.match(await foreign.text(), /Platz wählen/);
  const garbage = await get('/desk', token, 'lotse_desk=not.ids');
  assert.match(await garbage.text(), /Platz wählen/);
});

test('reception and figures offer only the locations the person works at; others are refused', async () => {
  const lead = await createClerk(db, office.location.id, [office.front], 'team_lead');
  await db.insertInto('staff_location').values({ staff_id: lead.staffId, location_id: elsewhere.location.id }).execute();
  const token = await apiTokenFor(db, lead);
  const third = await createFrontOffice(db);
  for (const screen of ['reception', 'figures']) {
    const html = await (await get(`/${screen}?location=${elsewhere.location.id}`, token)).text();
    assert.match(html, new RegExp(`<option value="${elsewhere.location.id}" selected="">`), screen);
    assert.match(html, new RegExp(`<option value="${office.location.id}">`), screen);
    assert.doesNotMatch(html, new RegExp(third.location.id), screen);
    assert.equal((await get(`/${screen}?location=${third.location.id}`, token)).status, 403, screen);
  }
  // One location: no switcher.
  const single = await apiTokenFor(db, await createClerk(db, office.location.id, [], 'reception'));
  assert.doesNotMatch(await (await get('/reception', single)).text(), /location-switch/);
});

test('at the desk a clerk parks the visitor and calls them back from the "Geparkt" list', async () => {
  const clerk = await createClerk(db, office.location.id, [office.front]);
  const reception = await createClerk(db, office.location.id, [], 'reception');
  const token = await apiTokenFor(db, clerk);
  const issued = await createWalkInTicket({ db, clock }, reception, { locationId: office.location.id, serviceId: office.service, language: 'fa' });
  await callNextTicket({ db, clock }, clerk, { locationId: office.location.id, counterId: office.counters[0]!.id });
  const query = `location=${office.location.id}&counter=${office.counters[0]!.id}`;
  const post = (path: string) =>
    sut.request(`${path}?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
  assert.equal((await post(`/desk/tickets/${issued.id}/park`)).status, 303);
  const parked = await (await get(`/desk?${query}`, token)).text();
  assert.match(parked, /<h2>Geparkt<\/h2>/);
  assert.match(parked, new RegExp(`action="/desk/tickets/${issued.id}/resume\\?`));
  assert.match(parked, /data-testid="call-next"/, 'the counter is free for the next visitor');
  assert.equal((await post(`/desk/tickets/${issued.id}/resume`)).status, 303);
  const row = await db.selectFrom('ticket').select(['status', 'counter_id']).where('id', '=', issued.id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'called', counter_id: office.counters[0]!.id });
  const again = await post(`/desk/tickets/${issued.id}/resume`);
  assert.equal(again.status, 409, 'a stale second click changes nothing');
  assert.match(await again.text(), /has been called; nothing was changed/);
});

test('desk, reception and figures follow the staff language choice (German, or English)', async () => {
  const lead = await createClerk(db, office.location.id, [office.front], 'team_lead');
  const token = await apiTokenFor(db, lead);
  const english = 'lotse_lang=en';
  const chooser = await (await get(`/desk?location=${office.location.id}`, token, english)).text();
  assert.match(chooser, /<html lang="en"/);
  assert.match(chooser, /Choose a counter/);
  assert.doesNotMatch(chooser, /Platz wählen/);
  const desk = await (await get(`/desk?location=${office.location.id}&counter=${office.counters[2]!.id}`, token, english)).text();
  assert.match(desk, /Call the next person|Waiting in your queues/);
  const reception = await (await get(`/reception?location=${office.location.id}`, token, english)).text();
  assert.match(reception, /<h1>Reception · /);
  assert.match(reception, /Ticket without an appointment/);
  assert.match(reception, /<option value="disability">disability<\/option>/);
  assert.doesNotMatch(reception, /Wartemarke|Einchecken/);
  const figures = await (await get(`/figures?location=${office.location.id}`, token, english)).text();
  assert.match(figures, /Today's figures|Today&#39;s figures/);
  assert.match(figures, /Wait until called \(median\)/);
  // German stays the default.
  assert.match(await (await get(`/figures?location=${office.location.id}`, token)).text(), /Wartezeit bis Aufruf \(Median\)/);
});
