import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApplicationOffice, submitTemporaryProtection } from '../../../../test/application-fixtures.ts';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOutbox } from '../../../../test/outbox.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { translate } from '../../../web/i18n.ts';
import { deliverNotices, lookUpStatus } from '../../status-lookup/index.ts';
import { startApplication } from '../start-application.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const office = await createApplicationOffice(db, clock);
const jobs = createTestJobs(url);
const outbox = await createOutbox(jobs);
const app = createTestApp(db, { clock, blobs: office.blobs, jobs });
const deps = { db, clock, blobs: office.blobs, uploadMaxBytes: 20 * 1024 * 1024, jobs, publicUrl: 'http://localhost' };
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
const otherClerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });

const submitted = (email: string) => submitTemporaryProtection(deps, email);

async function signedIn(username: string) {
  const browser = new Browser(app);
  await browser.signIn(username);
  return browser;
}

test('a clerk sees new applications, asks for a missing document (status and e-mail in Ukrainian) and accepts one; two accepting at once: one wins', async () => {
  const receipt = await submitted('olena.inbox@example.org');
  const browser = await signedIn(clerk.username);
  const inbox = await browser.get('/staff/applications');
  assert.equal(inbox.status, 200);
  const html = await inbox.text();
  assert.ok(html.includes(receipt.procedureNumber));
  const applicationId = /action="\/staff\/applications\/([0-9a-f-]+)\/request-documents"/.exec(html)?.[1] ?? '';
  const nothingChosen = await browser.submit('/staff/applications', `/staff/applications/${applicationId}/request-documents`, {});
  assert.equal(nothingChosen.status, 422, 'no document chosen: the inbox again, with the message at the application');
  assert.match(await nothingChosen.text(), /Unterlage wählen/);
  const asked = await browser.submit('/staff/applications', `/staff/applications/${applicationId}/request-documents`, {
    kinds: ['proof_of_residence', 'other'],
    note: 'Meldebescheinigung (Anmeldung beim Bürgeramt)',
  });
  assert.equal(asked.status, 303);
  const procedure = await db
    .selectFrom('case_procedure')
    .innerJoin('procedure_status', 'procedure_status.id', 'case_procedure.status_id')
    .select(['procedure_status.code', 'case_procedure.id'])
    .where('case_procedure.number', '=', receipt.procedureNumber)
    .executeTakeFirstOrThrow();
  assert.equal(procedure.code, 'documents_missing');
  const requests = await db
    .selectFrom('procedure_document_request')
    .select(['kind', 'note'])
    .where('procedure_id', '=', procedure.id)
    .orderBy('kind')
    .execute();
  assert.deepEqual(requests, [
    { kind: 'other', note: 'Meldebescheinigung (Anmeldung beim Bürgeramt)' },
    { kind: 'proof_of_residence', note: null },
  ]);
  // The status look-up shows them in Ukrainian, and the notice of the new status goes out in Ukrainian.
  const answer = await lookUpStatus(
    { db, clock, timeZone: 'Europe/Berlin' },
    { kind: 'procedure', number: receipt.procedureNumber, dateOfBirth: { year: 1990, month: 5, day: 17 } },
    { lang: 'uk', channel: 'portal' },
  );
  assert.deepEqual(answer?.missing.map((m) => m.kind).sort(), ['other', 'proof_of_residence']);
  await deliverNotices({ db, clock, jobs, publicUrl: 'http://localhost' });
  const mail = await outbox.waitFor(
    (m) => m.headers.get('content-language') === 'uk' && (m.text ?? '').includes(receipt.procedureNumber) && (m.text ?? '').includes('Meldebescheinigung'),
  );
  assert.ok(mail.subject);

  const second = await signedIn(otherClerk.username);
  await browser.get('/staff/applications');
  await second.get('/staff/applications');
  const [a, b] = await Promise.all([
    browser.submit('/staff/applications', `/staff/applications/${applicationId}/accept`, {}),
    second.submit('/staff/applications', `/staff/applications/${applicationId}/accept`, {}),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [303, 409]);
  assert.ok(!(await (await browser.get('/staff/applications')).text()).includes(receipt.procedureNumber), 'an accepted application leaves the inbox');
});

test('save and continue later: the link comes by e-mail in the applicant’s language, and it opens the application', async () => {
  const { token } = await startApplication(deps, { slug: 'temporary-protection', lang: 'uk', email: 'later@example.org' });
  const mail = await outbox.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes('later@example.org'));
  assert.equal(
    mail.subject,
    translate('uk', 'apply.mail.subject', { form: 'Дозвіл на проживання для тимчасового захисту (§ 24 Закону про перебування, Україна)' }),
  );
  const link = new URL(/http:\/\/localhost\S+/.exec(mail.text ?? '')?.[0] ?? '');
  assert.equal(link.pathname, `/uk/apply/temporary-protection/a/${token}`);
  const opened = await app.request(link.pathname);
  assert.equal(opened.status, 303);
  assert.equal(opened.headers.get('location'), `${link.pathname}/1`);
  assert.equal((await app.request(`/uk/apply/temporary-protection/a/${'x'.repeat(43)}/1`)).status, 404, 'a guessed secret finds nothing');
});
