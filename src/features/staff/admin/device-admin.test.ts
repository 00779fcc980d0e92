import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, fixedClock } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/database.ts';
import { createOffice } from '../../../../test/office-factory.ts';
import { addStaff, Browser } from '../../../../test/staff.ts';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-11-23T08:00:00Z');
const sut = createTestApp(db, { clock });
const office = await createOffice(db);
const { slug } = await db.selectFrom('location').select('slug').where('id', '=', office.locationId).executeTakeFirstOrThrow();
const admin = await addStaff(db, 'admin');
const browser = new Browser(sut);
await browser.signIn(admin.username);
const page = '/staff/admin/security';

const auditOf = (action: string) =>
  db.selectFrom('audit_entry').select(['actor_staff_id', 'outcome', 'target_id', 'after']).where('action', '=', action).orderBy('at').execute();

test('an administrator registers a kiosk, it pairs with the token shown once, and revoking it shuts its screen', async () => {
  const created = await browser.submit(page, '/staff/admin/security/devices', { name: 'Eingang EG', kind: 'kiosk', locationId: office.locationId });
  assert.equal(created.status, 201);
  const token = /lotse_dev_[A-Za-z0-9_-]+/.exec(await created.text())?.[0];
  assert.ok(token, 'the token is shown in the answer');
  const device = await db.selectFrom('device').selectAll().where('name', '=', 'Eingang EG').executeTakeFirstOrThrow();
  assert.equal(device.kind, 'kiosk');
  assert.equal(device.location_id, office.locationId);
  assert.notEqual(device.token_hash, token, 'only a hash is stored');
  assert.doesNotMatch(await (await browser.get(page)).text(), new RegExp(token), 'shown once: not on the page again');
  assert.deepEqual(await auditOf('admin.device.create'), [
    { actor_staff_id: admin.id, outcome: 'ok', target_id: device.id, after: { name: 'Eingang EG', kind: 'kiosk', locationId: office.locationId } },
  ]);

  const kiosk = new Browser(sut);
  const paired = await kiosk.post('/device/pair', { token });
  assert.equal(paired.headers.get('location'), '/kiosk');
  const landing = await kiosk.get('/kiosk');
  assert.equal(landing.headers.get('location'), `/kiosk/${slug}`);
  assert.equal((await kiosk.get(`/kiosk/${slug}`)).status, 200);

  const revoked = await browser.submit(page, '/staff/admin/security/devices/revoke', { id: device.id });
  assert.equal(revoked.status, 303);
  assert.equal(revoked.headers.get('location'), '/staff/admin/security?saved=1');
  const after = await db.selectFrom('device').select('revoked_at').where('id', '=', device.id).executeTakeFirstOrThrow();
  assert.equal(after.revoked_at?.toISOString(), clock.now().toISOString());
  assert.deepEqual(
    (await auditOf('admin.device.revoke')).map((e) => [e.actor_staff_id, e.target_id]),
    [[admin.id, device.id]],
  );
  // The paired screen stops at its next request, and the token no longer pairs.
  assert.equal((await kiosk.get(`/kiosk/${slug}`)).status, 401);
  assert.equal((await new Browser(sut).post('/device/pair', { token })).headers.get('location'), '/device/pair?error=1');
  // The page no longer offers to revoke it.
  assert.doesNotMatch(await (await browser.get(page)).text(), new RegExp(`name="id" value="${device.id}"`));

  // Revoking twice: 404, and no second entry in the audit trail.
  assert.equal((await browser.submit(page, '/staff/admin/security/devices/revoke', { id: device.id })).status, 404);
  assert.equal((await auditOf('admin.device.revoke')).length, 1);
});

test('bad device input is refused with a 4xx and writes nothing', async () => {
  const before = (await db.selectFrom('device').select('id').execute()).length;
  const unknownKind = await browser.submit(page, '/staff/admin/security/devices', { name: 'Drucker', kind: 'printer', locationId: office.locationId });
  assert.equal(unknownKind.status, 422);
  const noName = await browser.submit(page, '/staff/admin/security/devices', { name: '  ', kind: 'display', locationId: office.locationId });
  assert.equal(noName.status, 422);
  const unknownLocation = await browser.submit(page, '/staff/admin/security/devices', {
    name: 'Wartebereich',
    kind: 'display',
    locationId: '00000000-0000-4000-8000-000000000000',
  });
  assert.equal(unknownLocation.status, 404);
  assert.equal((await browser.submit(page, '/staff/admin/security/devices/revoke', { id: 'not-an-id' })).status, 422);
  assert.equal((await db.selectFrom('device').select('id').execute()).length, before);
  assert.equal((await auditOf('admin.device.create')).length, 1, 'only the device of the first test');
});

test('only administrators manage devices; a team lead is refused and the refusal is audited', async () => {
  const lead = await addStaff(db, 'team_lead', { locationIds: [office.locationId] });
  const other = new Browser(sut);
  await other.signIn(lead.username);
  const csrf = await other.csrfFrom('/staff');
  const refused = await other.post('/staff/admin/security/devices', { _csrf: csrf, name: 'Heimlich', kind: 'display', locationId: office.locationId });
  assert.equal(refused.status, 403);
  assert.equal(await db.selectFrom('device').select('id').where('name', '=', 'Heimlich').executeTakeFirst(), undefined);
  const denied = await db.selectFrom('audit_entry').select(['actor_staff_id', 'outcome']).where('action', '=', 'denied:security.manage').execute();
  assert.deepEqual(denied, [{ actor_staff_id: lead.id, outcome: 'denied' }]);
});
