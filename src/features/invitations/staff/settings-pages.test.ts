import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice, createService } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';

const { db, url } = await createTestDatabase();
const clock = fixedClock('2026-12-01T06:30:00Z');
const sut = createTestApp(db, { url, clock });
const office = await createOffice(db);
const renewal = await createService(db, office, { texts: { de: 'Verlängerung' } });
const protection = await createService(db, office, { texts: { de: 'Schutz nach § 24' } });
const nowhere = await db.insertInto('service').values({ slug: 'nirgends', duration_minutes: 30, slot_minutes: 30 }).returning('id').executeTakeFirstOrThrow();
await db.insertInto('service_text').values({ service_id: nowhere.id, lang: 'de', name: 'Nirgends angeboten' }).execute();
const admin = await addStaff(db, 'admin');
const otherAdmin = await addStaff(db, 'admin');
const lead = await addStaff(db, 'team_lead', { locationIds: [office.locationId] });
const page = '/staff/admin/invitations';

const policy = () => db.selectFrom('invitation_policy').selectAll().executeTakeFirstOrThrow();
const fields = (overrides: Record<string, string> = {}) => ({
  version: '1',
  windowFromDays: '56',
  windowToDays: '84',
  earliestDays: '14',
  daysBeforeExpiry: '7',
  keepFreePercent: '30',
  releaseDaysBefore: '3',
  reminderDaysBefore: '7',
  reviewBeforeRelease: 'on',
  ...overrides,
});
const audited = (action: string) => db.selectFrom('audit_entry').select(['before', 'after', 'target_id']).where('action', '=', action).orderBy('id').execute();

async function signedIn(username: string): Promise<Browser> {
  const browser = new Browser(sut);
  await browser.signIn(username);
  return browser;
}

test('an administrator changes the policy; the change is audited with before and after', async () => {
  const sut = await signedIn(admin.username);
  const view = await sut.get(page);
  assert.equal(view.status, 200);
  const html = await view.text();
  assert.match(html, /^<!doctype html>/i);
  assert.match(html, /name="keepFreePercent"[^>]*value="30"/);
  const version = String((await policy()).version);
  const { reviewBeforeRelease: _unchecked, ...typed } = fields({ version, keepFreePercent: '25', windowFromDays: '49' });
  const saved = await sut.submit(page, `${page}/policy`, typed);
  assert.equal(saved.status, 303);
  const row = await policy();
  assert.equal(row.keep_free_percent, 25);
  assert.equal(row.window_from_days, 49);
  assert.equal(row.review_before_release, false);
  assert.equal(row.version, Number(version) + 1);
  assert.deepEqual(row.updated_at, clock.now());
  const [entry] = (await audited('admin.invitation_policy.update')).slice(-1);
  assert.ok(entry);
  assert.equal((entry.before as { keepFreePercent: number }).keepFreePercent, 30);
  assert.equal((entry.after as { keepFreePercent: number; version: number }).keepFreePercent, 25);
});

test('a refused policy keeps what was typed, says why in German at each field, and writes nothing', async () => {
  const sut = await signedIn(admin.username);
  const before = await policy();
  const cases: [Record<string, string>, RegExp][] = [
    [{ windowFromDays: '90', windowToDays: '60' }, /Das Ende des Zeitraums muss nach seinem Beginn liegen/],
    [{ keepFreePercent: '120' }, /eine ganze Zahl von 0 bis 100/],
    [{ keepFreePercent: '-5' }, /eine ganze Zahl/],
    [{ reminderDaysBefore: '2', releaseDaysBefore: '3' }, /Die Erinnerung muss mehr Tage vor dem Termin liegen als die Freigabe/],
    [{ earliestDays: '180', windowToDays: '84' }, /bliebe für keinen Titel ein Tag/],
  ];
  for (const [typed, message] of cases) {
    const refused = await sut.submit(page, `${page}/policy`, fields({ version: String(before.version), ...typed }));
    assert.equal(refused.status, 422, JSON.stringify(typed));
    const html = await refused.text();
    assert.match(html, message);
    assert.match(html, /Nicht gespeichert/);
    for (const [name, value] of Object.entries(typed)) assert.match(html, new RegExp(`name="${name}"[^>]*value="${value}"`), `${name} keeps ${value}`);
    assert.match(html, /aria-invalid="true"/);
  }
  assert.deepEqual(await policy(), before);
});

test('two administrators save the policy at once from the same page: the second is told and nothing of it is written', async () => {
  const first = await signedIn(admin.username);
  const second = await signedIn(otherAdmin.username);
  const version = String((await policy()).version);
  const [a, b] = await Promise.all([
    first.submit(page, `${page}/policy`, fields({ version, keepFreePercent: '10' })),
    second.submit(page, `${page}/policy`, fields({ version, keepFreePercent: '90' })),
  ]);
  const statuses = [a.status, b.status].sort();
  assert.deepEqual(statuses, [303, 409]);
  const loser = a.status === 409 ? a : b;
  assert.match(await loser.text(), /wurde inzwischen von jemand anderem geändert/);
  const row = await policy();
  assert.equal(row.version, Number(version) + 1);
  assert.equal(row.keep_free_percent, a.status === 303 ? 10 : 90);
});

