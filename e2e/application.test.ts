import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { pdfWithText } from '../src/demo/demo-documents.ts';
import { createPersonWithFile } from '../test/case-file-factory.ts';
import { createService } from '../test/office-factory.ts';
import { addStaff } from '../test/staff.ts';
import { startApplicationServer } from './application-server.ts';
import { axeViolations, launchBrowser, signInStaff } from './browser.ts';

const { db, office, baseUrl } = await startApplicationServer();
const browser: Browser = await launchBrowser();
const passport = await pdfWithText(['Паспорт / جواز السفر']);

/** axe without violations, and nothing wider than the phone (no sideways scrolling at 360 px). */
async function checkPage(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what} fits 360 px (is ${width})`);
}

type Check = (page: Page, what: string) => Promise<void>;

/**
 * With JavaScript off nothing can be evaluated in the page (axe, widths): the page's address is
 * opened again in a tab with JavaScript and checked there (a page after a refused POST is checked
 * in the Ukrainian journey).
 */
async function checkedElsewhere(page: Page, what: string) {
  if (what.includes('with an error')) return;
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const tab = await context.newPage();
  await tab.goto(page.url());
  await checkPage(tab, what);
  await context.close();
}

async function apply(page: Page, lang: string, answers: { family: string; given: string; street: string; child: string }, check: Check = checkPage) {
  await page.goto(`${baseUrl}/${lang}/apply`);
  await check(page, `${lang} list of forms`);
  await page.click(`a[href="/${lang}/apply/temporary-protection"]`);
  await check(page, `${lang} start`);
  await page.fill('#email', 'applicant@example.org');
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/a\/[A-Za-z0-9_-]{43}\/1$/);
  await check(page, `${lang} step 1`);
  await page.fill('#f-family_name', answers.family);
  await page.fill('#f-given_names', answers.given);
  await page.fill('#f-birth_date', '17.05.1990');
  await page.check('input[name="a.nationality"][value="ua"]');
  await page.click('button[value="next"]');
  await page.waitForURL(/\/2$/);
  await page.check('input[name="a.in_ukraine_on_24_02_2022"][value="yes"]');
  await page.fill('#f-entry_date', '01.02.2022');
  await page.fill('#f-address-street', answers.street);
  await page.fill('#f-address-postalCode', '35578');
  await page.fill('#f-address-city', 'Wetzlar');
  await page.click('button[value="next"]');
  // The form's own rule: entry on or after 24.02.2022, said in the reader's language.
  await page.locator('.error-summary').waitFor();
  await check(page, `${lang} step 2 with an error`);
  await page.fill('#f-entry_date', '03.03.2022');
  await page.click('button[value="next"]');
  await page.waitForURL(/\/3$/);
  await page.fill('#f-family_members-0-family_name', answers.family);
  await page.fill('#f-family_members-0-given_names', answers.child);
  await page.fill('#f-family_members-0-birth_date', '2015');
  await page.check('input[name="a.family_members.0.relation"][value="child"]');
  await page.click('button[value="next"]');
  await page.waitForURL(/\/4$/);
  await check(page, `${lang} documents`);
  await page.setInputFiles('#f-passport', { name: 'passport.pdf', mimeType: 'application/pdf', buffer: passport });
  await page.locator('form[enctype="multipart/form-data"] button').first().click();
  await page.waitForURL(/\/4$/);
  assert.match(await page.locator('.uploaded').innerText(), /passport\.pdf/);
  await page.click('button[value="next"]');
  await page.waitForURL(/\/review$/);
  await check(page, `${lang} review`);
  assert.match(await page.locator('main').innerText(), new RegExp(answers.child));
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(/\/receipt$/);
  await check(page, `${lang} receipt`);
  const number = (await page.locator('[data-procedure-number]').innerText()).trim();
  assert.match(number, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
  return number;
}

test('a § 24 application in Ukrainian on a phone, from the list of forms to the receipt', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'uk' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const number = await apply(page, 'uk', { family: 'Коваленко', given: 'Олена', street: 'Bahnhofstraße 3', child: 'Марко' });
  assert.equal(await page.getAttribute('html', 'lang'), 'uk');
  assert.match(await page.locator('main').innerText(), /§ 81 абз\. 3/);
  const pdf = await page.request.get(`${page.url()}.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
  const row = await db
    .selectFrom('case_procedure')
    .innerJoin('case_file', 'case_file.id', 'case_procedure.file_id')
    .innerJoin('case_person', 'case_person.id', 'case_file.person_id')
    .select(['case_person.family_name', 'case_person.preferred_language'])
    .where('case_procedure.number', '=', number)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { family_name: 'Коваленко', preferred_language: 'uk' });
  await context.close();
});

