import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { isAppError } from '../../shared/app-error.ts';
import type { StaffActor } from '../staff/index.ts';
import { addClosure } from './closures.ts';
import { listLocations, listServices } from './index.ts';
import type { OfficeChange } from './office-change.ts';
import { createService } from './save-service.ts';
import { addWalkInHours } from './walk-in-hours.ts';

// The office's use cases run without HTTP: they authorize with the staff policy and write in one transaction.
const { db } = await createTestDatabase();
const deps = { db, clock: fixedClock('2026-12-01T08:00:00Z') };
const wetzlar = await db
  .insertInto('location')
  .values({ slug: 'wetzlar', name: 'Wetzlar', address: '', federal_state: 'HE' })
  .returning('id')
  .executeTakeFirstOrThrow();
const dillenburg = await db.insertInto('location').values({ slug: 'dillenburg', name: 'Dillenburg', address: '' }).returning('id').executeTakeFirstOrThrow();
const admin = await db
  .insertInto('staff')
  .values({ username: 'admin1', display_name: 'Admin', role: 'admin', password_hash: 'x' })
  .returning('id')
  .executeTakeFirstOrThrow();
const lead = await db
  .insertInto('staff')
  .values({ username: 'lead1', display_name: 'Lead', role: 'team_lead', password_hash: 'x' })
  .returning('id')
  .executeTakeFirstOrThrow();

const actor = (id: string, role: StaffActor['role'], locationIds: string[]): StaffActor => ({
  kind: 'staff',
  staffId: id,
  displayName: role,
  username: role,
  role,
  locationIds,
  specialtyIds: [],
  via: 'session',
});
const change = (a: StaffActor): OfficeChange => ({ actor: a, screen: 'test', ip: undefined });
const asAdmin = change(actor(admin.id, 'admin', []));
const asLead = change(actor(lead.id, 'team_lead', [wetzlar.id]));
const refused = (code: string) => (error: unknown) => isAppError(error) && error.code === code;

const settings = {
  slug: 'uebertrag',
  durationMinutes: 30,
  slotMinutes: 15,
  fee: null,
  onlineBookable: true,
  walkInAllowed: false,
  walkInDailyQuota: null,
  minLeadMinutes: 0,
  maxDaysAhead: 60,
  sameDayRelease: null,
  requiredResourceKind: null,
  active: true,
  specialtyIds: [],
  locationIds: [wetzlar.id],
};

test('a team lead adds closures at their own location only, and no walk-in hours anywhere', async () => {
  const closure = { day: '2026-12-24', starts: null, ends: null, reason: 'Weihnachtsfeier' };
  assert.ok(await addClosure(deps, asLead, { locationId: wetzlar.id, ...closure }));
  await assert.rejects(addClosure(deps, asLead, { locationId: dillenburg.id, ...closure }), refused('forbidden'));
  await assert.rejects(addWalkInHours(deps, asLead, wetzlar.id, { weekday: 1, opens: '08:00', closes: '12:00' }), refused('forbidden'));
  const closures = await db.selectFrom('location_closure').select('location_id').execute();
  assert.deepEqual(
    closures.map((c) => c.location_id),
    [wetzlar.id],
  );
  assert.equal((await db.selectFrom('location_opening_hours').select('location_id').execute()).length, 0);
});

test('a service with a location that does not exist is refused as the user’s mistake and nothing is written', async () => {
  await assert.rejects(
    createService(deps, asAdmin, { ...settings, name: 'Übertrag', locationIds: ['00000000-0000-4000-8000-000000000000'] }),
    refused('validation_failed'),
  );
  assert.equal((await db.selectFrom('service').select('id').execute()).length, 0);
  const id = await createService(deps, asAdmin, { ...settings, name: 'Übertrag' });
  const audit = await db.selectFrom('audit_entry').select(['action', 'screen']).where('target_id', '=', id).execute();
  assert.deepEqual(audit, [{ action: 'admin.service.create', screen: 'test' }]);
});

test('the readers give the portal what it shows: the German name beside a translation, the federal state', async () => {
  const [service] = await listServices(deps, { lang: 'uk' });
  assert.equal(service?.name, 'Übertrag');
  assert.equal(service?.germanName, 'Übertrag');
  const locations = await listLocations(deps);
  assert.deepEqual(
    locations.map((l) => [l.slug, l.federalState]),
    [
      ['dillenburg', null],
      ['wetzlar', 'HE'],
    ],
  );
});
