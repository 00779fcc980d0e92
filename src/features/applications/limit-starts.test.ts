import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApplicationOffice } from '../../../test/application-fixtures.ts';
import { createTestApp, createTestJobs, json } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { PortalClient } from '../../../test/portal/portal-client.ts';
import { fixedClock } from '../../shared/clock.ts';
import { translate } from '../../web/i18n.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const office = await createApplicationOffice(db, clock);
const app = createTestApp(db, {
  clock,
  blobs: office.blobs,
  jobs: createTestJobs(url),
  publicUrl: 'http://localhost',
  portal: { hmacKey: 'a'.repeat(40), applicationStartsPerIpPerHour: 3 },
});

const applications = async () => Number((await db.selectFrom('application').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const startOverApi = (lang: string) =>
  app.request('/api/v1/applications', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    body: JSON.stringify({ form: 'temporary-protection', language: lang }),
  });
async function startInPortal(client: PortalClient, lang: string) {
  const page = await client.get(`/${lang}/apply/temporary-protection`);
  return client.post(`/${lang}/apply/temporary-protection`, page.html, { email: '' });
}

test('starting applications is limited per address and hour, the portal and the API counting together; 429 in the reader’s language', async () => {
  const client = new PortalClient(app);
  assert.equal((await startOverApi('uk')).status, 201);
  assert.equal((await startInPortal(client, 'uk')).status, 303);
  assert.equal((await startOverApi('ar')).status, 201);
  const before = await applications();
  const refused = await startOverApi('ar');
  assert.equal(refused.status, 429);
  assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
  const problem = await json(refused);
  assert.equal(problem.code, 'rate_limited');
  assert.equal(problem.detail, `${translate('ar', 'portal.problem.limit.title')}. ${translate('ar', 'portal.problem.limit.text')}`);
  const page = await startInPortal(client, 'fa');
  assert.equal(page.status, 429);
  assert.equal(page.headers.get('retry-after'), '3600');
  assert.match(page.html, /<html lang="fa" dir="rtl">/);
  assert.ok(page.html.includes(translate('fa', 'portal.problem.limit.title')), 'the portal’s page says so in Persian');
  assert.equal(await applications(), before, 'a refused start leaves no application');
  clock.advance(60 * 60 * 1000);
  assert.equal((await startOverApi('uk')).status, 201, 'the next hour starts afresh');
});
