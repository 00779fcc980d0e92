import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { sourceDigest } from '../src/features/office/index.ts';
import { createTestDatabase } from '../test/database.ts';
import { addStaff, testPassword } from '../test/staff.ts';
import { axeViolations, launchBrowser } from './browser.ts';
import { startServer } from './server.ts';

const { db, url: databaseUrl } = await createTestDatabase();
const browser: Browser = await launchBrowser();
let server: Awaited<ReturnType<typeof startServer>>;

before(async () => {
  server = await startServer(databaseUrl);
});
after(async () => {
  await server?.stop();
});

test('an admin signs in and edits the Ukrainian text and Mitbringliste of a service', { timeout: 120_000 }, async () => {
  const admin = await addStaff(db, 'admin');
  const service = await db
    .insertInto('service')
    .values({ slug: 'aufenthaltstitel-verlaengern', duration_minutes: 30 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const german = {
    name: 'Aufenthaltstitel verlängern',
    description: 'Verlängerung der Aufenthaltserlaubnis.',
    audience: '',
    required_documents: ['Reisepass', 'Biometrisches Foto'],
    fee_note: '',
  };
  await db
    .insertInto('service_text')
    .values({ service_id: service.id, lang: 'de', ...german, source_digest: sourceDigest(german) })
    .execute();

  const context = await browser.newContext({ locale: 'de-DE', bypassCSP: true });
  const page = await context.newPage();
  const violations: Record<string, string[]> = {};

  await page.goto(`${server.url}/staff/admin/services`);
  assert.match(page.url(), /\/staff\/sign-in\?next=%2Fstaff%2Fadmin%2Fservices/);
  violations['sign-in'] = await axeViolations(page);
  await page.getByLabel('Benutzername').fill(admin.username);
  await page.getByLabel('Passwort').fill(testPassword);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(/\/staff\/admin\/services$/);
  violations.services = await axeViolations(page);

  await page.getByRole('link', { name: 'Aufenthaltstitel verlängern' }).click();
  await page.waitForURL(/\/staff\/admin\/services\/[0-9a-f-]{36}$/);
  violations.service = await axeViolations(page);
  await page.getByRole('link', { name: 'Українська' }).click();
  violations['service text'] = await axeViolations(page);

  await page.getByLabel('Name', { exact: true }).fill('Продовження посвідки на проживання');
  await page.getByLabel('Beschreibung').fill('Продовження дозволу на проживання.');
  await page.getByLabel('Mitbringliste').fill('Закордонний паспорт\nБіометричне фото');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Gespeichert.').waitFor();

  const uk = await db.selectFrom('service_text').selectAll().where('service_id', '=', service.id).where('lang', '=', 'uk').executeTakeFirstOrThrow();
  assert.equal(uk.name, 'Продовження посвідки на проживання');
  assert.deepEqual(uk.required_documents, ['Закордонний паспорт', 'Біометричне фото']);
  assert.equal(uk.source_digest, sourceDigest(german));
  const audit = await db.selectFrom('audit_entry').select('actor_staff_id').where('action', '=', 'admin.service_text.save').executeTakeFirstOrThrow();
  assert.equal(audit.actor_staff_id, admin.id);

  // The other admin pages, with some data on them.
  const location = await db
    .insertInto('location')
    .values({ slug: 'wetzlar', name: 'Wetzlar', address: 'Karl-Kellner-Ring 51' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('specialty')
    .values({ slug: 'ukraine', name: 'Ukraine', queue_prefix: 'U', routing_rule: JSON.stringify({ kind: 'nationality', countries: ['UA'] }) })
    .execute();
  const clerk = await addStaff(db, 'clerk', { locationIds: [location.id] });
  const pages: Record<string, string> = {
    locations: '/staff/admin/locations',
    location: `/staff/admin/locations/${location.id}`,
    specialties: '/staff/admin/specialties',
    'new service': '/staff/admin/services/new',
    staff: '/staff/admin/staff',
    'staff member': `/staff/admin/staff/${clerk.id}`,
    hours: `/staff/admin/hours/${clerk.id}`,
    security: '/staff/admin/security',
    audit: `/staff/admin/audit?staff=${admin.username}`,
  };
  for (const [name, path] of Object.entries(pages)) {
    const response = await page.goto(`${server.url}${path}`);
    assert.equal(response?.status(), 200, path);
    violations[name] = await axeViolations(page);
  }

  await context.close();
  assert.deepEqual(violations, Object.fromEntries(Object.keys(violations).map((name) => [name, []])));
});
