import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { invitationContents, invitationRows } from '../src/features/invitations/invitation-content.ts';
import { invitationLettersPdf } from '../src/features/invitations/invitation-letter.ts';
import { releaseRunLetters, runInvitations } from '../src/features/invitations/index.ts';
import { portalKeyLoader } from '../src/features/portal/index.ts';
import { seedExpiringTitles } from '../test/invitation-fixtures.ts';
import { pdfText } from '../test/pdf-tools.ts';
import { addStaff, testPassword } from '../test/staff.ts';
import { axeViolations, launchBrowser } from './browser.ts';
import { startPortal } from './portal-server.ts';

const portal = await startPortal();
const browser: Browser = await launchBrowser();

test('the invited person confirms through the letter’s link, in Turkish, on a phone', async () => {
  const { db, clock, jobs } = portal;
  const service = await db.selectFrom('service').select('id').where('slug', '=', 'extension').executeTakeFirstOrThrow();
  const location = await db.selectFrom('location').select('id').where('slug', '=', 'mitte').executeTakeFirstOrThrow();
  await db
    .insertInto('invitation_service')
    .values(['residence_permit', 'temporary_protection'].map((kind) => ({ title_kind: kind, service_id: service.id })))
    .execute();
  // Two persons: a Turkish one (Ayşe Yılmaz) and a second one.
  await seedExpiringTitles(db, { count: 2, today: '2026-11-23', locationIds: [location.id], now: clock.now(), tag: 'E' });
  const deps = { db, clock, jobs, publicUrl: portal.baseUrl, timeZone: 'Europe/Berlin', key: portalKeyLoader(db, undefined) };
  const run = await runInvitations(deps, { trigger: 'staff', staffId: null });
  assert.equal(run.invited, 2);
  await releaseRunLetters(deps, run.runId, null);
  const [turkish] = (await invitationContents(deps, await invitationRows(db, { runId: run.runId }))).filter((c) => c.lang === 'tr');
  assert.ok(turkish);
  const letter = pdfText(await invitationLettersPdf([turkish], clock.now()));
  const link = new RegExp(`${portal.baseUrl.replace(/[.:/]/g, '\\$&')}/i/[A-Z0-9]+/[A-Za-z0-9_-]{12}`).exec(letter)?.[0];
  assert.ok(link, 'the letter prints the short link');

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'tr-TR' });
  const page = await context.newPage();
  await page.goto(link);
  await page.waitForURL(/\/tr\/appointment\/[A-Z0-9]+$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'tr');
  assert.match(await page.locator('main').innerText(), /Yabancılar Dairesi bu randevuyu sizin için ayırdı/);
  assert.deepEqual(await axeViolations(page), [], 'axe on the reserved appointment');
  await page.getByRole('button', { name: 'Randevuyu onayla' }).click();
  await page.waitForURL(/notice=confirmed/);
  assert.match(await page.locator('main').innerText(), /Teşekkürler! Randevunuz onaylandı\./);
  assert.equal(await page.getByRole('button', { name: 'Randevuyu onayla' }).count(), 0, 'nothing left to confirm');
  assert.deepEqual(await axeViolations(page), [], 'axe on the confirmed appointment');
  const row = await db.selectFrom('appointment').select('status').where('code', '=', turkish.appointment.code).executeTakeFirstOrThrow();
  assert.equal(row.status, 'booked');
  // The confirmation goes out by mail like any booking's.
  const mail = await portal.mail((m) => m.subject?.includes(turkish.appointment.code) === true || (m.text ?? '').includes(turkish.appointment.code));
  assert.ok(mail);
  await context.close();
});

test('the staff pages of the runs pass axe at desktop size (runs, review with its tables)', async () => {
  const { db } = portal;
  const location = await db.selectFrom('location').select('id').where('slug', '=', 'mitte').executeTakeFirstOrThrow();
  const lead = await addStaff(db, 'team_lead', { locationIds: [location.id] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/staff/sign-in`);
  await page.fill('#username', lead.username);
  await page.fill('#password', testPassword);
  await page.locator('form button[type=submit]').first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/staff/sign-in'));
  await page.goto(`${portal.baseUrl}/staff/invitations`);
  assert.deepEqual(await axeViolations(page), [], 'axe on the runs');
  await page.locator('main table a').first().click();
  await page.waitForURL(/\/staff\/invitations\/runs\//);
  assert.match(await page.locator('h1').innerText(), /Einladungslauf/);
  assert.deepEqual(await axeViolations(page), [], 'axe on a run under review');
  await context.close();
});

test('the administrator’s invitation settings pass axe at desktop size, also with a refused form', async () => {
  const { db } = portal;
  const admin = await addStaff(db, 'admin');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${portal.baseUrl}/staff/sign-in`);
  await page.fill('#username', admin.username);
  await page.fill('#password', testPassword);
  await page.locator('form button[type=submit]').first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/staff/sign-in'));
  await page.goto(`${portal.baseUrl}/staff/admin/invitations`);
  assert.match(await page.content(), /^<!DOCTYPE html>/i);
  assert.deepEqual(await axeViolations(page), [], 'axe on the settings');
  await page.fill('#policy-windowFromDays', '90');
  await page.fill('#policy-windowToDays', '60');
  await page.getByRole('button', { name: 'Regeln speichern' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('.error-summary').innerText(), /Das Ende des Zeitraums muss nach seinem Beginn liegen/);
  assert.equal(await page.inputValue('#policy-windowFromDays'), '90', 'what was typed stays');
  assert.deepEqual(await axeViolations(page), [], 'axe on the refused form');
  await context.close();
});
