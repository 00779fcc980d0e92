import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApplicationOffice } from '../../../../test/application-fixtures.ts';
import { createTestApp, createTestJobs } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';
import { addressChangeForm } from '../../../demo/forms/address-change-form.ts';
import { seedDemoForms } from '../../../demo/demo-forms.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { languages, translate } from '../../../web/i18n.ts';
import { saveAnswers } from '../save-answers.ts';
import { startApplication } from '../start-application.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const office = await createApplicationOffice(db, clock);
const jobs = createTestJobs(url);
const app = createTestApp(db, { clock, blobs: office.blobs, jobs });
const admin = await addStaff(db, 'admin');
const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });

async function signedIn(username: string) {
  const browser = new Browser(app);
  await browser.signIn(username);
  return browser;
}
const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<');

// Runs first: the next test changes the § 24 form, which leaves its translations outdated.
test('the demo forms have no missing translation; a form with German texts only shows every language missing and the German text, marked, in the portal', async () => {
  const browser = await signedIn(admin.username);
  for (const form of await db.selectFrom('application_form').select(['id', 'slug']).execute()) {
    const html = await (await browser.get(`/staff/admin/forms/${form.id}`)).text();
    assert.doesNotMatch(html, /data-state="(missing|outdated)"/, `${form.slug}: every translation current`);
  }
  const germanOnly = { ...addressChangeForm, slug: 'address-change-untranslated', texts: { de: addressChangeForm.texts.de ?? {} } };
  await seedDemoForms(db, clock, office.locationId, [germanOnly]);
  const form = await db.selectFrom('application_form').select('id').where('slug', '=', germanOnly.slug).executeTakeFirstOrThrow();
  const html = await (await browser.get(`/staff/admin/forms/${form.id}`)).text();
  assert.equal(html.match(/<td data-state="missing">/g)?.length, languages.length - 1, 'every other language missing');
  const portal = decode(await (await app.request(`/fa/apply/${germanOnly.slug}`)).text());
  assert.match(portal, new RegExp(translate('fa', 'apply.translation.missing')), 'the notice in Persian');
  assert.match(portal, /lang="de" dir="ltr">Neue Anschrift auf dem Aufenthaltstitel</, 'the German title, marked as German');
});

test('an administrator changes a form without a deployment: a new version, published; started applications keep theirs', async () => {
  const form = await db.selectFrom('application_form').select('id').where('slug', '=', 'temporary-protection').executeTakeFirstOrThrow();
  const started = await startApplication({ db, clock, jobs, publicUrl: 'http://localhost' }, { slug: 'temporary-protection', lang: 'uk' });
  const browser = await signedIn(admin.username);
  assert.equal((await (await signedIn(clerk.username)).get('/staff/admin/forms')).status, 403);
  const list = await browser.get('/staff/admin/forms');
  assert.equal(list.status, 200);
  assert.match(decode(await list.text()), /§ 24 AufenthG, Ukraine/);
  const page = `/staff/admin/forms/${form.id}`;
  const html = decode(await (await browser.get(page)).text());
  assert.equal(html.match(/<td data-state="current">/g)?.length, languages.length - 1, 'every portal language is translated and current');
  const definition = JSON.parse(/<textarea id="form-definition"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? '');
  const texts = JSON.parse(/<textarea id="form-texts"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1] ?? '');
  definition.steps[0].fields.push({ key: 'phone', kind: 'text', maxLength: 40 });
  texts['field.phone.label'] = 'Telefonnummer';
  const fields = {
    slug: 'temporary-protection',
    locationId: office.locationId,
    procedureTypeId: /name="procedureTypeId"[\s\S]*?<option value="([^"]+)" selected/.exec(html)?.[1] ?? '',
  };
  const refused = await browser.submit(page, page, { ...fields, definition: '{ not json', texts: JSON.stringify(texts) });
  assert.equal(refused.status, 422, 'a JSON typo is the administrator’s mistake');
  const missingText = await browser.submit(page, page, {
    ...fields,
    definition: JSON.stringify(definition),
    texts: JSON.stringify({ ...texts, 'field.phone.label': undefined }),
  });
  assert.equal(missingText.status, 422, 'every field needs its German label');
  const saved = await browser.submit(page, page, { ...fields, definition: JSON.stringify(definition), texts: JSON.stringify(texts) });
  assert.equal(saved.status, 303);
  const withDraft = decode(await (await browser.get(page)).text());
  const versionId = /name="versionId" value="([^"]+)"/.exec(withDraft)?.[1] ?? '';
  const revision = /action="[^"]*\/publish"[\s\S]*?name="basedOnRevision" value="(\d+)"/.exec(withDraft)?.[1] ?? '';
  assert.equal((await browser.submit(page, `${page}/publish`, { versionId, basedOnRevision: revision })).status, 303);
  const versions = await db.selectFrom('application_form_version').select(['number', 'state']).where('form_id', '=', form.id).orderBy('number').execute();
  assert.deepEqual(versions, [
    { number: 1, state: 'retired' },
    { number: 2, state: 'published' },
  ]);
  const after = decode(await (await browser.get(page)).text());
  assert.match(after, /<td data-state="outdated">/, 'the copied translations are outdated: the German changed');
  // The application started on v1 still saves against v1.
  const kept = await saveAnswers(
    { db, clock },
    {
      token: started.token,
      stepKey: 'person',
      formVersionId: started.formVersionId,
      basedOnRevision: 1,
      answers: { family_name: 'Коваленко', given_names: 'Олена', birth_date: '1990', nationality: 'ua' },
    },
  );
  assert.ok(kept.saved);
  const audit = await db.selectFrom('audit_entry').select('action').where('action', 'like', 'admin.application_form%').execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['admin.application_form.publish', 'admin.application_form.save_draft']);
});
