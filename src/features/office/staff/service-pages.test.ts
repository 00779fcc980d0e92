import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const sut = createTestApp(db, { clock });

const admin = await addStaff(db, 'admin');
const browser = new Browser(sut);
await browser.signIn(admin.username);

const settings = {
  slug: 'uebertrag',
  durationMinutes: '20',
  slotMinutes: '10',
  fee: '',
  minLeadMinutes: '60',
  maxDaysAhead: '42',
  sameDayRelease: '07:30',
  requiredResourceKind: '',
  onlineBookable: 'on',
  walkInDailyQuota: '',
};

async function createService(): Promise<string> {
  const response = await browser.submit('/staff/admin/services/new', '/staff/admin/services', {
    ...settings,
    name: 'Übertrag eAT',
    slug: `svc-${Math.random().toString(36).slice(2, 8)}`,
  });
  assert.equal(response.status, 303);
  return /\/staff\/admin\/services\/([0-9a-f-]{36})/.exec(response.headers.get('location') ?? '')?.[1] ?? '';
}

const german = {
  name: 'Übertrag eAT',
  description: 'Den Aufenthaltstitel auf einen neuen Pass übertragen.',
  audience: '',
  requiredDocuments: 'Neuer Pass\nAlter Pass\neAT',
  feeNote: '',
};

test('an admin creates a service and sets settings; the change is audited with before and after', async () => {
  const id = await createService();
  const response = await browser.submit(`/staff/admin/services/${id}`, `/staff/admin/services/${id}`, {
    ...settings,
    slug: 'uebertrag',
    fee: '96,00',
    walkInAllowed: 'on',
    walkInDailyQuota: '12',
    active: 'on',
  });
  assert.equal(response.status, 303);
  const row = await db.selectFrom('service').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.fee_cents, 9600);
  assert.equal(row.walk_in_allowed, true);
  assert.equal(row.same_day_release, '07:30:00');
  assert.equal(row.max_days_ahead, 42);
  const audit = await db
    .selectFrom('audit_entry')
    .selectAll()
    .where('action', '=', 'admin.service.update')
    .where('target_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal((audit.before as { fee_cents: number | null }).fee_cents, null);
  assert.equal((audit.after as { fee_cents: number }).fee_cents, 9600);
});

test('a translation is outdated only after the German text really changed', async () => {
  const id = await createService();
  await browser.submit(`/staff/admin/services/${id}/texts/de`, `/staff/admin/services/${id}/texts/de`, german);
  const saved = await browser.submit(`/staff/admin/services/${id}/texts/uk`, `/staff/admin/services/${id}/texts/uk`, {
    name: 'Перенесення посвідки',
    description: 'Перенесення дозволу на проживання в новий паспорт.',
    audience: '',
    requiredDocuments: 'Новий паспорт\nСтарий паспорт\neAT',
    feeNote: '',
  });
  assert.equal(saved.status, 303);
  const uk = await db.selectFrom('service_text').selectAll().where('service_id', '=', id).where('lang', '=', 'uk').executeTakeFirstOrThrow();
  assert.deepEqual(uk.required_documents, ['Новий паспорт', 'Старий паспорт', 'eAT']);

  const statusOf = async (lang: string) => {
    const html = await (await browser.get(`/staff/admin/services/${id}`)).text();
    return new RegExp(`texts/${lang}">[^<]+</a> — <span class="badge (\\w+)"`).exec(html)?.[1];
  };
  assert.equal(await statusOf('uk'), 'current');
  assert.equal(await statusOf('ar'), 'missing');

  await browser.submit(`/staff/admin/services/${id}/texts/de`, `/staff/admin/services/${id}/texts/de`, german);
  assert.equal(await statusOf('uk'), 'current', 'saving the same German text changes nothing');

  await browser.submit(`/staff/admin/services/${id}/texts/de`, `/staff/admin/services/${id}/texts/de`, {
    ...german,
    requiredDocuments: `${german.requiredDocuments}\nBiometrisches Foto`,
  });
  assert.equal(await statusOf('uk'), 'outdated');
});

test('the text form of a right-to-left language is right to left, whichever language it is', async () => {
  const id = await createService();
  for (const [lang, dir] of [
    ['ps', 'rtl'],
    ['prs', 'rtl'],
    ['fa', 'rtl'],
    ['ti', 'ltr'],
  ]) {
    const html = await (await browser.get(`/staff/admin/services/${id}/texts/${lang}`)).text();
    assert.match(html, new RegExp(`<textarea id="text-description"[^>]* lang="${lang}" dir="${dir}"`), lang);
  }
});

