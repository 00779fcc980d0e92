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

const adminPages = [
  '/staff/admin/locations',
  '/staff/admin/specialties',
  '/staff/admin/services',
  '/staff/admin/info-pages',
  '/staff/admin/staff',
  '/staff/admin/staff/new',
  '/staff/admin/hours',
  '/staff/admin/security',
  '/staff/admin/audit',
];

test('every admin page opens for an admin and is refused to clerks and reception', async () => {
  for (const page of adminPages) assert.equal((await browser.get(page)).status, 200, page);
  for (const role of ['clerk', 'reception'] as const) {
    const other = new Browser(sut);
    await other.signIn((await addStaff(db, role)).username);
    for (const page of adminPages) assert.equal((await other.get(page)).status, 403, `${role} ${page}`);
  }
});

test('locations, counters and specialties with routing rules; invalid input changes nothing', async () => {
  const badZone = await browser.submit('/staff/admin/locations', '/staff/admin/locations', {
    name: 'Mitte',
    slug: 'mitte',
    address: 'Rathausplatz 1',
    timeZone: 'Mars/Olympus',
    active: 'on',
  });
  assert.equal(badZone.status, 422);
  assert.equal((await db.selectFrom('location').select('id').execute()).length, 0);
  assert.equal(
    (
      await browser.submit('/staff/admin/locations', '/staff/admin/locations', {
        name: 'Mitte',
        slug: 'mitte',
        address: 'Rathausplatz 1',
        timeZone: 'Europe/Berlin',
        active: 'on',
      })
    ).status,
    303,
  );
  assert.equal(
    (await browser.submit('/staff/admin/locations', '/staff/admin/locations', { name: 'Mitte 2', slug: 'mitte', address: '', timeZone: 'Europe/Berlin' }))
      .status,
    409,
  );
  const location = await db.selectFrom('location').select('id').executeTakeFirstOrThrow();
  assert.equal(
    (await browser.submit(`/staff/admin/locations/${location.id}`, `/staff/admin/locations/${location.id}/counters`, { name: 'Schalter 1' })).status,
    303,
  );
  assert.equal(
    (await browser.submit(`/staff/admin/locations/${location.id}`, `/staff/admin/locations/${location.id}/counters`, { name: 'Schalter 1' })).status,
    409,
  );

  const reversed = await browser.submit('/staff/admin/specialties', '/staff/admin/specialties', {
    name: 'Back office',
    slug: 'back',
    queuePrefix: 'B',
    sortOrder: '1',
    ruleKind: 'surname',
    surnameFrom: 'L',
    surnameTo: 'C',
  });
  assert.equal(reversed.status, 422);
  const ok = await browser.submit('/staff/admin/specialties', '/staff/admin/specialties', {
    name: 'Back office A–K',
    slug: 'back-a-k',
    queuePrefix: 'BA',
    sortOrder: '1',
    ruleKind: 'surname',
    surnameFrom: 'a',
    surnameTo: 'k',
  });
  assert.equal(ok.status, 303);
  const ukraine = await browser.submit('/staff/admin/specialties', '/staff/admin/specialties', {
    name: 'Ukraine',
    slug: 'ukraine',
    queuePrefix: 'U',
    sortOrder: '2',
    ruleKind: 'nationality',
    countries: 'ua',
  });
  assert.equal(ukraine.status, 303);
  const rules = await db.selectFrom('specialty').select(['slug', 'routing_rule']).orderBy('slug').execute();
  assert.deepEqual(rules, [
    { slug: 'back-a-k', routing_rule: { kind: 'surname', from: 'A', to: 'K' } },
    { slug: 'ukraine', routing_rule: { kind: 'nationality', countries: ['UA'] } },
  ]);
});

test('an admin creates a clerk account who can then sign in; deactivating ends their sessions', async () => {
  const location = await db.insertInto('location').values({ slug: 'nord', name: 'Nord', address: '' }).returning('id').executeTakeFirstOrThrow();
  const created = await browser.submit('/staff/admin/staff/new', '/staff/admin/staff', {
    username: 'k.yilmaz',
    password: 'a long enough password',
    displayName: 'Kerem Yılmaz',
    role: 'clerk',
    active: 'on',
    locationIds: [location.id],
  });
  assert.equal(created.status, 303);
  const id = /staff\/([0-9a-f-]{36})/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
  assert.equal(
    (
      await browser.submit('/staff/admin/staff/new', '/staff/admin/staff', {
        username: 'k.yilmaz',
        password: 'a long enough password',
        displayName: 'Other',
        role: 'clerk',
      })
    ).status,
    409,
  );
  assert.equal(
    (await browser.submit('/staff/admin/staff/new', '/staff/admin/staff', { username: 'short.pw', password: 'short', displayName: 'Other', role: 'clerk' }))
      .status,
    422,
  );

  const clerk = new Browser(sut);
  assert.equal((await clerk.signIn('k.yilmaz', 'a long enough password')).status, 303);
  assert.equal((await clerk.get('/staff')).status, 200);

  const saved = await browser.submit(`/staff/admin/staff/${id}`, `/staff/admin/staff/${id}`, {
    displayName: 'Kerem Yılmaz',
    role: 'team_lead',
    locationIds: [location.id],
  });
  assert.equal(saved.status, 303);
  assert.equal((await clerk.get('/staff')).status, 303, 'deactivated: the session is gone');
  const audit = await db
    .selectFrom('audit_entry')
    .select(['before', 'after'])
    .where('action', '=', 'admin.staff.update')
    .where('target_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [(audit.before as { role: string }).role, (audit.after as { role: string; active: boolean }).role, (audit.after as { active: boolean }).active],
    ['clerk', 'team_lead', false],
  );

  const selfDemotion = await browser.submit(`/staff/admin/staff/${admin.id}`, `/staff/admin/staff/${admin.id}`, {
    displayName: 'Me',
    role: 'clerk',
    active: 'on',
  });
  assert.equal(selfDemotion.status, 409);
});

