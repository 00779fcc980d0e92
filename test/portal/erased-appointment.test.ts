import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eraseExpiredPersonalData } from '../../src/features/retention/index.ts';
import { createTestApp, fixedClock, json } from '../app.ts';
import { createTestDatabase } from '../database.ts';
import { createRetentionOffice, insertAppointment } from '../retention-fixtures.ts';
import { PortalClient } from './portal-client.ts';

const { db } = await createTestDatabase();
const office = await createRetentionOffice(db);
const clock = fixedClock('2026-11-23T08:00:00Z');
const app = createTestApp(db, { clock, portal: { lookupsPerIpPerHour: 1000, personalDataRetentionDays: 30 } });

test('an erased appointment is not found by code + date of birth, its e-mail link shows nothing personal, the API answers like an unknown code', async () => {
  const old = await insertAppointment(db, office, { endsAt: '2026-10-01T09:00:00Z' });
  const client = new PortalClient(app);
  const form = await client.get('/en/manage');
  const apiGet = (code: string, secret: string) => app.request(`/api/v1/appointments/${code}`, { headers: { 'x-manage-secret': secret } });

  // Before the erasure: the person can still open it (it is over, so the page says so) and the API shows the person.
  assert.equal((await client.post('/en/manage', form.html, { code: old.code, dateOfBirth: old.dateOfBirth })).status, 303);
  const before = await apiGet(old.code, old.secret);
  assert.equal(before.status, 200);
  assert.equal((await json(before)).person.name, old.name);

  await eraseExpiredPersonalData({ db, clock }, { retentionDays: 30 });

  const lookup = await client.post('/en/manage', form.html, { code: old.code, dateOfBirth: old.dateOfBirth });
  const unknown = await client.post('/en/manage', form.html, { code: 'AAAAAAAA', dateOfBirth: old.dateOfBirth });
  assert.equal(lookup.status, 422);
  assert.equal(unknown.status, 422);
  assert.match(lookup.html, /We found no appointment/);
  assert.equal(lookup.html.replace(old.code, 'AAAAAAAA'), unknown.html, 'the same answer as for an unknown code');

  const link = await new PortalClient(app).get(`/en/appointment/${old.code}?s=${encodeURIComponent(old.secret)}`);
  assert.equal(link.status, 410);
  assert.match(link.html, /This appointment is over/);
  const wrongLink = await new PortalClient(app).get(`/en/appointment/${old.code}?s=nonsense`);
  assert.equal(wrongLink.status, 404, 'a wrong secret still learns nothing');
  for (const page of [lookup.html, link.html]) {
    assert.doesNotMatch(page, new RegExp(old.name));
    assert.doesNotMatch(page, new RegExp(old.email));
  }

  const after = await apiGet(old.code, old.secret);
  const unknownApi = await apiGet('AAAAAAAA', old.secret);
  assert.equal(after.status, 404);
  const [afterBody, unknownBody] = [await json(after), await json(unknownApi)];
  assert.deepEqual([afterBody.code, afterBody.detail], [unknownBody.code, unknownBody.detail]);
  assert.equal((await app.request(`/api/v1/appointments/${old.code}`, { method: 'DELETE', headers: { 'x-manage-secret': old.secret } })).status, 404);
});

test('the privacy page states the retention from the setting, in every language', async () => {
  const expected: Record<string, RegExp> = {
    de: /30 Tage nach Ihrem Termin/,
    en: /30 days after your appointment/,
    uk: /через 30 днів після/,
    ru: /через 30 дней после/,
    ar: /بعد 30 يومًا|بعد ٣٠ يومًا/,
    fa: /(30|۳۰) روز پس از نوبت/,
    tr: /randevunuzdan 30 gün sonra/,
    fr: /30 jours après votre rendez-vous/,
  };
  for (const [lang, pattern] of Object.entries(expected)) {
    const page = await app.request(`/${lang}/privacy`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), pattern, lang);
  }
  const week = createTestApp(db, { clock, portal: { personalDataRetentionDays: 7 } });
  assert.match(await (await week.request('/en/privacy')).text(), /7 days after your appointment/);
  const oneDay = createTestApp(db, { clock, portal: { personalDataRetentionDays: 1 } });
  assert.match(await (await oneDay.request('/de/privacy')).text(), /1 Tag nach Ihrem Termin/);
});

test('the privacy page states how long portal messages are kept, from their own setting', async () => {
  const expected: Record<string, RegExp> = {
    de: /Kontaktformular löschen wir mit ihren Anhängen und unserer Antwort 180 Tage nach dem letzten Schritt/,
    en: /are deleted 180 days after the last step/,
    ar: /بعد 180 يومًا من آخر خطوة/,
    uk: /через 180 днів після останнього кроку/,
  };
  for (const [lang, pattern] of Object.entries(expected)) assert.match(await (await app.request(`/${lang}/privacy`)).text(), pattern, lang);
  const year = createTestApp(db, { clock, portal: { messageRetentionDays: 365 } });
  assert.match(await (await year.request('/en/privacy')).text(), /deleted 365 days after the last step/);
});
