import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { temporaryFolder } from '../../../../test/temporary-folder.ts';
import { createBlobStore } from '../../../platform/storage/blob-store.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { sendMessage } from '../send-message.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T07:00:00Z');
const blobs = createBlobStore({ folder: await temporaryFolder('lotse-message-staff-') });
const jobs = createTestJobs(url);
const app = createTestApp(db, { clock, blobs, jobs });
const office = await createOffice(db);
const other = await createOffice(db);
const deps = { db, clock: fixedClock('2026-11-20T07:00:00Z'), blobs, jobs, publicUrl: 'http://localhost:3000' };
const base = { name: 'Olena Kovalenko', dateOfBirth: '1985-02-01', email: 'olena@example.org', language: 'uk', attachments: [] };
const older = await sendMessage(deps, {
  ...base,
  kind: 'general',
  locationId: office.locationId,
  submissionKey: 'staff-test-older-000001',
  body: 'Коли буде готова картка?',
});
const newer = await sendMessage(
  { ...deps, clock },
  { ...base, kind: 'general', locationId: office.locationId, submissionKey: 'staff-test-newer-000001', body: 'Друге питання' },
);
await sendMessage(deps, { ...base, kind: 'general', locationId: other.locationId, submissionKey: 'staff-test-other-000001', body: 'Elsewhere' });

async function signedIn(role: 'clerk' | 'admin') {
  const { username } = await addStaff(db, role, role === 'clerk' ? { locationIds: [office.locationId] } : {});
  const browser = new Browser(app);
  assert.equal((await browser.signIn(username)).status, 303);
  return browser;
}

test('the inbox lists the location messages oldest first with their age; a clerk opens one and answers with a template', async () => {
  const admin = await signedIn('admin');
  const created = await admin.submit('/staff/admin/message-templates', '/staff/admin/message-templates', {
    name: 'Karte fertig',
    body: 'Ihre Karte liegt zur Abholung bereit.',
  });
  assert.equal(created.status, 303);
  const templatePath = created.headers.get('location')!;
  const listed = await (await admin.get('/staff/admin/message-templates')).text();
  assert.ok(listed.includes('Karte fertig') && listed.includes('Übersetzungen fehlen'));
  assert.equal((await admin.submit(templatePath, `${templatePath}/texts/uk`, { body: 'Ваша картка готова до отримання.' })).status, 303);
  const templateId = templatePath.split('/').pop()!;

  const clerk = await signedIn('clerk');
  const inbox = await (await clerk.get('/staff/messages')).text();
  assert.match(inbox, /^<!doctype html>/i);
  assert.ok(inbox.indexOf(older.reference) < inbox.indexOf(newer.reference), 'oldest first');
  assert.ok(inbox.includes('3 Tage') && inbox.includes('0 Std.'));
  assert.ok(!inbox.includes('Elsewhere'));
  const page = await (await clerk.get(`/staff/messages/${older.id}?template=${templateId}`)).text();
  assert.ok(page.includes('Коли буде готова картка?'));
  assert.ok(page.includes('Ваша картка готова до отримання.'), 'the template in the person language');
  const reads = await db.selectFrom('audit_entry').select('action').where('target_id', '=', older.id).where('action', '=', 'portal_message.read').execute();
  assert.equal(reads.length, 1);
  const answered = await clerk.submit(`/staff/messages/${older.id}`, `/staff/messages/${older.id}/answer`, {
    body: 'Ваша картка готова до отримання.',
    templateId,
  });
  assert.equal(answered.status, 303);
  const after = await (await clerk.get('/staff/messages')).text();
  assert.ok(!after.includes(older.reference) && after.includes(newer.reference));
  const answer = await db.selectFrom('portal_message_answer').select(['template_id']).where('message_id', '=', older.id).executeTakeFirstOrThrow();
  assert.equal(answer.template_id, templateId);
});

test('the figures page shows messages per week and their answer time', async () => {
  const clerk = await signedIn('clerk');
  const html = await (await clerk.get(`/staff/figures?location=${office.locationId}&from=2026-11-01&to=2026-11-30`)).text();
  assert.ok(html.includes('Nachrichten über das Portal'));
  // The older message (Friday of week 47) was answered by the first test on Monday of week 48, 72 hours later.
  assert.match(html, /<th scope="row">2026-W47<\/th><td class="number">1<\/td><td class="number">1<\/td><td class="number">72<\/td>/);
  assert.match(html, /<th scope="row">2026-W48<\/th><td class="number">1<\/td><td class="number">0<\/td><td class="number">—<\/td>/);
});
