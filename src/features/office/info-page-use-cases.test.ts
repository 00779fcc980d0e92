import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { isAppError } from '../../shared/app-error.ts';
import type { StaffActor } from '../staff/index.ts';
import { approveInfoPageTranslation } from './info-page-approve.ts';
import { createInfoPage, isStaleVersion, saveInfoPage, type InfoPageInput } from './info-page-save.ts';
import { infoPageDigest, infoPageTextState } from './info-page-status.ts';
import { saveInfoPageTranslation } from './info-page-translation-save.ts';
import { findInfoPage } from './info-page-view.ts';

// The information pages' use cases without HTTP: policy, one transaction each, versions, audit.
const { db } = await createTestDatabase();
const clock = fixedClock('2026-12-01T08:00:00Z');
const deps = { db, clock };
const staffRow = (role: StaffActor['role']) =>
  db
    .insertInto('staff')
    .values({ username: `${role}-${Math.random().toString(36).slice(2, 8)}`, display_name: role, role, password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
const actorOf = (id: string, role: StaffActor['role']): StaffActor => ({
  kind: 'staff',
  staffId: id,
  displayName: role,
  username: role,
  role,
  locationIds: [],
  specialtyIds: [],
  via: 'session',
});
const admin = { actor: actorOf((await staffRow('admin')).id, 'admin'), screen: 'test', ip: undefined };
const lead = { actor: actorOf((await staffRow('team_lead')).id, 'team_lead'), screen: 'test', ip: undefined };

const german = { title: 'Gebühren', summary: 'Was kostet was?', body: 'Die Gebühren stehen in der AufenthV.\n\n- eAT: 100 Euro' };
let counter = 0;
const input = (over: Partial<InfoPageInput> = {}): InfoPageInput => ({
  slug: `gebuehren-${++counter}`,
  position: 3,
  published: true,
  serviceIds: [],
  german,
  ...over,
});
const textOf = (pageId: string, lang: string) =>
  db.selectFrom('info_page_text').selectAll().where('info_page_id', '=', pageId).where('lang', '=', lang).executeTakeFirst();
const versionOf = async (pageId: string) => (await db.selectFrom('info_page').select('version').where('id', '=', pageId).executeTakeFirstOrThrow()).version;
const ukrainian = { title: 'Збори', summary: 'Скільки це коштує?', body: 'Збори визначає AufenthV.' };

async function rejects(promise: Promise<unknown>, code: string, check?: (error: unknown) => boolean) {
  await assert.rejects(promise, (error) => isAppError(error) && error.code === code && (check?.(error) ?? true));
}

test('creating a page writes the page, its German text with its own digest and the audit entry, at the clock’s time', async () => {
  const id = await createInfoPage(deps, admin, input());
  const page = await db.selectFrom('info_page').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(page.version, 1);
  assert.deepEqual(page.created_at, clock.now());
  const de = await textOf(id, 'de');
  assert.equal(de?.source_digest, infoPageDigest(german));
  const audit = await db.selectFrom('audit_entry').select(['action', 'actor_staff_id']).where('target_id', '=', id).execute();
  assert.deepEqual(audit, [{ action: 'admin.info_page.create', actor_staff_id: admin.actor.staffId }]);
});

test('only an administrator changes pages; a refused change writes nothing', async () => {
  await rejects(createInfoPage(deps, lead, input({ slug: 'von-der-teamleitung' })), 'forbidden');
  assert.equal(await db.selectFrom('info_page').select('id').where('slug', '=', 'von-der-teamleitung').executeTakeFirst(), undefined);
});

test('a taken short name or an unknown service is the user’s mistake, and nothing is half-written', async () => {
  const first = input();
  await createInfoPage(deps, admin, first);
  await rejects(createInfoPage(deps, admin, { ...first }), 'conflict');
  const before = await db.selectFrom('info_page').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  await rejects(createInfoPage(deps, admin, input({ serviceIds: ['00000000-0000-4000-8000-000000000000'] })), 'validation_failed');
  const after = await db.selectFrom('info_page').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(after.n, before.n, 'the page of the failed create is not there');
});

test('translation states: missing → unapproved → current on approval → outdated when the German changes → current after a new translation', async () => {
  const id = await createInfoPage(deps, admin, input());
  const stateOf = async () => infoPageTextState(await textOf(id, 'de'), await textOf(id, 'uk'));
  assert.equal(await stateOf(), 'missing');
  await saveInfoPageTranslation(
    deps,
    admin,
    { pageId: id, lang: 'uk' },
    { ...ukrainian, version: 0, sourceDigest: infoPageDigest(german), machineTranslated: true },
  );
  assert.equal(await stateOf(), 'unapproved');
  assert.equal(
    (await findInfoPage(deps, 'uk', (await db.selectFrom('info_page').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug))?.machineTranslated,
    true,
  );

  clock.advance(60_000);
  await approveInfoPageTranslation(deps, admin, { pageId: id, lang: 'uk' }, 1);
  const approved = await textOf(id, 'uk');
  assert.equal(approved?.approved_by, admin.actor.staffId);
  assert.deepEqual(approved?.approved_at, clock.now());
  assert.equal(await stateOf(), 'current');
  await rejects(approveInfoPageTranslation(deps, admin, { pageId: id, lang: 'uk' }, 2), 'conflict', (e) => !isStaleVersion(e));

  const slug = (await db.selectFrom('info_page').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  await saveInfoPage(deps, admin, id, 1, input({ slug, german }));
  assert.equal(await stateOf(), 'current', 'the same German text again changes nothing');
  await saveInfoPage(deps, admin, id, 2, input({ slug, german: { ...german, body: `${german.body}\n- Kinder: 50 Euro` } }));
  assert.equal(await stateOf(), 'outdated');

  const newGerman = (await textOf(id, 'de'))!;
  await saveInfoPageTranslation(
    deps,
    admin,
    { pageId: id, lang: 'uk' },
    { ...ukrainian, body: `${ukrainian.body} Діти: 50 євро.`, version: 2, sourceDigest: infoPageDigest(newGerman), machineTranslated: false },
  );
  assert.equal(await stateOf(), 'current');
  const saved = await textOf(id, 'uk');
  assert.equal(saved?.approved_at, null, 'a new text is no longer the approved one');
  const actions = await db.selectFrom('audit_entry').select('action').where('target_id', '=', `${id}/uk`).orderBy('at').execute();
  assert.deepEqual(
    actions.map((a) => a.action),
    ['admin.info_page_text.save', 'admin.info_page_text.approve', 'admin.info_page_text.save'],
  );
});

test('a translation made from a German text that changed while the form was open is outdated at once', async () => {
  const id = await createInfoPage(deps, admin, input());
  const shown = infoPageDigest(german);
  const slug = (await db.selectFrom('info_page').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  await saveInfoPage(deps, admin, id, 1, input({ slug, german: { ...german, title: 'Gebühren 2027' } }));
  await saveInfoPageTranslation(
    deps,
    admin,
    { pageId: id, lang: 'ar' },
    { title: 'الرسوم', summary: '', body: '', version: 0, sourceDigest: shown, machineTranslated: false },
  );
  assert.equal(infoPageTextState(await textOf(id, 'de'), await textOf(id, 'ar')), 'outdated');
});

test('German is no translation, an unknown language is not offered, an unknown page is not found', async () => {
  const id = await createInfoPage(deps, admin, input());
  const t = { ...ukrainian, version: 0, sourceDigest: infoPageDigest(german), machineTranslated: true };
  await rejects(saveInfoPageTranslation(deps, admin, { pageId: id, lang: 'de' }, t), 'not_found');
  await rejects(saveInfoPageTranslation(deps, admin, { pageId: id, lang: 'xx' }, t), 'not_found');
  await rejects(saveInfoPageTranslation(deps, admin, { pageId: '00000000-0000-4000-8000-000000000000', lang: 'uk' }, t), 'not_found');
  await rejects(saveInfoPage(deps, admin, '00000000-0000-4000-8000-000000000000', 1, input()), 'not_found');
  assert.equal(await textOf(id, 'de').then((row) => row?.machine_translated), false);
});

test('two saves of a page based on the same version: one is saved, the other is a conflict, nothing is lost silently', async () => {
  const id = await createInfoPage(deps, admin, input());
  const slug = (await db.selectFrom('info_page').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
  const results = await Promise.allSettled([
    saveInfoPage(deps, admin, id, 1, input({ slug, german: { ...german, title: 'Fassung A' } })),
    saveInfoPage(deps, admin, id, 1, input({ slug, german: { ...german, title: 'Fassung B' } })),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const rejected = results.filter((r) => r.status === 'rejected');
  assert.equal(rejected.length, 1);
  assert.ok(isStaleVersion(rejected[0]!.reason), String(rejected[0]!.reason));
  assert.equal(await versionOf(id), 2);
  const title = (await textOf(id, 'de'))?.title;
  assert.ok(title === 'Fassung A' || title === 'Fassung B');
  const updates = await db.selectFrom('audit_entry').select('action').where('target_id', '=', id).where('action', '=', 'admin.info_page.update').execute();
  assert.equal(updates.length, 1);
});

test('two first translations of one language at once: one is saved, the other is a conflict', async () => {
  const id = await createInfoPage(deps, admin, input());
  const base = { version: 0, sourceDigest: infoPageDigest(german), machineTranslated: false };
  const results = await Promise.allSettled([
    saveInfoPageTranslation(deps, admin, { pageId: id, lang: 'ru' }, { ...base, title: 'Пошлины', summary: '', body: 'А' }),
    saveInfoPageTranslation(deps, admin, { pageId: id, lang: 'ru' }, { ...base, title: 'Сборы', summary: '', body: 'Б' }),
  ]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  assert.equal((await textOf(id, 'ru'))?.version, 1);
  // Translations of other languages do not collide with each other.
  await saveInfoPageTranslation(deps, admin, { pageId: id, lang: 'tr' }, { ...base, title: 'Harçlar', summary: '', body: '' });
  await saveInfoPageTranslation(deps, admin, { pageId: id, lang: 'fa' }, { ...base, title: 'هزینه‌ها', summary: '', body: '' });
});