test('the audit search finds entries by staff member and date, and is itself audited', async () => {
  const html = await (await browser.get(`/staff/admin/audit?staff=${admin.username}&from=2026-11-23&to=2026-11-23`)).text();
  assert.match(html, /admin\.location\.create/);
  assert.match(html, /staff\.sign_in/);
  const empty = await (await browser.get(`/staff/admin/audit?staff=${admin.username}&from=2026-11-24`)).text();
  assert.doesNotMatch(empty, /admin\.location\.create/);
  assert.equal((await browser.get('/staff/admin/audit?from=not-a-date')).status, 422);
  const searches = await db.selectFrom('audit_entry').select('note').where('action', '=', 'audit.search').execute();
  assert.ok(searches.length >= 2);
  // A search by name is recorded with the person rows it found, never with the name typed in.
  await browser.get('/staff/admin/audit?person=Kovalenko');
  const byName = await db
    .selectFrom('audit_entry')
    .select('note')
    .where('action', '=', 'audit.search')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  assert.doesNotMatch(byName.note ?? '', /Kovalenko/i);
  assert.deepEqual(JSON.parse(byName.note ?? '{}').person, { found: [] });
});

test('working-hour templates and day exceptions: add, refuse nonsense, delete; every change audited', async () => {
  const location = await db.insertInto('location').values({ slug: 'sued', name: 'Süd', address: '' }).returning('id').executeTakeFirstOrThrow();
  const elsewhere = await db.insertInto('location').values({ slug: 'ost', name: 'Ost', address: '' }).returning('id').executeTakeFirstOrThrow();
  const clerk = await addStaff(db, 'clerk', { locationIds: [location.id] });
  const page = `/staff/admin/hours/${clerk.id}`;
  assert.equal(
    (await browser.submit(page, `${page}/template`, { locationId: location.id, weekday: '3', starts: '07:00', ends: '15:30', validFrom: '', validUntil: '' }))
      .status,
    303,
  );
  assert.equal((await browser.submit(page, `${page}/template`, { locationId: location.id, weekday: '3', starts: '15:00', ends: '09:00' })).status, 422);
  assert.equal((await browser.submit(page, `${page}/template`, { locationId: location.id, weekday: '8', starts: '07:00', ends: '09:00' })).status, 422);
  assert.equal(
    (await browser.submit(page, `${page}/template`, { locationId: elsewhere.id, weekday: '2', starts: '07:00', ends: '09:00' })).status,
    422,
    'not a location of this clerk',
  );
  assert.equal(
    (
      await browser.submit(page, `${page}/template`, {
        locationId: location.id,
        weekday: '2',
        starts: '07:00',
        ends: '09:00',
        validFrom: '2026-12-31',
        validUntil: '2026-01-01',
      })
    ).status,
    422,
  );
  assert.equal((await browser.submit(page, `${page}/overrides`, { locationId: location.id, day: '2026-12-24', starts: '08:00', ends: '12:00' })).status, 303);
  const hours = await db.selectFrom('working_hours').selectAll().where('staff_id', '=', clerk.id).execute();
  assert.deepEqual(
    hours.map((h) => [h.weekday, h.starts, h.ends]),
    [[3, '07:00:00', '15:30:00']],
  );
  assert.equal((await browser.submit(page, `${page}/template/${hours[0]!.id}/delete`, {})).status, 303);
  assert.equal((await browser.submit(page, `${page}/template/${hours[0]!.id}/delete`, {})).status, 404, 'already gone');
  assert.equal((await db.selectFrom('working_hours').select('id').where('staff_id', '=', clerk.id).execute()).length, 0);
  const audited = await db
    .selectFrom('audit_entry')
    .select('action')
    .where('action', 'in', ['admin.working_hours.add', 'admin.working_hours.delete', 'admin.working_day_override.add'])
    .execute();
  assert.equal(audited.length, 3);
});