test('the same in Arabic with JavaScript off: right to left, every step a plain form', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ar', javaScriptEnabled: false });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const number = await apply(page, 'ar', { family: 'الحسن', given: 'أمينة', street: 'Bahnhofstraße 5', child: 'يوسف' }, checkedElsewhere);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.locator('bdi:has([data-procedure-number])').getAttribute('dir'), 'ltr');
  const row = await db.selectFrom('case_procedure').select('number').where('number', '=', number).executeTakeFirst();
  assert.ok(row);
  await context.close();
});

test('the clerk compares the persons of an uncertain match and books an appointment for the applicant, with JavaScript off; axe on each page', async () => {
  const clerk = await addStaff(db, 'clerk', { locationIds: [office.locationId] });
  const serviceId = await createService(db, office, { texts: { de: 'Aufenthaltserlaubnis § 24' } });
  const giver = await addStaff(db, 'clerk', { locationIds: [office.locationId], specialtyIds: [office.specialtyId] });
  await db.insertInto('working_hours').values({ staff_id: giver.id, location_id: office.locationId, weekday: 1, starts: '10:00', ends: '12:00' }).execute();
  await db.updateTable('procedure_type').set({ service_id: serviceId }).where('code', '=', 'temporary-protection').execute();
  // The Ukrainian applicant of the first test, made uncertain: a namesake with a file, for the clerk to compare.
  const namesake = await createPersonWithFile(db, {
    locationId: office.locationId,
    person: { familyName: 'Kovalenko', givenNames: 'Olena', birthDate: { year: 1990, month: 5, day: null } },
    reference: 'WZ-2020-0042',
  });
  const application = await db
    .updateTable('application')
    .set({ person_match: 'uncertain', match_candidates: [namesake.personId] })
    .where('lang', '=', 'uk')
    .where('state', '=', 'submitted')
    .returning('id')
    .executeTakeFirstOrThrow();

  const withScript = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
  const checking = await withScript.newPage();
  await signInStaff(checking, baseUrl, clerk.username);
  const axeOn = async (path: string, what: string) => {
    await checking.goto(`${baseUrl}${path}`);
    assert.deepEqual(await axeViolations(checking), [], `axe on ${what}`);
  };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE', javaScriptEnabled: false });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await signInStaff(page, baseUrl, clerk.username);
  await page.goto(`${baseUrl}/staff/applications`);
  await axeOn('/staff/applications', 'the inbox');
  await page.click(`a[href="/staff/applications/${application.id}/match"]`);
  await axeOn(`/staff/applications/${application.id}/match`, 'the person match');
  assert.match(await page.locator('main').innerText(), /WZ-2020-0042/);
  await page.check('input[name="personId"][value="new"]');
  await page.locator('main form[method="post"] button[type="submit"]').click();
  await page.waitForURL(/\/staff\/applications$/);

  await page.click(`a[href="/staff/applications/${application.id}/appointment"]`);
  await axeOn(`/staff/applications/${application.id}/appointment`, 'the booking page');
  await page.locator('input[name="start"]').first().check();
  await page.locator('main form[method="post"] button[type="submit"]').click();
  await page.waitForURL(/\/appointment$/);
  assert.match(await page.locator('main').innerText(), /Schon gebucht/);
  await axeOn(`/staff/applications/${application.id}/appointment`, 'the booking page with the appointment');
  await context.close();
  await withScript.close();
});