test('bad input changes nothing: over-long text, tampered id, unknown language', async () => {
  const id = await createService();
  const tooLong = await browser.submit(`/staff/admin/services/${id}/texts/uk`, `/staff/admin/services/${id}/texts/uk`, { name: 'x'.repeat(201) });
  assert.equal(tooLong.status, 422);
  assert.equal(await db.selectFrom('service_text').select('lang').where('service_id', '=', id).where('lang', '=', 'uk').executeTakeFirst(), undefined);
  const tooMany = await browser.submit(`/staff/admin/services/${id}/texts/uk`, `/staff/admin/services/${id}/texts/uk`, {
    name: 'Мій текст',
    requiredDocuments: Array.from({ length: 41 }, (_, i) => `Doc ${i}`).join('\n'),
  });
  assert.equal(tooMany.status, 422);
  const again = await tooMany.text();
  assert.match(again, /value="Мій текст"/, 'what was typed is kept');
  assert.match(again, /id="text-documents-error"/, 'the problem is shown at the field');
  assert.match(again, /aria-invalid="true"/);
  assert.equal((await browser.get('/staff/admin/services/not-a-uuid')).status, 404);
  assert.equal((await browser.get('/staff/admin/services/00000000-0000-4000-8000-000000000000')).status, 404);
  assert.equal((await browser.get(`/staff/admin/services/${id}/texts/xx`)).status, 404);
  const badSettings = await browser.submit(`/staff/admin/services/${id}`, `/staff/admin/services/${id}`, { ...settings, durationMinutes: '9999' });
  assert.equal(badSettings.status, 422);
});

test('a clerk trying an admin action gets 403, nothing changes, and the attempt is audited', async () => {
  const id = await createService();
  const clerk = await addStaff(db, 'clerk');
  const clerkBrowser = new Browser(sut);
  await clerkBrowser.signIn(clerk.username);
  assert.equal((await clerkBrowser.get('/staff/admin/services')).status, 403);
  const csrf = await clerkBrowser.csrfFrom('/staff');
  const attempt = await clerkBrowser.post(`/staff/admin/services/${id}/texts/uk`, { _csrf: csrf, name: 'Hacked' });
  assert.equal(attempt.status, 403);
  assert.equal(await db.selectFrom('service_text').select('lang').where('service_id', '=', id).where('lang', '=', 'uk').executeTakeFirst(), undefined);
  const denied = await db
    .selectFrom('audit_entry')
    .select(['action', 'actor_staff_id', 'screen'])
    .where('outcome', '=', 'denied')
    .where('actor_staff_id', '=', clerk.id)
    .execute();
  assert.ok(denied.some((entry) => entry.action === 'denied:office.manage' && entry.screen === `POST /staff/admin/services/${id}/texts/uk`));
});

test('an admin sets a lottery window for same-day times; without a release time or past midnight it is refused and nothing changes', async () => {
  const id = await createService();
  const page = await browser.get(`/staff/admin/services/${id}`);
  assert.match(await page.text(), /name="sameDayLotteryMinutes"/);
  const set = await browser.submit(`/staff/admin/services/${id}`, `/staff/admin/services/${id}`, {
    ...settings,
    slug: `lot-${id.slice(0, 8)}`,
    sameDayLotteryMinutes: '30',
    lotteryHoldMinutes: '45',
    active: 'on',
  });
  assert.equal(set.status, 303);
  const row = await db.selectFrom('service').select(['same_day_lottery_minutes', 'lottery_hold_minutes']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { same_day_lottery_minutes: 30, lottery_hold_minutes: 45 });
  for (const bad of [
    { sameDayRelease: '', sameDayLotteryMinutes: '30' },
    { sameDayRelease: '23:30', sameDayLotteryMinutes: '60' },
  ]) {
    const refused = await browser.submit(`/staff/admin/services/${id}`, `/staff/admin/services/${id}`, {
      ...settings,
      slug: `lot-${id.slice(0, 8)}`,
      ...bad,
      active: 'on',
    });
    assert.equal(refused.status, 422);
  }
  const after = await db.selectFrom('service').select(['same_day_release', 'same_day_lottery_minutes']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(after, { same_day_release: '07:30:00', same_day_lottery_minutes: 30 });
});
