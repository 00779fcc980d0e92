import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { addInfoPages } from '../../../../test/portal/info-page-fixture.ts';
import { createTestOffice } from '../../../../test/portal/office-fixture.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';

const { db } = await createTestDatabase();
const office = await createTestOffice(db);
const fixture = await addInfoPages(db, { serviceId: office.serviceId });
const sut = createTestApp(db, { clock: fixedClock('2026-11-23T08:00:00Z') });
const admin = new Browser(sut);
await admin.signIn((await addStaff(db, 'admin')).username);

const page = {
  slug: 'ukraine-schutz',
  position: '1',
  published: 'on',
  title: 'Ukraine: vorübergehender Schutz (§ 24 AufenthG)',
  summary: 'Aufenthaltserlaubnis für Geflüchtete aus der Ukraine.',
  body: 'Sie sind aus der Ukraine geflohen?\n\nBitte bringen Sie mit:\n- Pass\n- Meldebescheinigung',
  serviceIds: [office.serviceId],
};
const idFrom = (response: Response) => /info-pages\/([0-9a-f-]{36})/.exec(response.headers.get('location') ?? '')?.[1] ?? '';
const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

test('an admin creates a page, sees each language’s state, and citizens see it once published', async () => {
  const created = await admin.submit('/staff/admin/info-pages/new', '/staff/admin/info-pages', page);
  assert.equal(created.status, 303);
  const id = idFrom(created);
  const edit = await (await admin.get(`/staff/admin/info-pages/${id}`)).text();
  assert.match(edit, /<span class="badge missing" data-lang="uk">/);
  assert.match(edit, new RegExp(`name="serviceIds" value="${office.serviceId}" checked`));
  assert.match(edit, /action="\/de\/info\/ukraine-schutz\/notice"/, 'the notice with a language picker');
  assert.equal((await sut.request('/de/info/ukraine-schutz')).status, 200);

  const list = await (await admin.get('/staff/admin/info-pages')).text();
  assert.match(list, /data-lang="ar" data-state="current"/, 'the fixture’s Arabic is current');
  assert.match(list, /data-lang="en" data-state="outdated"/);
  assert.match(list, /data-lang="uk" data-state="unapproved"/);
  assert.match(list, /data-lang="fa" data-state="missing"/);
  assert.match(list, /Entwurf<\/a> \(nicht veröffentlicht\)/);
});

test('a translation is edited beside the German source, right to left for Arabic, and a machine translation is approved', async () => {
  const path = `/staff/admin/info-pages/${fixture.pageId}/texts/uk`;
  const form = await (await admin.get(path)).text();
  assert.match(form, /<section aria-labelledby="source-h" lang="de" dir="ltr">/);
  assert.match(form, /<textarea id="page-body" name="body"[^>]* lang="uk" dir="ltr"/);
  assert.match(form, /action="\/staff\/admin\/info-pages\/[0-9a-f-]+\/texts\/uk\/approve"/);
  const rtl = await (await admin.get(`/staff/admin/info-pages/${fixture.pageId}/texts/ar`)).text();
  assert.match(rtl, /<input type="text" id="page-title" name="title"[^>]* lang="ar" dir="rtl"/);

  const approved = await admin.submit(path, `${path}/approve`, { version: versionIn(form) });
  assert.equal(approved.status, 303);
  const row = await db.selectFrom('info_page_text').selectAll().where('info_page_id', '=', fixture.pageId).where('lang', '=', 'uk').executeTakeFirstOrThrow();
  assert.ok(row.approved_at);
  assert.doesNotMatch(await (await sut.request('/uk/info/eat-karte')).text(), /data-mark="machine-translated"/);
  const again = await admin.submit(path, `${path}/approve`, { version: versionIn(form) });
  assert.equal(again.status, 409, 'an approval from an old form is stale');
});

