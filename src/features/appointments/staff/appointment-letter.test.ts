import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { pdfText } from '../../../../test/pdf-tools.ts';
import { createOffice, createService } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { translate } from '../../../web/i18n.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T06:00:00Z'); // Monday, 07:00 in Berlin
const sut = createTestApp(db, { url, clock });
const office = await createOffice(db);
const serviceId = await createService(db, office, { texts: { de: 'Übertrag eAT', fa: 'انتقال کارت اقامت' } });
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId], specialtyIds: [office.specialtyId] });
const colleague = await addStaff(db, 'clerk', { locationIds: [office.locationId], specialtyIds: [office.specialtyId] });
const admin = await addStaff(db, 'admin');
await db.insertInto('working_hours').values({ staff_id: clerk.id, location_id: office.locationId, weekday: 1, starts: '07:00', ends: '16:00' }).execute();
const browser = new Browser(sut);
await browser.signIn(clerk.username);

async function bookPhoneCustomer(): Promise<{ id: string; code: string }> {
  const booked = await browser.submit('/staff/calendar/book', '/staff/calendar/book', {
    serviceId,
    locationId: office.locationId,
    start: '2026-11-23T10:00',
    name: 'Mehrnoosh Ahmadi',
    dateOfBirth: '1990-02-11',
    email: '',
    language: 'fa',
  });
  assert.equal(booked.status, 303);
  return db.selectFrom('appointment').select(['id', 'code']).where('person_name', '=', 'Mehrnoosh Ahmadi').executeTakeFirstOrThrow();
}

test('a clerk prints the confirmation of a phone booking without e-mail: German first, then Persian, with the letterhead', async () => {
  const appointment = await bookPhoneCustomer();
  const page = await (await browser.get(`/staff/calendar/appointments/${appointment.id}`)).text();
  assert.match(page, new RegExp(`/staff/calendar/appointments/${appointment.id}/letter.pdf`));

  // The administrator enters the location's letterhead first.
  const adminBrowser = new Browser(sut);
  await adminBrowser.signIn(admin.username);
  const form = `/staff/admin/locations/${office.locationId}/letterhead`;
  const saved = await adminBrowser.submit(form, form, {
    authority: 'Lahn-Dill-Kreis · Ausländerbehörde',
    contactLines: 'Karl-Kellner-Ring 51, 35576 Wetzlar\nTelefon 06441 407-0',
    returnAddress: 'Lahn-Dill-Kreis · Karl-Kellner-Ring 51 · 35576 Wetzlar',
    signatureLines: 'Mit freundlichen Grüßen\nIhre Ausländerbehörde Wetzlar',
  });
  assert.equal(saved.status, 303);

  const response = await browser.get(`/staff/calendar/appointments/${appointment.id}/letter.pdf`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const pdf = Buffer.from(await response.arrayBuffer());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(pdf);
  for (const expected of ['Lahn-Dill-Kreis · Ausländerbehörde', 'Mehrnoosh Ahmadi', appointment.code, 'Übertrag eAT', 'Ihre Ausländerbehörde Wetzlar']) {
    assert.ok(text.includes(expected), expected);
  }
  assert.match(text, /Montag, 23\. November 2026/);
  assert.match(text, /Seite 1 von [12]/);
  // The Persian part: the service in Persian and the intro's words (word by word: the
  // extractor's line order of right-to-left text is its own, see platform/pdf).
  const words = text.split(/\s+/);
  for (const word of translate('fa', 'portal.mail.confirmation.intro').replace(/[.،]/g, '').split(/\s+/))
    assert.ok(
      words.some((w) => w.includes(word)),
      word,
    );
  const printed = await db.selectFrom('audit_entry').select(['actor_staff_id', 'target_id']).where('action', '=', 'appointment.letter').execute();
  assert.deepEqual(printed, [{ actor_staff_id: clerk.id, target_id: appointment.id }]);
});

test('another clerk cannot print it, an unknown id is 404; nothing is printed for them', async () => {
  const appointment = await db.selectFrom('appointment').select(['id']).where('person_name', '=', 'Mehrnoosh Ahmadi').executeTakeFirstOrThrow();
  const other = new Browser(sut);
  await other.signIn(colleague.username);
  assert.equal((await other.get(`/staff/calendar/appointments/${appointment.id}/letter.pdf`)).status, 403);
  assert.equal((await other.get('/staff/calendar/appointments/00000000-0000-4000-8000-000000000000/letter.pdf')).status, 404);
  const printed = await db
    .selectFrom('audit_entry')
    .select('id')
    .where('action', '=', 'appointment.letter')
    .where('actor_staff_id', '=', colleague.id)
    .execute();
  assert.equal(printed.length, 0);
});

test('the letterhead form refuses what a letter cannot carry and changes nothing; only administrators reach it', async () => {
  const adminBrowser = new Browser(sut);
  await adminBrowser.signIn(admin.username);
  const form = `/staff/admin/locations/${office.locationId}/letterhead`;
  const before = await db.selectFrom('location_letterhead').selectAll().where('location_id', '=', office.locationId).executeTakeFirst();
  const base = { authority: 'Kreis', contactLines: '', returnAddress: 'Kreis · Weg 1', signatureLines: '' };
  assert.equal((await adminBrowser.submit(form, form, { ...base, authority: '   ' })).status, 422);
  assert.equal((await adminBrowser.submit(form, form, { ...base, contactLines: 'a\nb\nc\nd\ne' })).status, 422, 'five contact lines');
  assert.equal((await adminBrowser.submit(form, form, { ...base, returnAddress: 'x'.repeat(201) })).status, 422);
  const unknown = '/staff/admin/locations/00000000-0000-4000-8000-000000000000/letterhead';
  assert.equal((await adminBrowser.submit(form, unknown, base)).status, 404);
  assert.deepEqual(await db.selectFrom('location_letterhead').selectAll().where('location_id', '=', office.locationId).executeTakeFirst(), before);
  assert.equal((await browser.get(form)).status, 403, 'a clerk');
  const page = await (await adminBrowser.get(form)).text();
  assert.match(page, /^<!DOCTYPE html>/i);
  assert.match(page, /Lahn-Dill-Kreis · Ausländerbehörde/);
});
