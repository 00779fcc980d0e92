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