test('a stale save is a 409 that keeps what was typed, and changes nothing', async () => {
  const created = await admin.submit('/staff/admin/info-pages/new', '/staff/admin/info-pages', { ...page, slug: 'ihre-eat-karte' });
  const id = idFrom(created);
  const path = `/staff/admin/info-pages/${id}`;
  const formA = await (await admin.get(path)).text();
  const first = await admin.submit(path, path, { ...page, slug: 'ihre-eat-karte', title: 'Fassung A', version: versionIn(formA) });
  assert.equal(first.status, 303);
  const second = await admin.submit(path, path, { ...page, slug: 'ihre-eat-karte', title: 'Fassung B', version: versionIn(formA) });
  assert.equal(second.status, 409);
  const html = await second.text();
  assert.match(html, /Jemand hat inzwischen gespeichert/);
  assert.match(html, /value="Fassung B"/, 'what was typed is kept');
  const title = await db.selectFrom('info_page_text').select('title').where('info_page_id', '=', id).where('lang', '=', 'de').executeTakeFirstOrThrow();
  assert.equal(title.title, 'Fassung A');
});

test('bad input: 4xx with the problem at the field, nothing written', async () => {
  const count = async () => (await db.selectFrom('info_page').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
  const before = await count();
  const noTitle = await admin.submit('/staff/admin/info-pages/new', '/staff/admin/info-pages', { ...page, slug: 'ohne-titel', title: '' });
  assert.equal(noTitle.status, 422);
  const html = await noTitle.text();
  assert.match(html, /id="page-title-error"/);
  assert.match(html, /value="ohne-titel"/);
  const badSlug = await admin.submit('/staff/admin/info-pages/new', '/staff/admin/info-pages', { ...page, slug: 'Große Seite!' });
  assert.equal(badSlug.status, 422);
  const taken = await admin.submit('/staff/admin/info-pages/new', '/staff/admin/info-pages', { ...page, slug: 'eat-karte' });
  assert.equal(taken.status, 409);
  const badService = await admin.submit('/staff/admin/info-pages/new', '/staff/admin/info-pages', { ...page, slug: 'neu', serviceIds: ['not-a-uuid'] });
  assert.equal(badService.status, 422);
  const tooLong = await admin.submit('/staff/admin/info-pages/new', '/staff/admin/info-pages', { ...page, slug: 'lang', body: 'x'.repeat(20_001) });
  assert.equal(tooLong.status, 422);
  assert.equal(await count(), before);
  const path = `/staff/admin/info-pages/${fixture.pageId}/texts/fa`;
  const noDigest = await admin.submit(path, path, { title: 'هزینه‌ها', version: '0', sourceDigest: 'nope' });
  assert.equal(noDigest.status, 422);
  assert.equal((await admin.get(`/staff/admin/info-pages/${fixture.pageId}/texts/de`)).status, 404, 'German is edited on the page itself');
  assert.equal((await admin.get(`/staff/admin/info-pages/${fixture.pageId}/texts/xx`)).status, 404);
  assert.equal((await admin.get('/staff/admin/info-pages/not-a-uuid')).status, 404);
  assert.equal((await admin.get('/staff/admin/info-pages/00000000-0000-4000-8000-000000000000')).status, 404);
});

test('only administrators: a team lead and a clerk get 403 and change nothing', async () => {
  for (const role of ['team_lead', 'clerk'] as const) {
    const browser = new Browser(sut);
    await browser.signIn((await addStaff(db, role)).username);
    assert.equal((await browser.get('/staff/admin/info-pages')).status, 403, role);
    const csrf = await browser.csrfFrom('/staff');
    const attempt = await browser.post(`/staff/admin/info-pages/${fixture.pageId}/texts/tr`, {
      _csrf: csrf,
      title: 'Hacked',
      version: '0',
      sourceDigest: 'a'.repeat(32),
    });
    assert.equal(attempt.status, 403, role);
  }
  assert.equal(await db.selectFrom('info_page_text').select('lang').where('lang', '=', 'tr').executeTakeFirst(), undefined);
  const anonymous = await new Browser(sut).get('/staff/admin/info-pages');
  assert.equal(anonymous.status, 303, 'to the sign-in');
  assert.match(anonymous.headers.get('location') ?? '', /\/staff\/sign-in/);
});
