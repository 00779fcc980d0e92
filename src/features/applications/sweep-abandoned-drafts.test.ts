import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApplicationOffice } from '../../../test/application-fixtures.ts';
import { createTestJobs } from '../../../test/app.ts';
import { bytesOf } from '../../../test/case-document-fixtures.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { pdfWithText } from '../../demo/demo-documents.ts';
import { createLogger } from '../../platform/log.ts';
import { fixedClock } from '../../shared/clock.ts';
import { addUpload } from './add-upload.ts';
import { applicationByToken } from './application-store.ts';
import { saveAnswers } from './save-answers.ts';
import { startApplication } from './start-application.ts';
import { submitApplication } from './submit-application.ts';
import { draftSweepJob, sweepAbandonedDrafts } from './sweep-abandoned-drafts.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const office = await createApplicationOffice(db, clock);
const deps = { db, clock, blobs: office.blobs, uploadMaxBytes: 100 * 1024 * 1024, jobs: createTestJobs(url), publicUrl: 'https://termine.example.org' };
const sweepDeps = { db, clock, blobs: office.blobs, draftDays: 30 };
const day = 24 * 60 * 60 * 1000;
const t0 = clock.now().getTime();
const at = (days: number) => clock.set(new Date(t0 + days * day));

const person = { family_name: 'Коваленко', given_names: 'Олена', birth_date: '17.05.1990', nationality: 'ua' };
const stay = { in_ukraine_on_24_02_2022: 'yes', entry_date: '03.03.2022', address: { street: 'Bahnhofstraße 3', postalCode: '35578', city: 'Wetzlar' } };

const start = () => startApplication(deps, { slug: 'temporary-protection', lang: 'uk' });
const upload = async (token: string, text: string) => {
  const bytes = await pdfWithText([text]);
  await addUpload(deps, { token, fieldKey: 'passport', upload: { body: bytesOf(bytes), fileName: 'pass.pdf', declaredType: 'application/pdf' } });
  const application = await applicationByToken(db, token);
  return (await db.selectFrom('application_upload').select('blob_sha256').where('application_id', '=', application!.id).executeTakeFirstOrThrow()).blob_sha256;
};
const exists = async (token: string) => (await applicationByToken(db, token)) !== undefined;

test('drafts untouched for 30 days go with their uploads’ bytes; a saved step or an upload touches a draft; submitted applications stay', async () => {
  at(0);
  const abandoned = await start();
  const abandonedBlob = await upload(abandoned.token, 'Reisepass (verlassener Entwurf)');
  const savedLater = await start();
  const uploadedLater = await start();
  const submitted = await start();
  let revision = 1;
  for (const [stepKey, answers] of [
    ['person', person],
    ['stay', stay],
    ['family', {}],
  ] as const)
    revision = (
      (await saveAnswers(deps, { token: submitted.token, stepKey, formVersionId: submitted.formVersionId, basedOnRevision: revision, answers })) as {
        revision: number;
      }
    ).revision;
  const submittedBlob = await upload(submitted.token, 'Reisepass (eingereicht)');
  await submitApplication(deps, { token: submitted.token });

  at(5);
  const laterBlob = await upload(uploadedLater.token, 'Reisepass (später hochgeladen)');
  at(10);
  assert.ok(
    (await saveAnswers(deps, { token: savedLater.token, stepKey: 'person', formVersionId: savedLater.formVersionId, basedOnRevision: 1, answers: person }))
      .saved,
  );

  at(29);
  assert.deepEqual(await sweepAbandonedDrafts(sweepDeps), { applications: 0, blobs: 0 }, 'nothing is 30 days old yet');

  at(31);
  assert.deepEqual(await sweepAbandonedDrafts(sweepDeps), { applications: 1, blobs: 1 });
  assert.equal(await exists(abandoned.token), false);
  assert.equal(await office.blobs.has(abandonedBlob), false, 'the abandoned upload’s bytes are gone');
  assert.equal((await db.selectFrom('blob').select('sha256').where('sha256', '=', abandonedBlob).executeTakeFirst()) === undefined, true);
  assert.deepEqual(await Promise.all([savedLater, uploadedLater, submitted].map((a) => exists(a.token))), [true, true, true]);

  at(36);
  // Through the job's handler, as the nightly schedule runs it.
  await draftSweepJob({ ...sweepDeps, logger: createLogger('silent') }).handle({}, { id: 'test', retryCount: 0 });
  assert.equal(await exists(uploadedLater.token), false, 'its upload on day 5 was its last touch');
  assert.equal(await office.blobs.has(laterBlob), false);
  assert.equal(await exists(savedLater.token), true, 'saved on day 10');

  at(41);
  assert.deepEqual(await sweepAbandonedDrafts(sweepDeps), { applications: 1, blobs: 0 });
  assert.equal(await exists(savedLater.token), false);
  at(400);
  assert.equal((await sweepAbandonedDrafts(sweepDeps)).applications, 0);
  assert.equal(await exists(submitted.token), true, 'a submitted application is never swept');
  assert.equal(await office.blobs.has(submittedBlob), true, 'its file is a document of the case file now');
});

test('the number of days is a setting', async () => {
  at(500);
  const draft = await start();
  at(507);
  assert.equal((await sweepAbandonedDrafts({ ...sweepDeps, draftDays: 8 })).applications, 0);
  assert.equal((await sweepAbandonedDrafts({ ...sweepDeps, draftDays: 7 })).applications, 0, 'exactly 7 days: not yet older');
  at(507.01);
  assert.equal((await sweepAbandonedDrafts({ ...sweepDeps, draftDays: 7 })).applications, 1);
  assert.equal(await exists(draft.token), false);
});

test('a draft being saved while the sweep runs is kept: the sweep waits for the save and sees it', async () => {
  at(600);
  const draft = await start();
  at(700);
  let sweep: ReturnType<typeof sweepAbandonedDrafts> | undefined;
  await db.transaction().execute(async (trx) => {
    // What saveAnswers does: the row lock first, then the new answers with the clock's time.
    const locked = await applicationByToken(trx, draft.token, { forUpdate: true });
    sweep = sweepAbandonedDrafts(sweepDeps);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await trx.updateTable('application').set({ revision: 2, updated_at: clock.now() }).where('id', '=', locked!.id).execute();
  });
  assert.deepEqual(await sweep, { applications: 0, blobs: 0 });
  assert.equal(await exists(draft.token), true);
});