test('an administrator adds, changes and removes a title-kind mapping; each step audited', async () => {
  const sut = await signedIn(admin.username);
  const added = await sut.submit(page, `${page}/services`, { titleKind: 'residence_permit', serviceId: renewal });
  assert.equal(added.status, 303);
  const html = await (await sut.get(page)).text();
  assert.match(html, /<th scope="row">Aufenthaltserlaubnis<\/th>/);
  const mapping = () => db.selectFrom('invitation_service').selectAll().where('title_kind', '=', 'residence_permit').executeTakeFirst();
  assert.equal((await mapping())?.service_id, renewal);

  const again = await sut.submit(page, `${page}/services`, { titleKind: 'residence_permit', serviceId: protection });
  assert.equal(again.status, 409);
  assert.match(await again.text(), /Für diese Titelart ist schon eine Leistung eingestellt/);

  const changed = await sut.submit(page, `${page}/services/residence_permit`, { version: '1', serviceId: protection });
  assert.equal(changed.status, 303);
  assert.deepEqual(await mapping(), { title_kind: 'residence_permit', service_id: protection, version: 2 });

  const stale = await sut.submit(page, `${page}/services/residence_permit`, { version: '1', serviceId: renewal });
  assert.equal(stale.status, 409);
  assert.match(await stale.text(), /Diese Zuordnung wurde inzwischen von jemand anderem geändert/);
  const staleRemove = await sut.submit(page, `${page}/services/residence_permit/delete`, { version: '1' });
  assert.equal(staleRemove.status, 409);
  assert.equal((await mapping())?.service_id, protection);

  const removed = await sut.submit(page, `${page}/services/residence_permit/delete`, { version: '2' });
  assert.equal(removed.status, 303);
  assert.equal(await mapping(), undefined);

  assert.equal((await audited('admin.invitation_service.create')).length, 1);
  const [update] = await audited('admin.invitation_service.update');
  assert.deepEqual(update?.before, { title_kind: 'residence_permit', service_id: renewal, version: 1 });
  assert.deepEqual(update?.after, { title_kind: 'residence_permit', service_id: protection, version: 2 });
  const [deletion] = await audited('admin.invitation_service.delete');
  assert.equal(deletion?.target_id, 'residence_permit');
});

test('two administrators add the same kind, or change the same mapping, at once: one wins, the other is told', async () => {
  const [first, second] = [await signedIn(admin.username), await signedIn(otherAdmin.username)];
  const added = await Promise.all([
    first.submit(page, `${page}/services`, { titleKind: 'eu_blue_card', serviceId: renewal }),
    second.submit(page, `${page}/services`, { titleKind: 'eu_blue_card', serviceId: protection }),
  ]);
  assert.deepEqual(added.map((r) => r.status).sort(), [303, 409]);
  const row = await db.selectFrom('invitation_service').selectAll().where('title_kind', '=', 'eu_blue_card').executeTakeFirstOrThrow();
  assert.equal(row.service_id, added[0]?.status === 303 ? renewal : protection);
  const changed = await Promise.all([
    first.submit(page, `${page}/services/eu_blue_card`, { version: String(row.version), serviceId: protection }),
    second.submit(page, `${page}/services/eu_blue_card/delete`, { version: String(row.version) }),
  ]);
  const after = await db.selectFrom('invitation_service').selectAll().where('title_kind', '=', 'eu_blue_card').executeTakeFirst();
  // Changed first: the removal names an old version (409). Removed first: the change finds no mapping (404).
  if (changed[0]?.status === 303) {
    assert.equal(changed[1]?.status, 409);
    assert.deepEqual(after, { title_kind: 'eu_blue_card', service_id: protection, version: row.version + 1 });
  } else {
    assert.deepEqual([changed[0]?.status, changed[1]?.status], [404, 303]);
    assert.equal(after, undefined);
  }
  await db.deleteFrom('invitation_service').where('title_kind', '=', 'eu_blue_card').execute();
});

test('a mapping needs an existing service offered at a location; unknown kinds are 404', async () => {
  const sut = await signedIn(admin.username);
  const notOffered = await sut.submit(page, `${page}/services`, { titleKind: 'toleration', serviceId: nowhere.id });
  assert.equal(notOffered.status, 422);
  const html = await notOffered.text();
  assert.match(html, /„Nirgends angeboten“ wird an keinem Standort angeboten/);
  assert.match(html, /<option value="toleration" selected="">/, 'the chosen kind stays chosen');
  const unknown = await sut.submit(page, `${page}/services`, { titleKind: 'toleration', serviceId: '00000000-0000-4000-8000-000000000000' });
  assert.equal(unknown.status, 422);
  assert.match(await unknown.text(), /Diese Leistung gibt es nicht/);
  const notAKind = await sut.submit(page, `${page}/services`, { titleKind: 'passport', serviceId: renewal });
  assert.equal(notAKind.status, 422);
  assert.equal((await sut.submit(page, `${page}/services/passport`, { version: '1', serviceId: renewal })).status, 404);
  assert.equal((await sut.submit(page, `${page}/services/toleration/delete`, { version: '1' })).status, 404, 'a kind without a mapping');
  assert.equal(await db.selectFrom('invitation_service').select('title_kind').where('title_kind', '=', 'toleration').executeTakeFirst(), undefined);
});

test('team leads and clerks may not change the settings', async () => {
  const sut = await signedIn(lead.username);
  assert.equal((await sut.get(page)).status, 403);
});
